package io.ordo.app;

import io.ordo.adapters.persistence.EventStoreConfiguration;
import io.ordo.domain.Order;
import io.ordo.projections.AuditProjection;
import io.ordo.projections.OrderDetailProjection;
import io.ordo.projections.OrderListProjection;
import io.ordo.projections.OrderNotesProjection;
import io.ordo.projections.OrderTimelineProjection;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.springframework.beans.factory.annotation.Value;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Axon without Axon Server: the Order aggregate (registered without Spring stereotypes, so the domain
 * stays Spring-free), the JDBC event store, and the projections with their processors. Detail,
 * timeline and notes run subscribing, inside the command's transaction, and fail the command when they fail;
 * the list is a pooled streaming processor (see application.yml).
 */
@Configuration(proxyBeanMethods = false)
@Import(EventStoreConfiguration.class)
class AxonConfiguration {

    /**
     * The Order aggregate, snapshotted every {@code ordo.snapshot.threshold} events so that a campaign with
     * tens of thousands of deliveries loads from its latest snapshot plus a few events.
     */
    @Bean
    ConfigurerModule orderAggregate(@Value("${ordo.snapshot.threshold:250}") int threshold) {
        return configurer -> configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(Order.class)
                .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), threshold)));
    }

    /**
     * Spring's snapshotter only knows aggregates declared as Spring beans; ours is registered through the
     * configurer (the domain stays Spring-free), so the snapshotter is told about it here. Snapshots are
     * taken right after the command that crossed the threshold, in their own transaction.
     */
    @Bean
    Snapshotter orderSnapshotter(EventStore eventStore, TransactionManager transactionManager,
                                 ParameterResolverFactory parameterResolverFactory, HandlerDefinition handlerDefinition) {
        return AggregateSnapshotter.builder()
                .eventStore(eventStore)
                .transactionManager(transactionManager)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .aggregateFactories(new GenericAggregateFactory<>(Order.class))
                .build();
    }

    /** Every event carries its command's correlation and trace ids, and the tenant and user that caused it. */
    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider tenantAndActor() {
        return new SimpleCorrelationDataProvider("tenant", "actor");
    }

    @Bean
    ConfigurerModule readYourWritesProjectionsFailTheCommand() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(OrderDetailProjection.NAME, c -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler(OrderTimelineProjection.NAME, c -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler(OrderNotesProjection.NAME, c -> PropagatingErrorHandler.instance());
    }

    @Bean
    OrderDetailProjection orderDetailProjection(JdbcClient jdbc) {
        return new OrderDetailProjection(jdbc);
    }

    @Bean
    OrderTimelineProjection orderTimelineProjection(JdbcClient jdbc) {
        return new OrderTimelineProjection(jdbc);
    }

    @Bean
    OrderNotesProjection orderNotesProjection(JdbcClient jdbc) {
        return new OrderNotesProjection(jdbc);
    }

    @Bean
    AuditProjection auditProjection(JdbcClient jdbc) {
        return new AuditProjection(jdbc);
    }

    @Bean
    OrderListProjection orderListProjection(JdbcClient jdbc) {
        return new OrderListProjection(jdbc);
    }
}

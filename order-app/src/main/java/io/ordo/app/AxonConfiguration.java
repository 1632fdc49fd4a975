package io.ordo.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.ordo.adapters.persistence.EventStoreConfiguration;
import io.ordo.adapters.persistence.IdempotencyKeyRecorder;
import io.ordo.adapters.persistence.KnownVersionCache;
import io.ordo.adapters.persistence.outbox.OutboxWriter;
import io.ordo.adapters.persistence.personal.CustomerErasure;
import io.ordo.adapters.persistence.webhook.WebhookDeliveryRecorder;
import io.ordo.app.logging.MessageLogContext;
import io.ordo.app.logging.RequestCorrelation;
import io.ordo.app.metrics.MessageMetrics;
import io.ordo.domain.Order;
import io.ordo.projections.Projection;
import io.ordo.projections.deadletter.ProjectionDeadLetters;
import io.ordo.projections.order.WrittenOrder;
import io.ordo.projections.rebuild.ProjectionReplays;
import io.ordo.projections.store.ProjectionSlots;
import io.ordo.projections.store.ProjectionSlots.Role;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Axon without Axon Server: the Order aggregate (registered without Spring stereotypes, so the domain
 * stays Spring-free), the JDBC event store, and the projections with their processors.
 */
@Configuration(proxyBeanMethods = false)
@Import(EventStoreConfiguration.class)
class AxonConfiguration {

    /**
     * The handlers beside the projections that write their rows in the command's transaction: each its own processing
     * group (its error handler), all in the projections' processor {@link Projection#IN_COMMAND_PROCESSOR}.
     */
    private static final List<String> RECORDERS =
            List.of(IdempotencyKeyRecorder.NAME, WebhookDeliveryRecorder.NAME, OutboxWriter.NAME, CustomerErasure.NAME);

    /**
     * The Order aggregate, snapshotted every {@code ordo.snapshot.threshold} events so that a campaign with
     * tens of thousands of deliveries loads from its latest snapshot plus a few events; and kept in memory between
     * commands (a weak-reference cache: the heap decides how long) for the next command that names a version its
     * detail showed (KnownVersionCache), which then neither reads nor opens nor replays the order's events.
     */
    @Bean
    ConfigurerModule orderAggregate(@Value("${ordo.snapshot.threshold:25}") int threshold) {
        return configurer -> configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(Order.class)
                .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), threshold))
                .configureCache(c -> new KnownVersionCache(
                        new WeakReferenceCache(), AnnotatedAggregateMetaModelFactory.inspectAggregate(Order.class))));
    }

    /**
     * Spring's snapshotter only knows aggregates declared as Spring beans; ours is registered through the
     * configurer (the domain stays Spring-free), so the snapshotter is told about it here. Snapshots are
     * taken right after the command that crossed the threshold, in their own transaction.
     */
    @Bean
    Snapshotter orderSnapshotter(
            EventStore eventStore,
            TransactionManager transactionManager,
            ParameterResolverFactory parameterResolverFactory,
            HandlerDefinition handlerDefinition) {
        return AggregateSnapshotter.builder()
                .eventStore(eventStore)
                .transactionManager(transactionManager)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .aggregateFactories(new GenericAggregateFactory<>(Order.class))
                .build();
    }

    /**
     * Every event carries its request's correlation id and its trace id (RequestCorrelation), the tenant and user
     * that caused it, and the request's Idempotency-Key if it had one (IdempotencyKeyRecorder marks the key
     * committed with the events).
     */
    @Bean
    CorrelationDataProvider requestCorrelation() {
        return new RequestCorrelation();
    }

    @Bean
    CorrelationDataProvider tenantAndActor() {
        return new SimpleCorrelationDataProvider("tenant", "actor", "idempotencyKey", "webhookEventId");
    }

    @Bean
    ProjectionSlots projectionSlots(JdbcClient jdbc) {
        return new ProjectionSlots(jdbc);
    }

    /**
     * Every projection of {@link Projection} twice: a live instance in its processor ({@link Projection#processorName}:
     * {@link Projection#IN_COMMAND_PROCESSOR} for those written in the command's transaction, with the recorders,
     * {@link Projection#STREAMING_PROCESSOR} for the streaming ones), and a replay instance that rebuilds the idle
     * tables when asked. The replay instances of all of them share one processor,
     * {@link ProjectionReplays#REBUILD_PROCESSOR}, so each event is read and deserialised once however many
     * projections rebuild. They are not Spring beans, so Axon's bean scan cannot put them into the
     * wrong processor; they are assigned here. Those written in the command's transaction fail the command when they
     * fail; the streaming ones park a failing event (ProjectionProcessors gives each processor its settings).
     */
    @Bean
    ConfigurerModule projections(JdbcTemplate jdbc, ProjectionSlots slots, ProjectionDeadLetters deadLetters) {
        return configurer -> {
            var processing = configurer.eventProcessing();
            var parking = new LinkedHashSet<String>(List.of(ProjectionReplays.REBUILD_PROCESSOR));
            for (Projection projection : Projection.values()) {
                String name = projection.projectionName();
                String processor = projection.processorName();
                Object live = projection.handler(jdbc, slots, Role.LIVE);
                Object replay = projection.handler(jdbc, slots, Role.REPLAY);
                deadLetters.register(processor, name, live);
                deadLetters.register(ProjectionReplays.REBUILD_PROCESSOR, name, replay);
                processing
                        .registerEventHandler(c -> live)
                        .registerEventHandler(c -> replay)
                        .assignHandlerInstancesMatching(processor, handler -> handler == live)
                        .assignHandlerInstancesMatching(
                                ProjectionReplays.REBUILD_PROCESSOR, handler -> handler == replay);
                if (projection.streams()) {
                    parking.add(processor);
                }
            }
            processing.registerListenerInvocationErrorHandler(
                    Projection.IN_COMMAND_PROCESSOR, c -> PropagatingErrorHandler.instance());
            for (String recorder : RECORDERS) {
                processing
                        .assignProcessingGroup(recorder, Projection.IN_COMMAND_PROCESSOR)
                        .registerListenerInvocationErrorHandler(recorder, c -> PropagatingErrorHandler.instance());
            }
            // streaming processors handle a batch of events in one transaction; in PostgreSQL one failed
            // statement spoils the whole transaction, so each event gets a savepoint of its own, and a failing
            // event is rolled back to it and parked as a dead letter (ProjectionDeadLetters)
            for (String processor : parking) {
                processing
                        .registerListenerInvocationErrorHandler(processor, c -> deadLetters.errorHandler(processor))
                        .registerHandlerInterceptor(processor, c -> deadLetters.interceptor(processor));
            }
        };
    }

    /**
     * Axon's metrics (axon-micrometer) for the command bus and the streaming processors only. The processor in the
     * command's transaction adds nothing to the command's own timer but its cost: four meters looked up by name and
     * tags for each of its events (Micrometer's share of the service's samples per create fell from 10.8 to 9.4 %
     * without them, when there were seven such processors, docs/benchmarks.md).
     */
    @Bean
    ConfigurerModule unmeteredInTransactionProcessor() {
        return configurer -> configurer.configureMessageMonitor(
                EventProcessor.class, Projection.IN_COMMAND_PROCESSOR, (c, type, n) -> NoOpMessageMonitor.instance());
    }

    /** Gives each processor of {@link Projection} its settings. */
    @Bean
    static ProjectionProcessors projectionProcessors(Environment environment) {
        return new ProjectionProcessors(environment);
    }

    /**
     * A command to an order answers with the order as its transaction left it (the detail projection fills it in),
     * so that the request's answer is not read back from the table just written.
     */
    @Bean
    Registration writtenOrderAnswers(CommandBus commandBus) {
        return commandBus.registerHandlerInterceptor(WrittenOrder.answering());
    }

    /** ordo_commands_total and ordo_events_appended_total. */
    @Bean
    MessageMetrics messageMetrics(CommandBus commandBus, EventStore eventStore, MeterRegistry registry) {
        return new MessageMetrics(commandBus, eventStore, registry);
    }

    /** The correlation id, tenant, user and order of a command or event in the log lines of its handling. */
    @Bean
    MessageLogContext messageLogContext(CommandBus commandBus) {
        return new MessageLogContext(commandBus);
    }

    @Bean
    ConfigurerModule eventLogContext() {
        return configurer -> configurer
                .eventProcessing()
                .registerDefaultHandlerInterceptor((c, processor) -> MessageLogContext.forProcessor(processor));
    }

    @Bean
    ProjectionDeadLetters projectionDeadLetters(
            JdbcClient jdbc, ObjectProvider<EventStore> eventStore, PlatformTransactionManager transactionManager) {
        return new ProjectionDeadLetters(jdbc, eventStore::getObject, transactionManager);
    }

    @Bean
    ProjectionHousekeeping projectionHousekeeping(
            ProjectionReplays replays, ProjectionDeadLetters deadLetters, MeterRegistry registry, Clock clock) {
        return new ProjectionHousekeeping(replays, deadLetters, registry, clock);
    }

    @Bean
    ProjectionReplays projectionReplays(
            EventProcessingConfiguration processing,
            JdbcClient jdbc,
            PlatformTransactionManager transactionManager,
            ProjectionSlots slots,
            ProjectionDeadLetters deadLetters,
            Serializer serializer) {
        return new ProjectionReplays(
                processing, jdbc, new TransactionTemplate(transactionManager), slots, deadLetters, serializer);
    }
}

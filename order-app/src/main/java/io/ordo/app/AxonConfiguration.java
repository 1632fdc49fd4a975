package io.ordo.app;

import io.ordo.adapters.persistence.EventStoreConfiguration;
import io.ordo.domain.Order;
import io.ordo.projections.OrderDetailProjection;
import io.ordo.projections.OrderListProjection;
import io.ordo.projections.OrderNotesProjection;
import io.ordo.projections.OrderTimelineProjection;
import org.axonframework.config.ConfigurerModule;
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

    @Bean
    ConfigurerModule orderAggregate() {
        return configurer -> configurer.configureAggregate(Order.class);
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
    OrderListProjection orderListProjection(JdbcClient jdbc) {
        return new OrderListProjection(jdbc);
    }
}

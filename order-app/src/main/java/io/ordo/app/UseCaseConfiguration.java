package io.ordo.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.ordo.adapters.persistence.IdempotencyKeyRecorder;
import io.ordo.adapters.persistence.JdbcIdempotencyAdapter;
import io.ordo.adapters.persistence.JdbcOrderHistoryAdapter;
import io.ordo.adapters.persistence.JdbcOrderNumberAdapter;
import io.ordo.adapters.web.filter.IdempotencyFilter;
import io.ordo.application.port.in.audit.SearchAuditUseCase;
import io.ordo.application.port.in.discussion.AddDiscussionNoteUseCase;
import io.ordo.application.port.in.history.GetOrderHistoryUseCase;
import io.ordo.application.port.in.idempotency.IdempotentRequestsUseCase;
import io.ordo.application.port.in.order.CancelOrderUseCase;
import io.ordo.application.port.in.order.ChangeOrderStatusUseCase;
import io.ordo.application.port.in.order.CreateOrderUseCase;
import io.ordo.application.port.in.order.UpdateOrderUseCase;
import io.ordo.application.port.in.report.GetReportUseCase;
import io.ordo.application.port.out.OrderAsOfPort;
import io.ordo.application.port.out.OrderHistoryPort;
import io.ordo.application.port.out.OrderNumberPort;
import io.ordo.application.port.out.OrderReadModelPort;
import io.ordo.application.service.AccessPolicy;
import io.ordo.application.service.admin.ProjectionAdminService;
import io.ordo.application.service.audit.AuditService;
import io.ordo.application.service.campaign.LeadDeliveryService;
import io.ordo.application.service.discussion.AddDiscussionNoteService;
import io.ordo.application.service.history.OrderHistoryService;
import io.ordo.application.service.idempotency.IdempotencyService;
import io.ordo.application.service.order.CancelOrderService;
import io.ordo.application.service.order.ChangeOrderStatusService;
import io.ordo.application.service.order.CreateOrderService;
import io.ordo.application.service.order.OrderQueryService;
import io.ordo.application.service.order.UpdateOrderService;
import io.ordo.application.service.report.ReportService;
import io.ordo.projections.audit.JdbcAuditTrailAdapter;
import io.ordo.projections.deadletter.ProjectionDeadLetters;
import io.ordo.projections.order.EventFoldingAsOfAdapter;
import io.ordo.projections.order.JdbcOrderReadModelAdapter;
import io.ordo.projections.rebuild.ProjectionReplays;
import io.ordo.projections.report.JdbcReportAdapter;
import io.ordo.projections.store.ProjectionSlots;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the use cases to their ports by hand: the application layer knows nothing of Spring. */
@Configuration(proxyBeanMethods = false)
class UseCaseConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    AccessPolicy accessPolicy() {
        return new AccessPolicy();
    }

    @Bean
    OrderNumberPort orderNumbers(JdbcClient jdbc) {
        return new JdbcOrderNumberAdapter(jdbc);
    }

    @Bean
    OrderReadModelPort orderReadModel(
            JdbcClient jdbc, PlatformTransactionManager transactionManager, ProjectionSlots slots, Clock clock) {
        return new JdbcOrderReadModelAdapter(jdbc, new TransactionTemplate(transactionManager), slots, clock);
    }

    @Bean
    CreateOrderUseCase createOrder(
            CommandGateway commands,
            OrderReadModelPort readModel,
            OrderNumberPort numbers,
            AccessPolicy policy,
            Clock clock) {
        return new CreateOrderService(commands, readModel, numbers, policy, clock, UUID::randomUUID);
    }

    @Bean
    UpdateOrderUseCase updateOrder(CommandGateway commands, OrderReadModelPort readModel, AccessPolicy policy) {
        return new UpdateOrderService(commands, readModel, policy);
    }

    @Bean
    ChangeOrderStatusUseCase changeOrderStatus(
            CommandGateway commands, OrderReadModelPort readModel, AccessPolicy policy) {
        return new ChangeOrderStatusService(commands, readModel, policy);
    }

    @Bean
    CancelOrderUseCase cancelOrder(CommandGateway commands, OrderReadModelPort readModel, AccessPolicy policy) {
        return new CancelOrderService(commands, readModel, policy);
    }

    @Bean
    LeadDeliveryService leadDelivery(CommandGateway commands, OrderReadModelPort readModel, AccessPolicy policy) {
        return new LeadDeliveryService(commands, readModel, policy);
    }

    @Bean
    AddDiscussionNoteUseCase addDiscussionNote(
            CommandGateway commands, OrderReadModelPort readModel, AccessPolicy policy) {
        return new AddDiscussionNoteService(commands, readModel, policy, UUID::randomUUID);
    }

    @Bean
    OrderHistoryPort orderHistory(JdbcClient jdbc) {
        return new JdbcOrderHistoryAdapter(jdbc);
    }

    @Bean
    OrderAsOfPort orderAsOf(EventStore events, Clock clock) {
        return new EventFoldingAsOfAdapter(events, clock);
    }

    @Bean
    GetOrderHistoryUseCase orderHistoryUseCase(
            OrderReadModelPort readModel,
            OrderHistoryPort history,
            OrderAsOfPort asOf,
            AccessPolicy policy,
            Clock clock) {
        return new OrderHistoryService(readModel, history, asOf, policy, clock);
    }

    @Bean
    SearchAuditUseCase audit(DataSource dataSource, ProjectionSlots slots, AccessPolicy policy) {
        return new AuditService(new JdbcAuditTrailAdapter(dataSource, slots), policy);
    }

    @Bean
    ProjectionAdminService projectionAdmin(ProjectionReplays replays, ProjectionDeadLetters deadLetters) {
        return new ProjectionAdminService(replays, deadLetters);
    }

    @Bean
    GetReportUseCase reports(JdbcClient jdbc, ProjectionSlots slots, AccessPolicy policy, Clock clock) {
        return new ReportService(new JdbcReportAdapter(jdbc, slots), policy, clock);
    }

    @Bean
    IdempotentRequestsUseCase idempotentRequests(JdbcClient jdbc, ObjectMapper json) {
        return new IdempotencyService(
                new JdbcIdempotencyAdapter(jdbc),
                (first, second) -> IdempotencyFilter.sameRequest(json, first, second));
    }

    @Bean
    IdempotencyHousekeeping idempotencyHousekeeping(
            IdempotentRequestsUseCase keys,
            @Value("${ordo.idempotency.purge-interval:10m}") Duration interval,
            MeterRegistry registry) {
        return new IdempotencyHousekeeping(keys, interval, registry);
    }

    @Bean
    IdempotencyKeyRecorder idempotencyKeyRecorder(JdbcClient jdbc) {
        return new IdempotencyKeyRecorder(jdbc);
    }

    /** Reads: one service answers order, list, timeline, discussion and workflows. */
    @Bean
    OrderQueryService orderQueries(OrderReadModelPort readModel, AccessPolicy policy) {
        return new OrderQueryService(readModel, policy);
    }
}

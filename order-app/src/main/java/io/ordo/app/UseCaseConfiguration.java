package io.ordo.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.ordo.adapters.persistence.IdempotencyKeyRecorder;
import io.ordo.adapters.persistence.JdbcIdempotencyAdapter;
import io.ordo.adapters.persistence.JdbcOrderHistoryAdapter;
import io.ordo.adapters.persistence.JdbcOrderNumberAdapter;
import io.ordo.adapters.persistence.personal.CustomerErasure;
import io.ordo.adapters.persistence.personal.OrderDataKeys;
import io.ordo.adapters.persistence.readlog.JdbcReadLog;
import io.ordo.adapters.persistence.settings.JdbcStuckLimitAdapter;
import io.ordo.adapters.web.filter.IdempotencyFilter;
import io.ordo.app.metrics.StuckOrdersCensus;
import io.ordo.application.port.in.assignment.AssignOrdersUseCase;
import io.ordo.application.port.in.audit.SearchAuditUseCase;
import io.ordo.application.port.in.erasure.EraseCustomerUseCase;
import io.ordo.application.port.in.idempotency.IdempotentRequestsUseCase;
import io.ordo.application.port.in.order.CancelOrderUseCase;
import io.ordo.application.port.in.order.ChangeOrderStatusUseCase;
import io.ordo.application.port.in.order.CreateOrderUseCase;
import io.ordo.application.port.in.order.UpdateOrderUseCase;
import io.ordo.application.port.out.OrderAsOfPort;
import io.ordo.application.port.out.OrderHistoryPort;
import io.ordo.application.port.out.OrderNumberPort;
import io.ordo.application.port.out.OrderReadModelPort;
import io.ordo.application.port.out.ProjectionControlPort;
import io.ordo.application.port.out.ReadLogPort;
import io.ordo.application.service.AccessPolicy;
import io.ordo.application.service.OrderWrites;
import io.ordo.application.service.VisibleOrders;
import io.ordo.application.service.admin.ProjectionAdminService;
import io.ordo.application.service.assignment.AssignmentService;
import io.ordo.application.service.audit.AuditService;
import io.ordo.application.service.campaign.LeadDeliveryService;
import io.ordo.application.service.discussion.DiscussionService;
import io.ordo.application.service.erasure.ErasureService;
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
import org.springframework.jdbc.core.JdbcTemplate;
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

    /** The orders a caller may see: every read and write looks an order up through it. */
    @Bean
    VisibleOrders visibleOrders(OrderReadModelPort readModel, AccessPolicy policy) {
        return new VisibleOrders(readModel, policy);
    }

    /** The one path every command takes. */
    @Bean
    OrderWrites orderWrites(CommandGateway commands, VisibleOrders orders, AccessPolicy policy) {
        return new OrderWrites(commands, orders, policy);
    }

    @Bean
    CreateOrderUseCase createOrder(
            OrderWrites writes, VisibleOrders orders, OrderNumberPort numbers, AccessPolicy policy, Clock clock) {
        return new CreateOrderService(writes, orders, numbers, policy, clock, UUID::randomUUID);
    }

    @Bean
    UpdateOrderUseCase updateOrder(OrderWrites writes, AccessPolicy policy) {
        return new UpdateOrderService(writes, policy);
    }

    @Bean
    ChangeOrderStatusUseCase changeOrderStatus(OrderWrites writes) {
        return new ChangeOrderStatusService(writes);
    }

    @Bean
    CancelOrderUseCase cancelOrder(OrderWrites writes) {
        return new CancelOrderService(writes);
    }

    @Bean
    AssignOrdersUseCase assignOrders(
            OrderWrites writes, OrderReadModelPort readModel, ProjectionControlPort projections, AccessPolicy policy) {
        return new AssignmentService(writes, readModel, projections, policy);
    }

    @Bean
    LeadDeliveryService leadDelivery(OrderWrites writes) {
        return new LeadDeliveryService(writes);
    }

    /** The discussion: adding and reading notes. */
    @Bean
    DiscussionService discussion(
            OrderWrites writes,
            VisibleOrders orders,
            OrderReadModelPort readModel,
            AccessPolicy policy,
            ReadLogPort reads) {
        return new DiscussionService(writes, orders, readModel, policy, UUID::randomUUID, reads);
    }

    @Bean
    OrderHistoryPort orderHistory(JdbcClient jdbc, OrderDataKeys keys) {
        return new JdbcOrderHistoryAdapter(jdbc, keys);
    }

    @Bean
    OrderAsOfPort orderAsOf(EventStore events, Clock clock) {
        return new EventFoldingAsOfAdapter(events, clock);
    }

    /** History: timeline, events, as-of and verify. */
    @Bean
    OrderHistoryService orderHistoryUseCase(
            VisibleOrders orders,
            OrderReadModelPort readModel,
            OrderHistoryPort history,
            OrderAsOfPort asOf,
            AccessPolicy policy,
            Clock clock,
            ReadLogPort reads) {
        return new OrderHistoryService(orders, readModel, history, asOf, policy, clock, reads);
    }

    @Bean
    SearchAuditUseCase audit(DataSource dataSource, ProjectionSlots slots, AccessPolicy policy, ReadLogPort reads) {
        return new AuditService(new JdbcAuditTrailAdapter(dataSource, slots), policy, reads);
    }

    /**
     * The read log: every answer about an order and every audit export, written behind the reads; rows older than
     * {@code ordo.read-log.retention} are deleted.
     */
    @Bean
    JdbcReadLog readLog(JdbcTemplate jdbc, Clock clock, @Value("${ordo.read-log.retention}") Duration retention) {
        return new JdbcReadLog(jdbc, clock, retention);
    }

    @Bean
    ProjectionAdminService projectionAdmin(ProjectionReplays replays, ProjectionDeadLetters deadLetters) {
        return new ProjectionAdminService(replays, deadLetters);
    }

    @Bean
    ReportService reports(
            JdbcClient jdbc,
            ProjectionSlots slots,
            AccessPolicy policy,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        return new ReportService(
                new JdbcReportAdapter(jdbc, slots),
                new JdbcStuckLimitAdapter(jdbc, new TransactionTemplate(transactionManager)),
                policy,
                clock);
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

    /** The gauges of stuck orders per tenant, workflow and status, counted every ordo.stuck.census-interval. */
    @Bean
    StuckOrdersCensus stuckOrdersCensus(
            ReportService reports,
            MeterRegistry registry,
            @Value("${ordo.stuck.census-interval:60s}") Duration interval) {
        return new StuckOrdersCensus(reports, registry, interval);
    }

    /** Erasure: each order of the customer forgets it in its own transaction (ADR 0016). */
    @Bean
    EraseCustomerUseCase eraseCustomer(
            OrderWrites writes, OrderReadModelPort readModel, AccessPolicy policy, Clock clock) {
        return new ErasureService(writes, readModel, policy, clock);
    }

    /** An order's erasure destroys its key and scrubs its copies, in the erasure's transaction. */
    @Bean
    CustomerErasure customerErasure(JdbcClient jdbc, OrderDataKeys keys) {
        return new CustomerErasure(jdbc, keys);
    }

    @Bean
    ErasedKeyWatch erasedKeyWatch(OrderDataKeys keys, @Value("${ordo.secrets.erased-poll:2s}") Duration interval) {
        return new ErasedKeyWatch(keys, interval);
    }

    @Bean
    IdempotencyKeyRecorder idempotencyKeyRecorder(JdbcClient jdbc) {
        return new IdempotencyKeyRecorder(jdbc);
    }

    /** Reads: the order, the list and the workflows. */
    @Bean
    OrderQueryService orderQueries(
            VisibleOrders orders, OrderReadModelPort readModel, AccessPolicy policy, ReadLogPort reads) {
        return new OrderQueryService(orders, readModel, policy, reads);
    }
}

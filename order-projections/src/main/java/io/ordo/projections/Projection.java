package io.ordo.projections;

import io.ordo.projections.audit.AuditProjection;
import io.ordo.projections.order.OrderDetailProjection;
import io.ordo.projections.order.OrderListProjection;
import io.ordo.projections.order.OrderNotesProjection;
import io.ordo.projections.order.OrderTimelineProjection;
import io.ordo.projections.store.ProjectionSlots;
import io.ordo.projections.store.ProjectionSlots.Role;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every read model Ordo projects, declared once: its name (that of its pointer row in {@code projection_slot}),
 * the tables it owns (without the {@code _blue}/{@code _green} suffix), whether it is written in the command's
 * transaction or streams behind it, and how its handler is built. The Axon wiring, the processors, the rebuilds
 * and the lag gauges all read this list: a new read model is its handler class, its migration and one constant
 * here.
 */
public enum Projection {
    ORDER_DETAIL(
            OrderDetailProjection.NAME,
            List.of(OrderDetailProjection.TABLE),
            Delivery.IN_COMMAND_TRANSACTION,
            OrderDetailProjection::new),
    ORDER_TIMELINE(
            OrderTimelineProjection.NAME,
            List.of(OrderTimelineProjection.TABLE),
            Delivery.IN_COMMAND_TRANSACTION,
            OrderTimelineProjection::new),
    ORDER_NOTES(
            OrderNotesProjection.NAME,
            List.of(OrderNotesProjection.TABLE),
            Delivery.IN_COMMAND_TRANSACTION,
            (jdbc, slots, role) -> new OrderNotesProjection(JdbcClient.create(jdbc), slots, role)),
    ORDER_LIST(
            OrderListProjection.NAME, List.of(OrderListProjection.TABLE), Delivery.STREAMING, OrderListProjection::new),
    AUDIT(AuditProjection.NAME, List.of(AuditProjection.TABLE), Delivery.STREAMING, AuditProjection::new);

    /** How a projection's live handler gets its events. */
    public enum Delivery {
        /**
         * In the one subscribing processor of the command's transaction ({@link #IN_COMMAND_PROCESSOR}), within the
         * command's unit of work and database transaction: an immediate read sees the write on any node, and a
         * handler that fails fails the command.
         */
        IN_COMMAND_TRANSACTION,
        /**
         * In the one pooled streaming processor of all such projections ({@link #STREAMING_PROCESSOR}), in batches
         * behind the commands: each event is read and deserialised once for all of them; a failing event is parked.
         */
        STREAMING
    }

    /**
     * The subscribing processor of everything written in a command's transaction: the projections declared
     * {@link Delivery#IN_COMMAND_TRANSACTION} and the recorders beside them. One processor, so that an event costs
     * one unit of work there however many of them handle it (ADR 0022).
     */
    public static final String IN_COMMAND_PROCESSOR = "command-transaction";

    /**
     * The live processor of every streaming projection: it reads the stream once for all of them, and a batch
     * writes all of their rows in one transaction (ADR 0021).
     */
    public static final String STREAMING_PROCESSOR = "streaming-projections";

    /** Builds a handler instance of the projection, live or replaying. */
    @FunctionalInterface
    public interface Handlers {
        Object create(JdbcTemplate jdbc, ProjectionSlots slots, Role role);
    }

    private final String projectionName;
    private final List<String> tables;
    private final Delivery delivery;
    private final Handlers handlers;

    Projection(String projectionName, List<String> tables, Delivery delivery, Handlers handlers) {
        this.projectionName = projectionName;
        this.tables = tables;
        this.delivery = delivery;
        this.handlers = handlers;
    }

    /** The projection's name, e.g. {@code order-list}: that of its pointer row and of its rebuild. */
    public String projectionName() {
        return projectionName;
    }

    /** The processor that runs the live handler: {@link #IN_COMMAND_PROCESSOR} or {@link #STREAMING_PROCESSOR}. */
    public String processorName() {
        return streams() ? STREAMING_PROCESSOR : IN_COMMAND_PROCESSOR;
    }

    public List<String> tables() {
        return tables;
    }

    public Delivery delivery() {
        return delivery;
    }

    public boolean streams() {
        return delivery == Delivery.STREAMING;
    }

    public Object handler(JdbcTemplate jdbc, ProjectionSlots slots, Role role) {
        return handlers.create(jdbc, slots, role);
    }

    /** Every projection's name, in the order of declaration. */
    public static List<String> names() {
        return Arrays.stream(values()).map(Projection::projectionName).toList();
    }

    public static Optional<Projection> named(String name) {
        return Arrays.stream(values())
                .filter(p -> p.projectionName.equals(name))
                .findFirst();
    }
}

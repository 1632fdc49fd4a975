package io.ordo.projections;

import io.ordo.domain.event.OrderCancelled;
import io.ordo.domain.event.OrderCreated;
import io.ordo.domain.event.OrderStatusChanged;
import io.ordo.projections.ProjectionSlots.Role;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Projection: each order's status changes, creation included, in the command's transaction like the detail
 * (read-your-writes); rebuilt by its replay instance like every projection. The entry's {@code at} is the
 * event's stored timestamp. Rows are keyed by (order, sequence): a repeated event changes nothing.
 */
public class OrderTimelineProjection {

    public static final String NAME = "order-timeline";
    static final String TABLE = "order_timeline";

    private final JdbcClient jdbc;
    private final ProjectionSlots slots;
    private final Role role;

    public OrderTimelineProjection(JdbcClient jdbc, ProjectionSlots slots, Role role) {
        this.jdbc = jdbc;
        this.slots = slots;
        this.role = role;
    }

    @EventHandler
    void on(OrderCreated e, @org.axonframework.eventhandling.Timestamp Instant at, @SequenceNumber long sequence) {
        insert(e.orderId().value(), sequence, e.tenantId(), e.status(), null, at, e.actor(), "user", null, null, null, null);
    }

    @EventHandler
    void on(OrderStatusChanged e, @org.axonframework.eventhandling.Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue("tenant") String tenant) {
        insert(e.orderId().value(), sequence, tenant, e.to(), e.from(), at, e.actor(), e.source(), e.reason(), e.note(),
                e.carrier(), e.trackingNumber());
    }

    @EventHandler
    void on(OrderCancelled e, @org.axonframework.eventhandling.Timestamp Instant at, @SequenceNumber long sequence,
            @MetaDataValue("tenant") String tenant) {
        insert(e.orderId().value(), sequence, tenant, e.to(), e.from(), at, e.actor(), "user", e.reason(), e.note(),
                null, null);
    }

    private void insert(UUID orderId, long sequence, String tenantId, String status, String previous, Instant at,
                        String by, String source, String reason, String note, String carrier, String trackingNumber) {
        for (String slot : slots.lockShared(NAME).targets(role)) {
            jdbc.sql("""
                            INSERT INTO %s (order_id, sequence_number, tenant_id, status, previous_status, at,
                                            by_user, source, reason, note, carrier, tracking_number)
                            VALUES (:id, :seq, COALESCE(CAST(:tenant AS varchar), %s), :status, :previous, :at, :by,
                                    :source, :reason, :note, :carrier, :tracking)
                            ON CONFLICT (order_id, sequence_number) DO NOTHING"""
                            .formatted(ProjectionSlots.table(TABLE, slot), StoredOrders.TENANT_OF_ORDER))
                    .param("id", orderId)
                    .param("seq", sequence)
                    .param("tenant", tenantId)
                    .param("status", status)
                    .param("previous", previous)
                    .param("at", Timestamp.from(at))
                    .param("by", by)
                    .param("source", source)
                    .param("reason", reason)
                    .param("note", note)
                    .param("carrier", carrier)
                    .param("tracking", trackingNumber)
                    .update();
        }
    }
}

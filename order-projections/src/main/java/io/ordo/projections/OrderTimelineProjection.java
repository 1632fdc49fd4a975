package io.ordo.projections;

import io.ordo.domain.event.OrderCancelled;
import io.ordo.domain.event.OrderCreated;
import io.ordo.domain.event.OrderStatusChanged;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Projection: each order's status changes, creation included, in the command's transaction like the
 * detail (read-your-writes). The entry's {@code at} is the event's stored timestamp.
 */
@ProcessingGroup(OrderTimelineProjection.NAME)
public class OrderTimelineProjection {

    public static final String NAME = "order-timeline";

    private final JdbcClient jdbc;

    public OrderTimelineProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(OrderCreated e, @org.axonframework.eventhandling.Timestamp Instant at, @SequenceNumber long sequence) {
        insert(e.orderId().value(), sequence, e.tenantId(), e.status(), null, at, e.actor(), "user", null, null, null, null);
    }

    @EventHandler
    void on(OrderStatusChanged e, @org.axonframework.eventhandling.Timestamp Instant at, @SequenceNumber long sequence) {
        insert(e.orderId().value(), sequence, null, e.to(), e.from(), at, e.actor(), e.source(), e.reason(), e.note(),
                e.carrier(), e.trackingNumber());
    }

    @EventHandler
    void on(OrderCancelled e, @org.axonframework.eventhandling.Timestamp Instant at, @SequenceNumber long sequence) {
        insert(e.orderId().value(), sequence, null, e.to(), e.from(), at, e.actor(), "user", e.reason(), e.note(),
                null, null);
    }

    private void insert(UUID orderId, long sequence, String tenantId, String status, String previous, Instant at,
                        String by, String source, String reason, String note, String carrier, String trackingNumber) {
        // the tenant is written once with the creation entry and copied from it afterwards
        jdbc.sql("""
                        INSERT INTO order_timeline (order_id, sequence_number, tenant_id, status, previous_status, at,
                                                    by_user, source, reason, note, carrier, tracking_number)
                        SELECT :id, :seq, COALESCE(CAST(:tenant AS varchar), (SELECT tenant_id FROM order_timeline
                                                             WHERE order_id = :id AND sequence_number = 0)),
                               :status, :previous, :at, :by, :source, :reason, :note, :carrier, :tracking
                        ON CONFLICT (order_id, sequence_number) DO NOTHING""")
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

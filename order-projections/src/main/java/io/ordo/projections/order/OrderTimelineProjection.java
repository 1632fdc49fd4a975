package io.ordo.projections.order;

import io.ordo.domain.event.OrderCancelled;
import io.ordo.domain.event.OrderCreated;
import io.ordo.domain.event.OrderStatusChanged;
import io.ordo.projections.store.BatchWrites;
import io.ordo.projections.store.ProjectionSlots;
import io.ordo.projections.store.ProjectionSlots.Role;
import io.ordo.projections.store.StoredOrders;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Projection: each order's status changes, creation included, in the command's transaction like the detail
 * (read-your-writes); rebuilt by its replay instance like every projection. The entry's {@code at} is the
 * event's stored timestamp. Rows are keyed by (order, sequence): a repeated event changes nothing.
 */
public class OrderTimelineProjection {

    public static final String NAME = "order-timeline";
    public static final String TABLE = "order_timeline";

    private final JdbcTemplate jdbc;
    private final ProjectionSlots slots;
    private final Role role;

    public OrderTimelineProjection(JdbcTemplate jdbc, ProjectionSlots slots, Role role) {
        this.jdbc = jdbc;
        this.slots = slots;
        this.role = role;
    }

    /** One entry of an order's timeline; {@code tenant} is null when the event does not carry it. */
    private record Entry(
            UUID orderId,
            long sequence,
            String tenant,
            String status,
            String previous,
            Timestamp at,
            String by,
            String source,
            String reason,
            String note,
            String carrier,
            String trackingNumber) {}

    @EventHandler
    void on(OrderCreated e, @org.axonframework.eventhandling.Timestamp Instant at, @SequenceNumber long sequence) {
        add(new Entry(
                e.orderId().value(),
                sequence,
                e.tenantId(),
                e.status(),
                null,
                Timestamp.from(at),
                e.actor(),
                "user",
                null,
                null,
                null,
                null));
    }

    @EventHandler
    void on(
            OrderStatusChanged e,
            @org.axonframework.eventhandling.Timestamp Instant at,
            @SequenceNumber long sequence,
            @MetaDataValue("tenant") String tenant) {
        add(new Entry(
                e.orderId().value(),
                sequence,
                tenant,
                e.to(),
                e.from(),
                Timestamp.from(at),
                e.actor(),
                e.source(),
                e.reason(),
                e.note(),
                e.carrier(),
                e.trackingNumber()));
    }

    @EventHandler
    void on(
            OrderCancelled e,
            @org.axonframework.eventhandling.Timestamp Instant at,
            @SequenceNumber long sequence,
            @MetaDataValue("tenant") String tenant) {
        add(new Entry(
                e.orderId().value(),
                sequence,
                tenant,
                e.to(),
                e.from(),
                Timestamp.from(at),
                e.actor(),
                "user",
                e.reason(),
                e.note(),
                null,
                null));
    }

    /** Live: written at once, in the command's transaction. A rebuild writes its batch's entries at the batch's end. */
    private void add(Entry entry) {
        if (role == Role.LIVE || BatchWrites.immediate()) {
            write(List.of(entry));
        } else {
            BatchWrites.<List<Entry>>buffer("ordo.timeline." + role, ArrayList::new, this::write)
                    .add(entry);
        }
    }

    private void write(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        for (String slot : slots.forWriting(NAME).targets(role)) {
            jdbc.batchUpdate(
                    """
                            INSERT INTO %s (order_id, sequence_number, tenant_id, status, previous_status, at,
                                            by_user, source, reason, note, carrier, tracking_number)
                            VALUES (?, ?, COALESCE(CAST(? AS varchar), %s), ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            ON CONFLICT (order_id, sequence_number) DO NOTHING""".formatted(ProjectionSlots.table(TABLE, slot), StoredOrders.tenantOfOrder("?")),
                    entries,
                    entries.size(),
                    (ps, e) -> {
                        int i = 0;
                        ps.setObject(++i, e.orderId());
                        ps.setLong(++i, e.sequence());
                        ps.setString(++i, e.tenant());
                        ps.setObject(++i, e.orderId());
                        ps.setString(++i, e.status());
                        ps.setString(++i, e.previous());
                        ps.setTimestamp(++i, e.at());
                        ps.setString(++i, e.by());
                        ps.setString(++i, e.source());
                        ps.setString(++i, e.reason());
                        ps.setString(++i, e.note());
                        ps.setString(++i, e.carrier());
                        ps.setString(++i, e.trackingNumber());
                    });
        }
    }
}

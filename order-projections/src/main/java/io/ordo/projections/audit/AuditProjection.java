package io.ordo.projections.audit;

import io.ordo.domain.event.CustomerErased;
import io.ordo.domain.event.DiscussionNoteAdded;
import io.ordo.domain.event.LeadDelivered;
import io.ordo.domain.event.LeadWithdrawn;
import io.ordo.domain.event.OrderCancelled;
import io.ordo.domain.event.OrderCreated;
import io.ordo.domain.event.OrderDetailsUpdated;
import io.ordo.domain.event.OrderItemsChanged;
import io.ordo.domain.event.OrderReassigned;
import io.ordo.domain.event.OrderStatusChanged;
import io.ordo.domain.event.ProviderEventRecorded;
import io.ordo.projections.store.BatchWrites;
import io.ordo.projections.store.ProjectionSlots;
import io.ordo.projections.store.StoredOrders;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Projection: the audit trail, one row per stored event of any type: who (the actor), what (the type),
 * which order, when (the stored timestamp), from where (user or system) and why (reason or justification).
 * A streaming processor feeds it; rows are keyed by (order, sequence), so a redelivered event changes nothing.
 */
public class AuditProjection {

    public static final String NAME = "audit";
    public static final String TABLE = "audit_entry";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final ProjectionSlots slots;
    private final ProjectionSlots.Role role;

    public AuditProjection(JdbcTemplate jdbc, ProjectionSlots slots, ProjectionSlots.Role role) {
        this.jdbc = JdbcClient.create(jdbc);
        this.batches = jdbc;
        this.slots = slots;
        this.role = role;
    }

    /** One audit row; {@code tenant} and {@code number} are null when the event does not carry them. */
    record Row(
            UUID orderId,
            long sequence,
            String tenant,
            String number,
            String type,
            Timestamp at,
            String by,
            String source,
            String reason) {}

    @EventHandler
    void on(Object payload, DomainEventMessage<?> event) {
        String tenant = (String) event.getMetaData().get("tenant");
        String number = null;
        String actor = (String) event.getMetaData().get("actor");
        String source = "user";
        String reason = null;
        if (payload instanceof OrderCreated e) {
            tenant = e.tenantId();
            number = e.orderNumber();
            actor = e.actor();
        } else if (payload instanceof OrderStatusChanged e) {
            actor = e.actor();
            source = e.source();
            reason = e.reason();
        } else if (payload instanceof ProviderEventRecorded e) {
            actor = e.provider();
            source = OrderStatusChanged.WEBHOOK;
        } else if (payload instanceof OrderCancelled e) {
            actor = e.actor();
            reason = e.reason();
        } else if (payload instanceof OrderDetailsUpdated e) {
            actor = e.actor();
            reason = e.justification();
        } else if (payload instanceof LeadDelivered e) {
            actor = e.actor();
        } else if (payload instanceof LeadWithdrawn e) {
            actor = e.actor();
        } else if (payload instanceof DiscussionNoteAdded e) {
            actor = e.actor();
        } else if (payload instanceof OrderReassigned e) {
            actor = e.actor();
            reason = e.reason();
        } else if (payload instanceof OrderItemsChanged e) {
            actor = e.actor();
            reason = e.justification();
        } else if (payload instanceof CustomerErased e) {
            actor = e.actor();
            reason = e.reason();
        }
        var row = new Row(
                UUID.fromString(event.getAggregateIdentifier()),
                event.getSequenceNumber(),
                tenant,
                number,
                payload.getClass().getSimpleName(),
                Timestamp.from(event.getTimestamp()),
                actor,
                source,
                reason);
        if (BatchWrites.immediate()) {
            write(List.of(row));
            return;
        }
        List<Row> rows = BatchWrites.buffer("ordo.audit." + role, ArrayList::new, this::write);
        if (row.number() == null) {
            // the order's number from its creation earlier in this batch, which is not stored yet
            for (int i = rows.size() - 1; i >= 0; i--) {
                Row earlier = rows.get(i);
                if (earlier.orderId().equals(row.orderId()) && earlier.number() != null) {
                    row = new Row(
                            row.orderId(),
                            row.sequence(),
                            row.tenant() == null ? earlier.tenant() : row.tenant(),
                            earlier.number(),
                            row.type(),
                            row.at(),
                            row.by(),
                            row.source(),
                            row.reason());
                    break;
                }
            }
        }
        rows.add(row);
    }

    /**
     * The rows, one JDBC batch per target table. A row without its order's number takes it from the order's
     * first audit row, or else from the order's first stored event (which every rebuild can read).
     */
    private void write(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        for (String slot : slots.forWriting(NAME).targets(role)) {
            String table = ProjectionSlots.table(TABLE, slot);
            batches.batchUpdate(
                    """
                            INSERT INTO %1$s (order_id, sequence_number, tenant_id, order_number, type, at, by_user,
                                            source, reason)
                            VALUES (?, ?, COALESCE(CAST(? AS varchar), %2$s), COALESCE(CAST(? AS varchar),
                                    (SELECT a.order_number FROM %1$s a WHERE a.order_id = ? AND a.sequence_number = 0), %3$s),
                                    ?, ?, ?, ?, ?)
                            ON CONFLICT (order_id, sequence_number) DO NOTHING""".formatted(table, StoredOrders.tenantOfOrder("?"), StoredOrders.numberOfOrder("?")),
                    rows,
                    rows.size(),
                    (ps, row) -> {
                        int i = 0;
                        ps.setObject(++i, row.orderId());
                        ps.setLong(++i, row.sequence());
                        ps.setString(++i, row.tenant());
                        ps.setObject(++i, row.orderId());
                        ps.setString(++i, row.number());
                        ps.setObject(++i, row.orderId());
                        ps.setObject(++i, row.orderId());
                        ps.setString(++i, row.type());
                        ps.setTimestamp(++i, row.at());
                        ps.setString(++i, row.by());
                        ps.setString(++i, row.source());
                        ps.setString(++i, row.reason());
                    });
        }
    }
}

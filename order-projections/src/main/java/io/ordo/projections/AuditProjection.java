package io.ordo.projections;

import io.ordo.domain.event.DiscussionNoteAdded;
import io.ordo.domain.event.LeadDelivered;
import io.ordo.domain.event.LeadWithdrawn;
import io.ordo.domain.event.OrderCancelled;
import io.ordo.domain.event.OrderCreated;
import io.ordo.domain.event.OrderDetailsUpdated;
import io.ordo.domain.event.OrderStatusChanged;
import java.sql.Timestamp;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Projection: the audit trail, one row per stored event of any type: who (the actor), what (the type),
 * which order, when (the stored timestamp), from where (user or system) and why (reason or justification).
 * A streaming processor feeds it; rows are keyed by (order, sequence), so a redelivered event changes nothing.
 */
public class AuditProjection {

    public static final String NAME = "audit";
    static final String TABLE = "audit_entry";

    private final JdbcClient jdbc;
    private final ProjectionSlots slots;
    private final ProjectionSlots.Role role;

    public AuditProjection(JdbcClient jdbc, ProjectionSlots slots, ProjectionSlots.Role role) {
        this.jdbc = jdbc;
        this.slots = slots;
        this.role = role;
    }

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
        }
        UUID orderId = UUID.fromString(event.getAggregateIdentifier());
        for (String slot : slots.lockShared(NAME).targets(role)) {
        jdbc.sql("""
                        INSERT INTO %s (order_id, sequence_number, tenant_id, order_number, type, at, by_user,
                                        source, reason)
                        VALUES (:id, :seq, COALESCE(CAST(:tenant AS varchar), %s), COALESCE(CAST(:number AS varchar), %s),
                                :type, :at, :by, :source, :reason)
                        ON CONFLICT (order_id, sequence_number) DO NOTHING"""
                        .formatted(ProjectionSlots.table(TABLE, slot), StoredOrders.TENANT_OF_ORDER,
                                StoredOrders.NUMBER_OF_ORDER))
                .param("id", orderId)
                .param("seq", event.getSequenceNumber())
                .param("tenant", tenant)
                .param("number", number)
                .param("type", payload.getClass().getSimpleName())
                .param("at", Timestamp.from(event.getTimestamp()))
                .param("by", actor)
                .param("source", source)
                .param("reason", reason)
                .update();
        }
    }
}

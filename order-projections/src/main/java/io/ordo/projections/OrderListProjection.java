package io.ordo.projections;

import io.ordo.domain.event.OrderCreated;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import io.ordo.projections.ProjectionSlots.Role;
import java.util.function.Predicate;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Projection: the searchable order list, one row per order with the columns its filters and sorts need.
 * A streaming processor feeds it (it may lag the write by well under a second); every handler is
 * idempotent (a change applies only on top of the version just before it), so an event delivered twice after a
 * crash changes nothing, and the live and replay instances may interleave freely.
 */
public class OrderListProjection {

    public static final String NAME = "order-list";
    static final String TABLE = "order_list";

    private final JdbcClient jdbc;
    private final ProjectionSlots slots;
    private final Role role;

    public OrderListProjection(JdbcClient jdbc, ProjectionSlots slots, Role role) {
        this.jdbc = jdbc;
        this.slots = slots;
        this.role = role;
    }

    @EventHandler
    void on(OrderCreated e, @org.axonframework.eventhandling.Timestamp Instant at) {
        var d = OrderDocument.created(e, at);
        for (String slot : slots.lockShared(NAME).targets(role)) {
        jdbc.sql("""
                        INSERT INTO %s (order_id, tenant_id, order_number, workflow, status, active, customer_id,
                                                contact_id, conversation_id, location, priority, total_amount, created_by,
                                                created_at, updated_at, last_changed_at, version, search_text, document)
                        VALUES (:id, :tenant, :number, :workflow, :status, :active, :customerId, :contactId,
                                :conversationId, :location, :priority, :total, :createdBy, :createdAt, NULL, :createdAt,
                                0, :search, CAST(:document AS jsonb))
                        ON CONFLICT (order_id) DO NOTHING""".formatted(ProjectionSlots.table(TABLE, slot)))
                .param("id", e.orderId().value())
                .param("tenant", d.tenantId)
                .param("number", d.orderNumber)
                .param("workflow", d.workflow)
                .param("status", d.status)
                .param("active", d.active)
                .param("customerId", d.customer == null ? null : d.customer.id())
                .param("contactId", d.contact == null ? null : d.contact.contactId())
                .param("conversationId", d.contact == null ? null : d.contact.conversationId())
                .param("location", d.location)
                .param("priority", d.priority)
                .param("total", d.totalAmountValue())
                .param("createdBy", d.createdBy)
                .param("createdAt", Timestamp.from(at))
                .param("search", d.searchText())
                .param("document", ProjectionJson.write(d))
                .update();
        }
    }

    /** Every later event of an order, folded by the one fold the detail, the list and asOf share. */
    @EventHandler
    void on(Object event, DomainEventMessage<?> message) {
        long sequence = message.getSequenceNumber();
        change(UUID.fromString(message.getAggregateIdentifier()), sequence,
                d -> d.applyAny(event, message.getTimestamp(), sequence));
    }

    private void change(UUID orderId, long sequence, Predicate<OrderDocument> change) {
        for (String slot : slots.lockShared(NAME).targets(role)) {
            change(ProjectionSlots.table(TABLE, slot), orderId, sequence, change);
        }
    }

    private void change(String table, UUID orderId, long sequence, Predicate<OrderDocument> change) {
        var json = jdbc.sql("SELECT document FROM %s WHERE order_id = :id AND version = :previous FOR UPDATE"
                        .formatted(table))
                .param("id", orderId)
                .param("previous", sequence - 1)
                .query(String.class)
                .optional();
        if (json.isEmpty()) {
            return; // applied already, or the rebuild has not reached this order yet and will apply it
        }
        OrderDocument d = ProjectionJson.read(json.get());
        if (!change.test(d)) {
            return; // an event this fold does not know changes nothing here
        }
        jdbc.sql("""
                        UPDATE %s SET status = :status, active = :active, customer_id = :customerId,
                               location = :location, priority = :priority, total_amount = :total,
                               updated_at = :updatedAt, last_changed_at = :lastChangedAt, version = :version,
                               search_text = :search, document = CAST(:document AS jsonb)
                        WHERE order_id = :id""".formatted(table))
                .param("id", orderId)
                .param("status", d.status)
                .param("active", d.active)
                .param("customerId", d.customer == null ? null : d.customer.id())
                .param("location", d.location)
                .param("priority", d.priority)
                .param("total", d.totalAmountValue())
                .param("updatedAt", d.updatedAt == null ? null : Timestamp.from(d.updatedAt))
                .param("lastChangedAt", Timestamp.from(d.updatedAt == null ? d.createdAt : d.updatedAt))
                .param("version", d.version)
                .param("search", d.searchText())
                .param("document", ProjectionJson.write(d))
                .update();
    }
}

package io.ordo.projections;

import io.ordo.domain.DuplicateOrderNumberException;
import io.ordo.domain.event.OrderCreated;
import io.ordo.projections.ProjectionSlots.Role;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Projection: the order as it stands, one row per order. The live instance runs in a subscribing processor,
 * inside the command's transaction, so an immediate read on any node shows an acknowledged write, and a
 * failure here fails the command (nothing half-written); its unique order number per tenant is the guard
 * against duplicate client-given numbers. The replay instance rebuilds the idle set of tables from the first
 * event. A change applies only on top of the version just before it, so the two may interleave freely.
 */
public class OrderDetailProjection {

    public static final String NAME = "order-detail";
    static final String TABLE = "order_detail";

    private final JdbcClient jdbc;
    private final ProjectionSlots slots;
    private final Role role;

    public OrderDetailProjection(JdbcClient jdbc, ProjectionSlots slots, Role role) {
        this.jdbc = jdbc;
        this.slots = slots;
        this.role = role;
    }

    @EventHandler
    void on(OrderCreated e, @Timestamp Instant at) {
        var document = OrderDocument.created(e, at);
        for (String slot : slots.lockShared(NAME).targets(role)) {
            try {
                jdbc.sql("""
                                INSERT INTO %s (order_id, tenant_id, order_number, created_by, location, customer_id,
                                                version, document)
                                VALUES (:id, :tenant, :number, :createdBy, :location, :customerId, 0, CAST(:document AS jsonb))
                                ON CONFLICT (order_id) DO NOTHING""".formatted(ProjectionSlots.table(TABLE, slot)))
                        .param("id", e.orderId().value())
                        .param("tenant", e.tenantId())
                        .param("number", e.orderNumber())
                        .param("createdBy", e.actor())
                        .param("location", e.location())
                        .param("customerId", e.customer() == null ? null : e.customer().id())
                        .param("document", ProjectionJson.write(document))
                        .update();
            } catch (DuplicateKeyException duplicate) {
                if (String.valueOf(duplicate.getMessage()).contains("order_number")) {
                    throw new DuplicateOrderNumberException(e.orderNumber());
                }
                throw duplicate;
            }
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
            String table = ProjectionSlots.table(TABLE, slot);
            var json = jdbc.sql("SELECT document FROM %s WHERE order_id = :id AND version = :previous FOR UPDATE"
                            .formatted(table))
                    .param("id", orderId)
                    .param("previous", sequence - 1)
                    .query(String.class)
                    .optional();
            if (json.isEmpty()) {
                continue; // applied already, or the rebuild has not reached this order yet and will apply it
            }
            OrderDocument document = ProjectionJson.read(json.get());
            if (!change.test(document)) {
                continue; // an event this fold does not know changes nothing here
            }
            jdbc.sql("""
                            UPDATE %s SET location = :location, customer_id = :customerId, version = :version,
                                          document = CAST(:document AS jsonb)
                            WHERE order_id = :id""".formatted(table))
                    .param("id", orderId)
                    .param("location", document.location)
                    .param("customerId", document.customer == null ? null : document.customer.id())
                    .param("version", document.version)
                    .param("document", ProjectionJson.write(document))
                    .update();
        }
    }
}

package io.ordo.projections;

import io.ordo.domain.DuplicateOrderNumberException;
import io.ordo.domain.event.DiscussionNoteAdded;
import io.ordo.domain.event.LeadDelivered;
import io.ordo.domain.event.LeadWithdrawn;
import io.ordo.domain.event.OrderCancelled;
import io.ordo.domain.event.OrderCreated;
import io.ordo.domain.event.OrderDetailsUpdated;
import io.ordo.domain.event.OrderStatusChanged;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Projection: the order as it stands, one row per order. Runs in a subscribing processor, inside the
 * command's transaction, so an immediate read on any node shows an acknowledged write; a failure here
 * fails the command (nothing half-written). Its unique order number per tenant is the guard against
 * duplicate client-given numbers.
 */
@ProcessingGroup(OrderDetailProjection.NAME)
public class OrderDetailProjection {

    public static final String NAME = "order-detail";

    private final JdbcClient jdbc;

    public OrderDetailProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(OrderCreated e, @Timestamp Instant at) {
        var document = OrderDocument.created(e, at);
        try {
            jdbc.sql("""
                            INSERT INTO order_detail (order_id, tenant_id, order_number, created_by, location, customer_id,
                                                      version, document)
                            VALUES (:id, :tenant, :number, :createdBy, :location, :customerId, 0, CAST(:document AS jsonb))""")
                    .param("id", e.orderId().value())
                    .param("tenant", e.tenantId())
                    .param("number", e.orderNumber())
                    .param("createdBy", e.actor())
                    .param("location", e.location())
                    .param("customerId", e.customer() == null ? null : e.customer().id())
                    .param("document", ProjectionJson.write(document))
                    .update();
        } catch (DuplicateKeyException duplicate) {
            if (String.valueOf(duplicate.getMessage()).contains("order_detail_number_unique")) {
                throw new DuplicateOrderNumberException(e.orderNumber());
            }
            throw duplicate;
        }
    }

    @EventHandler
    void on(OrderDetailsUpdated e, @Timestamp Instant at, @SequenceNumber long sequence) {
        change(e.orderId().value(), d -> d.apply(e, at, sequence));
    }

    @EventHandler
    void on(OrderStatusChanged e, @Timestamp Instant at, @SequenceNumber long sequence) {
        change(e.orderId().value(), d -> d.apply(e, at, sequence));
    }

    @EventHandler
    void on(OrderCancelled e, @Timestamp Instant at, @SequenceNumber long sequence) {
        change(e.orderId().value(), d -> d.apply(e, at, sequence));
    }

    @EventHandler
    void on(LeadDelivered e, @org.axonframework.eventhandling.Timestamp Instant at, @SequenceNumber long sequence) {
        change(e.orderId().value(),  d -> d.apply(e, at, sequence));
    }

    @EventHandler
    void on(LeadWithdrawn e, @org.axonframework.eventhandling.Timestamp Instant at, @SequenceNumber long sequence) {
        change(e.orderId().value(),  d -> d.apply(e, at, sequence));
    }

    @EventHandler
    void on(DiscussionNoteAdded e, @org.axonframework.eventhandling.Timestamp Instant at, @SequenceNumber long sequence) {
        change(e.orderId().value(),  d -> d.apply(e, at, sequence));
    }

    private void change(UUID orderId, Consumer<OrderDocument> change) {
        String json = jdbc.sql("SELECT document FROM order_detail WHERE order_id = :id FOR UPDATE")
                .param("id", orderId)
                .query(String.class)
                .single();
        OrderDocument document = ProjectionJson.read(json);
        change.accept(document);
        jdbc.sql("""
                        UPDATE order_detail SET location = :location, customer_id = :customerId, version = :version,
                                                document = CAST(:document AS jsonb)
                        WHERE order_id = :id""")
                .param("id", orderId)
                .param("location", document.location)
                .param("customerId", document.customer == null ? null : document.customer.id())
                .param("version", document.version)
                .param("document", ProjectionJson.write(document))
                .update();
    }
}

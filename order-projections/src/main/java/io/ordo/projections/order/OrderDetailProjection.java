package io.ordo.projections.order;

import io.ordo.domain.event.OrderCreated;
import io.ordo.domain.exception.DuplicateOrderNumberException;
import io.ordo.projections.store.BatchWrites;
import io.ordo.projections.store.ProjectionSlots;
import io.ordo.projections.store.ProjectionSlots.Role;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
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
    public static final String TABLE = "order_detail";

    private final JdbcTemplate batches;
    private final Role role;
    private final DocumentTables tables;

    public OrderDetailProjection(JdbcTemplate jdbc, ProjectionSlots slots, Role role) {
        this.batches = jdbc;
        this.role = role;
        this.tables = new DocumentTables(
                NAME, TABLE, slots, role, this::immediate, JdbcClient.create(jdbc), true, this::write);
    }

    /**
     * Whether to write at once: always live (the command's own transaction, where a duplicate order number must
     * fail the command there and then), and in a rebuild for an event the dead-letter interceptor isolates.
     * Otherwise a rebuild writes its batch's rows at the batch's end.
     */
    private boolean immediate() {
        return role == Role.LIVE || BatchWrites.immediate();
    }

    @EventHandler
    void on(OrderCreated e, @Timestamp Instant at) {
        tables.created(e, at);
    }

    /** Every later event of an order, folded by the one fold the detail, the list and asOf share. */
    @EventHandler
    void on(Object event, DomainEventMessage<?> message) {
        tables.changed(event, message);
    }

    private void write(Map<String, OrderRows> tables) {
        tables.forEach((table, rows) -> {
            var inserts = rows.inserts();
            var updates = rows.updates();
            if (!inserts.isEmpty()) {
                try {
                    batches.batchUpdate("""
                                    INSERT INTO %s (order_id, tenant_id, order_number, created_by, location, customer_id,
                                                    version, document, assignee)
                                    VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?)
                                    ON CONFLICT (order_id) DO NOTHING""".formatted(table), inserts, inserts.size(), (ps, p) -> {
                        OrderDocument d = p.document();
                        ps.setObject(1, UUID.fromString(d.id));
                        ps.setString(2, d.tenantId);
                        ps.setString(3, d.orderNumber);
                        ps.setString(4, d.createdBy);
                        ps.setString(5, d.location);
                        ps.setString(6, d.customer == null ? null : d.customer.id());
                        ps.setLong(7, d.version);
                        ps.setString(8, ProjectionJson.write(d));
                        ps.setString(9, d.assigneeOrCreator());
                    });
                } catch (DuplicateKeyException duplicate) {
                    if (inserts.size() == 1
                            && String.valueOf(duplicate.getMessage()).contains("order_number")) {
                        throw new DuplicateOrderNumberException(inserts.get(0).document().orderNumber);
                    }
                    throw duplicate;
                }
            }
            if (!updates.isEmpty()) {
                batches.batchUpdate("""
                                UPDATE %s SET location = ?, customer_id = ?, version = ?, document = CAST(? AS jsonb),
                                       assignee = ?
                                WHERE order_id = ? AND version = ?""".formatted(table), updates, updates.size(), (ps, p) -> {
                    OrderDocument d = p.document();
                    ps.setString(1, d.location);
                    ps.setString(2, d.customer == null ? null : d.customer.id());
                    ps.setLong(3, d.version);
                    ps.setString(4, ProjectionJson.write(d));
                    ps.setString(5, d.assigneeOrCreator());
                    ps.setObject(6, UUID.fromString(d.id));
                    ps.setLong(7, p.stored());
                });
            }
        });
    }
}

package io.ordo.projections.order;

import io.ordo.domain.event.OrderCreated;
import io.ordo.projections.store.BatchWrites;
import io.ordo.projections.store.ProjectionSlots;
import io.ordo.projections.store.ProjectionSlots.Role;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Projection: the searchable order list, one row per order with the columns its filters and sorts need.
 * A streaming processor feeds it (it may lag the write by well under a second); every handler is
 * idempotent (a change applies only on top of the version just before it), so an event delivered twice after a
 * crash changes nothing, and the live and replay instances may interleave freely.
 */
public class OrderListProjection {

    public static final String NAME = "order-list";
    public static final String TABLE = "order_list";

    private final JdbcTemplate batches;
    private final DocumentTables tables;

    public OrderListProjection(JdbcTemplate jdbc, ProjectionSlots slots, Role role) {
        this.batches = jdbc;
        this.tables = new DocumentTables(
                NAME, TABLE, slots, role, BatchWrites::immediate, JdbcClient.create(jdbc), false, this::write);
    }

    @EventHandler
    void on(OrderCreated e, @org.axonframework.eventhandling.Timestamp Instant at) {
        tables.created(e, at);
    }

    /** Every later event of an order, folded by the one fold the detail, the list and asOf share. */
    @EventHandler
    void on(Object event, DomainEventMessage<?> message) {
        tables.changed(event, message);
    }

    /**
     * The batch's rows: new orders inserted (a row already there wins), changed ones updated only where the table
     * still holds the version the batch read. Where another instance (live beside a rebuild) got there first, it
     * applies the same events in the same order, so its row is as good.
     */
    private void write(Map<String, OrderRows> tables) {
        tables.forEach((table, rows) -> {
            var inserts = rows.inserts();
            var updates = rows.updates();
            if (!inserts.isEmpty()) {
                batches.batchUpdate("""
                                INSERT INTO %s (order_id, tenant_id, order_number, workflow, status, active, customer_id,
                                                contact_id, conversation_id, location, priority, total_amount, created_by,
                                                created_at, updated_at, last_changed_at, version, search_text, document,
                                                status_since, assignee)
                                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)
                                ON CONFLICT (order_id) DO NOTHING""".formatted(table), inserts, inserts.size(), (ps, p) -> {
                    OrderDocument d = p.document();
                    int i = 0;
                    ps.setObject(++i, UUID.fromString(d.id));
                    ps.setString(++i, d.tenantId);
                    ps.setString(++i, d.orderNumber);
                    ps.setString(++i, d.workflow);
                    ps.setString(++i, d.status);
                    ps.setBoolean(++i, d.active);
                    ps.setString(++i, d.customer == null ? null : d.customer.id());
                    ps.setString(++i, d.contact == null ? null : d.contact.contactId());
                    ps.setString(++i, d.contact == null ? null : d.contact.conversationId());
                    ps.setString(++i, d.location);
                    ps.setInt(++i, d.priority);
                    ps.setBigDecimal(++i, d.totalAmountValue());
                    ps.setString(++i, d.createdBy);
                    ps.setTimestamp(++i, Timestamp.from(d.createdAt));
                    ps.setTimestamp(++i, d.updatedAt == null ? null : Timestamp.from(d.updatedAt));
                    ps.setTimestamp(++i, Timestamp.from(d.updatedAt == null ? d.createdAt : d.updatedAt));
                    ps.setLong(++i, d.version);
                    ps.setString(++i, d.searchText());
                    ps.setString(++i, ProjectionJson.write(d));
                    ps.setTimestamp(++i, d.statusSince == null ? null : Timestamp.from(d.statusSince));
                    ps.setString(++i, d.assigneeOrCreator());
                });
            }
            if (!updates.isEmpty()) {
                batches.batchUpdate("""
                                UPDATE %s SET status = ?, active = ?, customer_id = ?, location = ?, priority = ?,
                                       total_amount = ?, updated_at = ?, last_changed_at = ?, version = ?, search_text = ?,
                                       document = CAST(? AS jsonb), status_since = coalesce(?, status_since), assignee = ?
                                WHERE order_id = ? AND version = ?""".formatted(table), updates, updates.size(), (ps, p) -> {
                    OrderDocument d = p.document();
                    int i = 0;
                    ps.setString(++i, d.status);
                    ps.setBoolean(++i, d.active);
                    ps.setString(++i, d.customer == null ? null : d.customer.id());
                    ps.setString(++i, d.location);
                    ps.setInt(++i, d.priority);
                    ps.setBigDecimal(++i, d.totalAmountValue());
                    ps.setTimestamp(++i, d.updatedAt == null ? null : Timestamp.from(d.updatedAt));
                    ps.setTimestamp(++i, Timestamp.from(d.updatedAt == null ? d.createdAt : d.updatedAt));
                    ps.setLong(++i, d.version);
                    ps.setString(++i, d.searchText());
                    ps.setString(++i, ProjectionJson.write(d));
                    ps.setTimestamp(++i, d.statusSince == null ? null : Timestamp.from(d.statusSince));
                    ps.setString(++i, d.assigneeOrCreator());
                    ps.setObject(++i, UUID.fromString(d.id));
                    ps.setLong(++i, p.stored());
                });
            }
        });
    }
}

package io.ordo.projections.order;

import io.ordo.domain.event.OrderCreated;
import io.ordo.projections.store.BatchWrites;
import io.ordo.projections.store.ProjectionSlots;
import io.ordo.projections.store.ProjectionSlots.Role;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The handling shared by the projections that keep one document per order (detail and list): for each table
 * the handler instance writes (the active one, and during a rebuild the replaying one), the order's row is
 * created or the event folded onto it ({@link OrderRows}); then the rows are written at once, or gathered and
 * written when the batch commits ({@link BatchWrites}). The projection supplies its writes.
 */
final class DocumentTables {

    private final String projection;
    private final String table;
    private final ProjectionSlots slots;
    private final Role role;
    private final BooleanSupplier immediate;
    private final JdbcClient jdbc;
    private final boolean lockRows;
    private final Consumer<Map<String, OrderRows>> write;

    /**
     * {@code lockRows}: read an order's row {@code FOR UPDATE}, so that live and rebuild instances take turns on
     * it (the detail); without, they rely on the version-guarded update alone (the list).
     */
    DocumentTables(
            String projection,
            String table,
            ProjectionSlots slots,
            Role role,
            BooleanSupplier immediate,
            JdbcClient jdbc,
            boolean lockRows,
            Consumer<Map<String, OrderRows>> write) {
        this.projection = projection;
        this.table = table;
        this.slots = slots;
        this.role = role;
        this.immediate = immediate;
        this.jdbc = jdbc;
        this.lockRows = lockRows;
        this.write = write;
    }

    void created(OrderCreated e, Instant at) {
        each((target, rows) -> rows.created(e.orderId().value(), OrderDocument.created(e, at)));
    }

    /** Every later event of an order, folded by the one fold the detail, the list and asOf share. */
    void changed(Object event, DomainEventMessage<?> message) {
        UUID orderId = UUID.fromString(message.getAggregateIdentifier());
        each((target, rows) -> rows.fold(orderId, id -> read(target, id), event, message));
    }

    private void each(BiConsumer<String, OrderRows> change) {
        boolean now = immediate.getAsBoolean();
        var state = slots.forWriting(projection);
        for (String slot : state.targets(role)) {
            String target = ProjectionSlots.table(table, slot);
            OrderRows rows = now ? new OrderRows() : pending().computeIfAbsent(target, t -> new OrderRows());
            change.accept(target, rows);
            if (now) {
                write.accept(Map.of(target, rows));
                if (role == Role.LIVE && slot.equals(state.active())) {
                    rows.inserts().forEach(row -> WrittenOrder.wrote(row.document()));
                    rows.updates().forEach(row -> WrittenOrder.wrote(row.document()));
                }
            }
        }
    }

    /**
     * The order's row in {@code target}. In a rebuild's batch, the first row the batch asks for brings the rows of
     * every order of the batch with it, in one query, and later orders of the batch are answered from those. Live,
     * one row at a time: a live batch takes what arrived while the one before ran, so reading faster made its
     * batches smaller and its row updates more (docs/benchmarks.md, "Tried and dropped"); a rebuild's batches are
     * full whatever their speed.
     */
    private OrderRows.Row read(String target, UUID orderId) {
        if (role == Role.LIVE
                || immediate.getAsBoolean()
                || !(CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batch)) {
            return readOne(target, orderId);
        }
        Map<UUID, OrderRows.Row> batchRows =
                batch.getOrComputeResource("ordo.read." + projection + "." + role + "." + target, key -> {
                    var orders = new LinkedHashSet<UUID>();
                    for (var message : batch.getMessages()) {
                        if (message instanceof DomainEventMessage<?> event) {
                            orders.add(UUID.fromString(event.getAggregateIdentifier()));
                        }
                    }
                    return readAll(target, orders);
                });
        return batchRows.containsKey(orderId) ? batchRows.get(orderId) : readOne(target, orderId);
    }

    private OrderRows.Row readOne(String target, UUID orderId) {
        return jdbc.sql("SELECT version, document FROM %s WHERE order_id = :id%s"
                        .formatted(target, lockRows ? " FOR UPDATE" : ""))
                .param("id", orderId)
                .query((rs, n) -> new OrderRows.Row(rs.getLong(1), ProjectionJson.read(rs.getString(2))))
                .optional()
                .orElse(null);
    }

    /** The rows of {@code orders}, each order mapped to its row or to null where the table has none. */
    private Map<UUID, OrderRows.Row> readAll(String target, Set<UUID> orders) {
        var rows = new HashMap<UUID, OrderRows.Row>();
        orders.forEach(order -> rows.put(order, null));
        jdbc.sql("SELECT order_id, version, document FROM %s WHERE order_id = ANY(:ids)%s"
                        .formatted(target, lockRows ? " ORDER BY order_id FOR UPDATE" : ""))
                .param("ids", orders.toArray(UUID[]::new))
                .query(rs -> {
                    rows.put(
                            rs.getObject(1, UUID.class),
                            new OrderRows.Row(rs.getLong(2), ProjectionJson.read(rs.getString(3))));
                });
        return rows;
    }

    /** The rows this batch changes, per target table. */
    private Map<String, OrderRows> pending() {
        return BatchWrites.buffer("ordo.rows." + projection + "." + role, LinkedHashMap::new, write);
    }
}

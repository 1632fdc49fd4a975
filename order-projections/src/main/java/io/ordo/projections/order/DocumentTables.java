package io.ordo.projections.order;

import io.ordo.domain.event.OrderCreated;
import io.ordo.projections.store.BatchWrites;
import io.ordo.projections.store.ProjectionSlots;
import io.ordo.projections.store.ProjectionSlots.Role;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.axonframework.eventhandling.DomainEventMessage;
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

    private OrderRows.Row read(String target, UUID orderId) {
        return jdbc.sql("SELECT version, document FROM %s WHERE order_id = :id%s"
                        .formatted(target, lockRows ? " FOR UPDATE" : ""))
                .param("id", orderId)
                .query((rs, n) -> new OrderRows.Row(rs.getLong(1), ProjectionJson.read(rs.getString(2))))
                .optional()
                .orElse(null);
    }

    /** The rows this batch changes, per target table. */
    private Map<String, OrderRows> pending() {
        return BatchWrites.buffer("ordo.rows." + projection + "." + role, LinkedHashMap::new, write);
    }
}

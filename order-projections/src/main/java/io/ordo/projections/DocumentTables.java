package io.ordo.projections;

import io.ordo.domain.event.OrderCreated;
import io.ordo.projections.ProjectionSlots.Role;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * The handling shared by the projections that keep one document per order (detail and list): for each table
 * the handler instance writes (the active one, and during a rebuild the replaying one), the order's row is
 * created or the event folded onto it ({@link OrderRows}); then the rows are written at once, or gathered and
 * written when the batch commits ({@link BatchWrites}). The projection supplies its row read and its writes.
 */
final class DocumentTables {

    private final String projection;
    private final String table;
    private final ProjectionSlots slots;
    private final Role role;
    private final BooleanSupplier immediate;
    private final BiFunction<String, UUID, OrderRows.Row> read;
    private final Consumer<Map<String, OrderRows>> write;

    DocumentTables(String projection, String table, ProjectionSlots slots, Role role, BooleanSupplier immediate,
                   BiFunction<String, UUID, OrderRows.Row> read, Consumer<Map<String, OrderRows>> write) {
        this.projection = projection;
        this.table = table;
        this.slots = slots;
        this.role = role;
        this.immediate = immediate;
        this.read = read;
        this.write = write;
    }

    void created(OrderCreated e, Instant at) {
        each((target, rows) -> rows.created(e.orderId().value(), OrderDocument.created(e, at)));
    }

    /** Every later event of an order, folded by the one fold the detail, the list and asOf share. */
    void changed(Object event, DomainEventMessage<?> message) {
        UUID orderId = UUID.fromString(message.getAggregateIdentifier());
        each((target, rows) -> rows.fold(orderId, id -> read.apply(target, id), event, message));
    }

    private void each(java.util.function.BiConsumer<String, OrderRows> change) {
        boolean now = immediate.getAsBoolean();
        for (String slot : slots.lockShared(projection).targets(role)) {
            String target = ProjectionSlots.table(table, slot);
            OrderRows rows = now ? new OrderRows() : pending().computeIfAbsent(target, t -> new OrderRows());
            change.accept(target, rows);
            if (now) {
                write.accept(Map.of(target, rows));
            }
        }
    }

    /** The rows this batch changes, per target table. */
    private Map<String, OrderRows> pending() {
        return BatchWrites.buffer("ordo.rows." + projection + "." + role, LinkedHashMap::new, write);
    }
}

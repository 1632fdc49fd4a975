package io.ordo.projections.order;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * The orders a unit of work changes in one table of a document projection (detail or list): each row read
 * once, the unit's events folded onto it in memory by the fold the detail, the list and asOf share, and then
 * written by the projection: inserts for orders created here, updates guarded by the version read.
 */
final class OrderRows {

    /** An order's row as the unit of work leaves it: {@code stored} is the version read (-1: created here). */
    record Row(long stored, OrderDocument document) {}

    private final Map<UUID, Row> rows = new LinkedHashMap<>();

    /** An order created in this unit of work; a row already there (an event seen twice) wins. */
    void created(UUID orderId, OrderDocument document) {
        rows.putIfAbsent(orderId, new Row(-1, document));
    }

    /**
     * Folds a later event onto the order's row, read first with {@code read} (null: the table has no row yet, as
     * when a rebuild has not reached the order; it will apply the event itself). A change applies only on top of
     * the version just before it, so an event seen twice changes nothing.
     */
    void fold(UUID orderId, Function<UUID, Row> read, Object event, DomainEventMessage<?> message) {
        Row row = rows.get(orderId);
        if (row == null) {
            row = read.apply(orderId);
            if (row == null) {
                return;
            }
            rows.put(orderId, row);
        }
        long sequence = message.getSequenceNumber();
        if (row.document().version == sequence - 1) {
            row.document().applyAny(event, message.getTimestamp(), sequence);
        }
    }

    List<Row> inserts() {
        return rows.values().stream().filter(row -> row.stored() < 0).toList();
    }

    /** Rows read and changed since; to be written {@code WHERE version = stored}. */
    List<Row> updates() {
        return rows.values().stream()
                .filter(row -> row.stored() >= 0 && row.document().version != row.stored())
                .toList();
    }
}

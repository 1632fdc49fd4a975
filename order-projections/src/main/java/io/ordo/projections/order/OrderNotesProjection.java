package io.ordo.projections.order;

import io.ordo.domain.event.DiscussionNoteAdded;
import io.ordo.projections.store.ProjectionSlots;
import io.ordo.projections.store.ProjectionSlots.Role;
import io.ordo.projections.store.StoredOrders;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Projection: each order's discussion, in the command's transaction (read-your-writes, like the detail). */
public class OrderNotesProjection {

    public static final String NAME = "order-notes";
    public static final String TABLE = "order_note";

    private final JdbcClient jdbc;
    private final ProjectionSlots slots;
    private final Role role;

    public OrderNotesProjection(JdbcClient jdbc, ProjectionSlots slots, Role role) {
        this.jdbc = jdbc;
        this.slots = slots;
        this.role = role;
    }

    @EventHandler
    void on(
            DiscussionNoteAdded e,
            @org.axonframework.eventhandling.Timestamp Instant at,
            @SequenceNumber long sequence,
            @MetaDataValue("tenant") String tenant) {
        for (String slot : slots.forWriting(NAME).targets(role)) {
            jdbc.sql("""
                            INSERT INTO %s (order_id, sequence_number, tenant_id, note_id, by_user, at, text)
                            VALUES (:id, :seq, COALESCE(CAST(:tenant AS varchar), %s), :noteId, :by, :at, :text)
                            ON CONFLICT (order_id, sequence_number) DO NOTHING""".formatted(ProjectionSlots.table(TABLE, slot), StoredOrders.TENANT_OF_ORDER))
                    .param("id", e.orderId().value())
                    .param("seq", sequence)
                    .param("tenant", tenant)
                    .param("noteId", e.noteId())
                    .param("by", e.actor())
                    .param("at", Timestamp.from(at))
                    .param("text", e.text())
                    .update();
        }
    }
}

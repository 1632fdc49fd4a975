package io.ordo.projections;

import io.ordo.domain.event.DiscussionNoteAdded;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Projection: each order's discussion, in the command's transaction (read-your-writes, like the detail). */
@ProcessingGroup(OrderNotesProjection.NAME)
public class OrderNotesProjection {

    public static final String NAME = "order-notes";

    private final JdbcClient jdbc;

    public OrderNotesProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(DiscussionNoteAdded e, @org.axonframework.eventhandling.Timestamp Instant at, @SequenceNumber long sequence) {
        jdbc.sql("""
                        INSERT INTO order_note (order_id, sequence_number, tenant_id, note_id, by_user, at, text)
                        SELECT :id, :seq, tenant_id, :noteId, :by, :at, :text FROM order_detail WHERE order_id = :id
                        ON CONFLICT (order_id, sequence_number) DO NOTHING""")
                .param("id", e.orderId().value())
                .param("seq", sequence)
                .param("noteId", e.noteId())
                .param("by", e.actor())
                .param("at", Timestamp.from(at))
                .param("text", e.text())
                .update();
    }
}

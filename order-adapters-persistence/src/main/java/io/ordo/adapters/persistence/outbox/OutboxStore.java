package io.ordo.adapters.persistence.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dispatcher's statements over the outbox. A row is sent only when it is the oldest pending row of its order and
 * destination (so an order's events go out in order), and only by the node that claimed it: the claim takes due
 * heads with {@code FOR UPDATE SKIP LOCKED}, so nodes polling at once take different rows, and marks them claimed
 * until a deadline, after which another node may take over from a node that died.
 */
final class OutboxStore {

    private final JdbcClient jdbc;
    private final String node;

    OutboxStore(JdbcClient jdbc, String node) {
        this.jdbc = jdbc;
        this.node = node;
    }

    /** Takes up to {@code limit} due rows, each the head of its order and destination, skipping busy destinations. */
    List<OutboxRow> claim(int limit, Duration claimFor, Collection<String> busy) {
        return jdbc.sql("""
                        WITH due AS (
                            SELECT o.id FROM outbox o
                            WHERE o.state = 'pending' AND o.next_attempt_at <= now()
                              AND (o.claimed_until IS NULL OR o.claimed_until < now())
                              AND o.destination <> ALL (:busy)
                              AND NOT EXISTS (SELECT 1 FROM outbox p
                                              WHERE p.state = 'pending' AND p.destination = o.destination
                                                AND p.order_id = o.order_id AND p.id < o.id)
                            ORDER BY o.next_attempt_at, o.id
                            LIMIT :limit
                            FOR UPDATE SKIP LOCKED)
                        UPDATE outbox SET claimed_by = :node, claimed_until = now() + make_interval(secs => :seconds)
                        FROM due WHERE outbox.id = due.id
                        RETURNING outbox.id, outbox.destination, outbox.subscription_id, outbox.tenant_id,
                                  outbox.order_id, outbox.event_id, outbox.body, outbox.attempts, outbox.created_at""")
                .param("busy", busy.toArray(String[]::new))
                .param("limit", limit)
                .param("node", node)
                .param("seconds", (double) claimFor.toSeconds())
                .query(OutboxStore::row)
                .list();
    }

    void delivered(OutboxRow row, Attempt attempt) {
        jdbc.sql("""
                        UPDATE outbox SET state = 'delivered', attempts = attempts + 1, last_status = :status,
                                          last_error = NULL, delivered_at = now(), claimed_by = NULL, claimed_until = NULL
                        WHERE id = :id AND claimed_by = :node""")
                .param("status", attempt.status())
                .param("id", row.id())
                .param("node", node)
                .update();
    }

    /**
     * A failed attempt: the next one after 1 s, doubling up to {@code maxBackoff}; once the next attempt would fall
     * after {@code giveUpAfter} from the event, the row is {@code failed} (null: never). Answers whether it is.
     */
    boolean failed(OutboxRow row, Attempt attempt, Duration maxBackoff, Duration giveUpAfter) {
        return jdbc.sql("""
                        UPDATE outbox SET attempts = attempts + 1, last_status = :status, last_error = :error,
                                          claimed_by = NULL, claimed_until = NULL,
                                          next_attempt_at = now() + least(power(2, least(attempts, 30)) * interval '1 second',
                                                                          make_interval(secs => :max)),
                                          state = CASE WHEN CAST(:giveUp AS double precision) IS NOT NULL
                                                        AND now() + least(power(2, least(attempts, 30)) * interval '1 second',
                                                                          make_interval(secs => :max))
                                                            > created_at + make_interval(secs => CAST(:giveUp AS double precision))
                                                       THEN 'failed' ELSE 'pending' END
                        WHERE id = :id AND claimed_by = :node
                        RETURNING state = 'failed'""")
                .param("status", attempt.status())
                .param("error", attempt.error())
                .param("max", (double) maxBackoff.toSeconds())
                .param("giveUp", giveUpAfter == null ? null : (double) giveUpAfter.toSeconds())
                .param("id", row.id())
                .param("node", node)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** Gives rows back unattempted (their destination failed on an earlier row of the same round). */
    void release(Collection<OutboxRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.sql(
                        "UPDATE outbox SET claimed_by = NULL, claimed_until = NULL WHERE id = ANY (:ids) AND claimed_by = :node")
                .param("ids", rows.stream().map(OutboxRow::id).toArray(Long[]::new))
                .param("node", node)
                .update();
    }

    /** At start: this node's claims from an earlier life (killed before it could record them) are free again. */
    int releaseOwnClaims() {
        return jdbc.sql("UPDATE outbox SET claimed_by = NULL, claimed_until = NULL WHERE claimed_by = :node")
                .param("node", node)
                .update();
    }

    /** The subscription's URL and sealed secret; empty when it was removed. */
    java.util.Optional<Target> target(UUID subscription) {
        return jdbc.sql("SELECT url, secret FROM subscription WHERE id = :id")
                .param("id", subscription)
                .query((rs, n) -> new Target(rs.getString("url"), rs.getBytes("secret")))
                .optional();
    }

    /** The pending rows and the age of the oldest, for the lag gauges. */
    long pending() {
        return jdbc.sql("SELECT count(*) FROM outbox WHERE state = 'pending'")
                .query(Long.class)
                .single();
    }

    double oldestPendingSeconds() {
        Double seconds = jdbc.sql(
                        "SELECT extract(epoch FROM now() - min(created_at)) FROM outbox WHERE state = 'pending'")
                .query(Double.class)
                .single();
        return seconds == null ? 0 : seconds;
    }

    record Target(String url, byte[] sealedSecret) {}

    private static OutboxRow row(ResultSet rs, int n) throws SQLException {
        return new OutboxRow(
                rs.getLong("id"),
                rs.getString("destination"),
                rs.getObject("subscription_id", UUID.class),
                rs.getString("tenant_id"),
                rs.getObject("order_id", UUID.class),
                rs.getString("event_id"),
                rs.getString("body"),
                rs.getInt("attempts"),
                rs.getTimestamp("created_at").toInstant());
    }
}

package io.ordo.projections.store;

import java.util.List;
import java.util.Set;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which set of tables (blue or green) each projection's queries read, and which set a replay is rebuilding:
 * the one-row pointer per projection in {@code projection_slot}. Handlers take a shared lock on the row for
 * the length of their transaction, so a flip (which takes it exclusively) never lands between a write's two
 * halves.
 */
public final class ProjectionSlots {

    /** Whether a handler instance keeps the projection live, or rebuilds it from the first event. */
    public enum Role {
        LIVE,
        REPLAY
    }

    /** The pointer row of one projection. */
    public record State(String projection, String active, String replaying) {

        /** The slots a handler of {@code role} writes: live → active (+ replaying); replay → replaying. */
        public List<String> targets(Role role) {
            if (role == Role.LIVE) {
                return replaying == null ? List.of(active) : List.of(active, replaying);
            }
            return replaying == null ? List.of() : List.of(replaying);
        }
    }

    static final Set<String> SLOTS = Set.of("blue", "green");

    private final JdbcClient jdbc;

    public ProjectionSlots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The pointer, share-locked until the current transaction ends (writers). Read once per unit of work: the
     * lock holds it steady for the rest of the transaction, so a batch of events pays for one read.
     */
    public State lockShared(String projection) {
        if (CurrentUnitOfWork.isStarted()) {
            return CurrentUnitOfWork.get()
                    .root()
                    .getOrComputeResource("ordo.slot." + projection, key -> readLocked(projection));
        }
        return readLocked(projection);
    }

    private State readLocked(String projection) {
        return jdbc.sql("SELECT name, active_slot, replaying_slot FROM projection_slot WHERE name = :name FOR SHARE")
                .param("name", projection)
                .query((rs, row) -> new State(rs.getString(1), rs.getString(2), rs.getString(3)))
                .single();
    }

    /** The pointer as it is now, without a lock (readers, status). */
    public State current(String projection) {
        return jdbc.sql("SELECT name, active_slot, replaying_slot FROM projection_slot WHERE name = :name")
                .param("name", projection)
                .query((rs, row) -> new State(rs.getString(1), rs.getString(2), rs.getString(3)))
                .single();
    }

    /** The table {@code base} of the set queries read now, e.g. {@code order_list_green}. */
    public String activeTable(String projection, String base) {
        return table(base, current(projection).active());
    }

    public static String table(String base, String slot) {
        if (!SLOTS.contains(slot)) {
            throw new IllegalStateException("unknown projection slot " + slot);
        }
        return base + "_" + slot;
    }
}

package io.ordo.projections.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * Which set of tables (blue or green) each projection's queries read, and which set a replay is rebuilding:
 * the one-row pointer per projection in {@code projection_slot}. A flip or a rebuild's start never lands between a
 * write's two halves: handlers in a command's transaction are fenced by the lock every event insert takes
 * ({@link #EVENT_WRITERS}); the streaming and rebuilding handlers take a shared lock on their pointer's row for their
 * batch. A pointer change takes both exclusively.
 */
public final class ProjectionSlots {

    /**
     * The advisory lock key every event insert takes shared, for the rest of its transaction (the insert trigger of
     * V22), and a pointer change takes exclusively ({@link #lockOutEventWriters}).
     */
    public static final long EVENT_WRITERS = 7301;

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

    /** A {@code projection_slot} row read as {@code SELECT name, active_slot, replaying_slot}. */
    private static final RowMapper<State> STATE =
            (rs, row) -> new State(rs.getString(1), rs.getString(2), rs.getString(3));

    private final JdbcClient jdbc;

    /** The active slot each projection's pointer named at this node's last {@link #readActive}. */
    private final Map<String, String> lastActive = new ConcurrentHashMap<>();

    public ProjectionSlots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The pointer a handler writes by, held steady until the current transaction ends; read once per unit of work.
     * In a command's transaction every pointer is read at once, without a row lock: its events were inserted before
     * its projections run, and each insert took {@link #EVENT_WRITERS} shared, so a pointer change waits for this
     * transaction and cannot have happened since. Elsewhere (a streaming batch, a rebuild's batch, which insert no
     * events) the row is read {@code FOR SHARE}, so a batch of events pays for one read.
     */
    public State forWriting(String projection) {
        if (!CurrentUnitOfWork.isStarted()) {
            return readLocked(projection);
        }
        var root = CurrentUnitOfWork.get().root();
        if (root.getMessage() instanceof CommandMessage<?>) {
            Map<String, State> all = root.getOrComputeResource("ordo.slots", key -> readAll());
            State state = all.get(projection);
            if (state == null) {
                throw new IllegalStateException("no projection_slot row for " + projection);
            }
            return state;
        }
        return root.getOrComputeResource("ordo.slot." + projection, key -> readLocked(projection));
    }

    private Map<String, State> readAll() {
        return jdbc.sql("SELECT name, active_slot, replaying_slot FROM projection_slot").query(STATE).list().stream()
                .collect(Collectors.toMap(State::projection, state -> state));
    }

    /**
     * Waits for every transaction that stored an event and is still open, and keeps new ones out at their first event
     * until the current transaction ends: the first step of a pointer change (a rebuild's start, a flip).
     */
    public void lockOutEventWriters() {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)")
                .param("key", EVENT_WRITERS)
                .query((rs, row) -> 1)
                .list();
    }

    private State readLocked(String projection) {
        return jdbc.sql("SELECT name, active_slot, replaying_slot FROM projection_slot WHERE name = :name FOR SHARE")
                .param("name", projection)
                .query(STATE)
                .single();
    }

    /** The pointer as it is now, without a lock (readers, status). */
    public State current(String projection) {
        return jdbc.sql("SELECT name, active_slot, replaying_slot FROM projection_slot WHERE name = :name")
                .param("name", projection)
                .query(STATE)
                .single();
    }

    /**
     * One value of the set queries read now, with the pointer read in the same statement: {@code scalarQuery} is a
     * query of at most one row and column over {@code %s}, the table {@code base} of the set this node last saw
     * active. Should the pointer name the other set by now (a flip since), the query runs once more on that one.
     * One statement instead of the pointer's and the query's, and both read in one snapshot.
     */
    public <T> Optional<T> readActive(
            String projection, String base, String scalarQuery, Map<String, ?> params, Class<T> type) {
        String slot = lastActive.computeIfAbsent(projection, p -> current(p).active());
        while (true) {
            var row = jdbc.sql("SELECT active_slot, (" + scalarQuery.formatted(table(base, slot)) + ")"
                            + " FROM projection_slot WHERE name = :ordoProjection")
                    .params(params)
                    .param("ordoProjection", projection)
                    .query((rs, n) ->
                            new Active<>(rs.getString(1), type.cast(JdbcUtils.getResultSetValue(rs, 2, type))))
                    .single();
            if (row.slot().equals(slot)) {
                return Optional.ofNullable(row.value());
            }
            // flipped since this node last looked (a flip follows a whole rebuild: this does not go round twice)
            slot = row.slot();
            lastActive.put(projection, slot);
        }
    }

    private record Active<T>(String slot, T value) {}

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

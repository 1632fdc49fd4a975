package io.ordo.projections.rebuild;

import io.ordo.application.port.in.admin.ProjectionStatus;
import io.ordo.application.port.out.ProjectionControlPort;
import io.ordo.projections.Projection;
import io.ordo.projections.deadletter.ProjectionDeadLetters;
import io.ordo.projections.store.ProjectionSlots;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Blue-green rebuilds of the projections. Each projection has a live handler (writing the active tables,
 * and the replaying ones during a rebuild) and a replay handler. The replay handlers of all five run in one
 * processor, {@value #REBUILD_PROCESSOR}, so that a rebuild of several reads and deserialises each event once;
 * a replay handler whose projection is not being rebuilt writes nothing. The processor runs only while a
 * pointer says a rebuild is under way, and starts again from the first event whenever a further rebuild starts.
 * {@link #tick()} runs on every node every half second: it starts or stops the rebuild processor to match the
 * pointers, and flips a pointer once the rebuild has caught up with the head of the stream. Queries read the
 * active tables throughout, so they never see a half-built table.
 */
public class ProjectionReplays implements ProjectionControlPort {

    private static final Logger log = LoggerFactory.getLogger(ProjectionReplays.class);

    /** How often {@link #awaitCaughtUp} looks at the processor's tokens. */
    private static final Duration CATCH_UP_POLL = Duration.ofMillis(20);

    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ProjectionSlots slots;
    private final ProjectionDeadLetters deadLetters;
    private final Serializer tokenSerializer;

    public ProjectionReplays(
            EventProcessingConfiguration processing,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            ProjectionSlots slots,
            ProjectionDeadLetters deadLetters,
            Serializer tokenSerializer) {
        this.tokenSerializer = tokenSerializer;
        this.processing = processing;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.slots = slots;
        this.deadLetters = deadLetters;
    }

    /** The processor running every projection's replay handler. */
    public static final String REBUILD_PROCESSOR = "projection-rebuild";

    @Override
    public boolean exists(String name) {
        return Projection.named(name).isPresent();
    }

    @Override
    public synchronized void startReplay(String name) {
        if (Projection.named(name).isEmpty()) {
            throw new IllegalArgumentException("no projection " + name);
        }
        if (slots.current(name).replaying() != null) {
            return; // already rebuilding
        }
        StreamingEventProcessor processor = rebuildProcessor();
        // stopped before the lock: a running batch of it may be waiting for a pointer row we are about to lock
        stop(processor);
        String idle = transactions.execute(tx -> {
            // the commands in flight end first, and new ones wait at their first event until this commits (a live
            // handler in a command reads its pointer unlocked: ProjectionSlots.forWriting)
            slots.lockOutEventWriters();
            // every pointer, locked exclusively and in name order: starts are one at a time on every node, and
            // "is a rebuild running?" and "empty the idle tables" are one step
            var pointers = jdbc.sql(
                            "SELECT name, active_slot, replaying_slot FROM projection_slot ORDER BY name FOR UPDATE")
                    .query((rs, row) -> new ProjectionSlots.State(rs.getString(1), rs.getString(2), rs.getString(3)))
                    .list();
            var state = pointers.stream()
                    .filter(p -> p.projection().equals(name))
                    .findFirst()
                    .orElseThrow();
            if (state.replaying() != null) {
                return null;
            }
            String target = state.active().equals("blue") ? "green" : "blue";
            // the rebuild processor starts again from the first event, so the rebuilds under way start again too,
            // on empty tables: a document row left by the interrupted pass may be newer than the event that
            // creates it, and the creation would not overwrite it. The live handlers write these tables as well,
            // but only what the rebuild writes again
            jdbc.sql("DELETE FROM token_entry WHERE processor_name = :p")
                    .param("p", REBUILD_PROCESSOR)
                    .update();
            deadLetters.forget(REBUILD_PROCESSOR);
            long head = head();
            for (var pointer : pointers) {
                String slot = pointer.projection().equals(name) ? target : pointer.replaying();
                if (slot == null) {
                    continue;
                }
                for (String table :
                        Projection.named(pointer.projection()).orElseThrow().tables()) {
                    jdbc.sql("TRUNCATE " + ProjectionSlots.table(table, slot)).update();
                }
                jdbc.sql("""
                                UPDATE projection_slot SET replaying_slot = :idle, replay_started_at = now(), flipped_at = NULL,
                                       replay_target_position = :head
                                WHERE name = :name""")
                        .param("idle", slot)
                        .param("head", head)
                        .param("name", pointer.projection())
                        .update();
            }
            return target;
        });
        if (idle != null) {
            log.info("Rebuilding projection {} into its {} tables", name, idle);
        }
        // started in any case: another node's start may have won the race, and other rebuilds may be under way
        processor.start();
    }

    /** Matches the rebuild processor to the pointers, and flips a pointer whose rebuild has caught up. */
    public synchronized void tick() {
        try {
            var processor = rebuildProcessor();
            var rebuilding = rebuilding();
            if (rebuilding.isEmpty()) {
                if (processor.isRunning()) {
                    stop(processor);
                }
                return;
            }
            if (!processor.isRunning()) {
                processor.start();
            }
            // looked at once, without a lock, for every rebuild under way (they share the processor and its position):
            // the exclusive lock of a flip waits for a running batch and holds up every writer of the projection
            // (commands too) behind it, so it is taken only once the rebuild has caught up
            if (caughtUpTo() < 0 || deadLetters.hasParked(REBUILD_PROCESSOR)) {
                return;
            }
            for (String name : rebuilding) {
                try {
                    tryFlip(name);
                } catch (RuntimeException e) {
                    log.warn("projection {}: replay housekeeping failed, retrying: {}", name, e.getMessage());
                }
            }
        } catch (RuntimeException e) {
            log.warn("replay housekeeping failed, retrying: {}", e.getMessage());
        }
    }

    /** The projections being rebuilt now. */
    private List<String> rebuilding() {
        return jdbc.sql("SELECT name FROM projection_slot WHERE replaying_slot IS NOT NULL ORDER BY name")
                .query(String.class)
                .list();
    }

    /** Flips the pointer of {@code name} if its rebuild has caught up, checked again under the pointer's lock. */
    private void tryFlip(String name) {
        transactions.executeWithoutResult(tx -> {
            // the exclusive locks wait for the writers in flight (commands: the event writers' lock; streaming and
            // rebuilding batches: the row's share lock), and keep new ones out until we commit
            slots.lockOutEventWriters();
            String replaying = jdbc.sql("SELECT replaying_slot FROM projection_slot WHERE name = :name FOR UPDATE")
                    .param("name", name)
                    .query(String.class)
                    .single();
            if (replaying == null) {
                return;
            }
            long head = caughtUpTo();
            if (head < 0) {
                return;
            }
            if (deadLetters.hasParked(REBUILD_PROCESSOR)) {
                return; // a rebuild that could not project every event must not take over; retry the letters first
            }
            jdbc.sql("""
                            UPDATE projection_slot SET active_slot = replaying_slot, replaying_slot = NULL, flipped_at = now()
                            WHERE name = :name""").param("name", name).update();
            log.info("Projection {} rebuilt up to event {}: queries now read its {} tables", name, head, replaying);
        });
    }

    /** The head of the stream when the rebuild processor has read up to it, else -1. */
    private long caughtUpTo() {
        long head = head();
        return head > 0 && position(REBUILD_PROCESSOR).orElse(-1) < head ? -1 : head;
    }

    @Override
    public List<ProjectionStatus> statuses() {
        long head = head();
        var statuses = new ArrayList<ProjectionStatus>();
        for (var projection : Arrays.stream(Projection.values())
                .sorted(Comparator.comparing(Projection::projectionName))
                .toList()) {
            String name = projection.projectionName();
            var row = jdbc.sql("""
                            SELECT replaying_slot, replay_started_at, replay_target_position FROM projection_slot
                            WHERE name = :name""")
                    .param("name", name)
                    .query((rs, n) -> new Object[] {rs.getString(1), rs.getTimestamp(2), rs.getObject(3)})
                    .single();
            if (row[0] == null) {
                long position = projection.streams()
                        ? position(projection.processorName()).orElse(0)
                        : head;
                statuses.add(new ProjectionStatus(name, "live", position, 100.0, null, null));
                continue;
            }
            long target = ((Number) row[2]).longValue();
            long position = Math.max(0, position(REBUILD_PROCESSOR).orElse(0));
            double seconds = Math.max(
                    0.001,
                    Duration.between(((Timestamp) row[1]).toInstant(), Instant.now())
                                    .toMillis()
                            / 1000.0);
            double rate = position / seconds;
            double progress = target <= 0 ? 100.0 : Math.min(100.0, Math.round(position * 1000.0 / target) / 10.0);
            String eta = rate <= 0
                    ? null
                    : Duration.ofSeconds((long) Math.ceil(Math.max(0, target - position) / rate))
                            .toString();
            statuses.add(
                    new ProjectionStatus(name, "replaying", position, progress, Math.round(rate * 10) / 10.0, eta));
        }
        return statuses;
    }

    /** How far behind the head of the stream each projection's live handler is, in events. */
    public Map<String, Long> lag() {
        long head = head();
        var lag = new LinkedHashMap<String, Long>();
        for (var projection : Projection.values()) {
            String name = projection.projectionName();
            lag.put(
                    name,
                    projection.streams()
                            ? Math.max(
                                    0,
                                    head - position(projection.processorName()).orElse(0))
                            : 0L);
        }
        return lag;
    }

    /**
     * How far the projection's live handler is behind in time: the age at {@code now} of the oldest event it has not
     * handled yet, in seconds; 0 when it has handled every event (and always for the projections written with the
     * command).
     */
    public double lagSeconds(Projection projection, Instant now) {
        if (!projection.streams()) {
            return 0;
        }
        long position = position(projection.processorName()).orElse(0);
        return jdbc.sql("""
                        SELECT time_stamp FROM domain_event_entry WHERE global_index > :position
                        ORDER BY global_index LIMIT 1""")
                .param("position", position)
                .query(String.class)
                .optional()
                .map(stamp ->
                        Math.max(0, Duration.between(Instant.parse(stamp), now).toMillis() / 1000.0))
                .orElse(0.0);
    }

    @Override
    public boolean awaitCaughtUp(String name, Duration within) {
        var projection =
                Projection.named(name).orElseThrow(() -> new IllegalArgumentException("no projection " + name));
        if (!projection.streams()) {
            return true;
        }
        long head = head();
        long deadline = System.nanoTime() + within.toNanos();
        while (!handledUpTo(projection.processorName(), head)) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(CATCH_UP_POLL.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /**
     * Whether every segment of the processor has read past {@code head} and none passed over a stored event up to it:
     * a gap of its token is an event not yet committed when the processor read past it, handled once it is.
     */
    private boolean handledUpTo(String processorName, long head) {
        var tokens = storedTokens(processorName);
        if (tokens.isEmpty()) {
            return head == 0;
        }
        var gaps = new TreeSet<Long>();
        for (StoredToken stored : tokens) {
            TrackingToken token = tokenOf(stored);
            if (token == null || token.position().orElse(-1) < head) {
                return false;
            }
            if (WrappedToken.unwrapLowerBound(token) instanceof GapAwareTrackingToken gapAware) {
                gaps.addAll(gapAware.getGaps().headSet(head + 1));
            }
        }
        return gaps.isEmpty()
                || jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE global_index IN (:gaps)")
                                .param("gaps", gaps)
                                .query(Long.class)
                                .single()
                        == 0;
    }

    private long head() {
        return jdbc.sql("SELECT COALESCE(max(global_index), 0) FROM domain_event_entry")
                .query(Long.class)
                .single();
    }

    /**
     * The position a processor has read up to (the lowest over its segments, 0 before the first event), on
     * whichever node its segments run.
     * Read from {@code token_entry} rather than through Axon's {@code TokenStore.fetchToken}, which claims the
     * token it returns; the tokens are read with Axon's own serializer and {@link TrackingToken#position()}.
     */
    OptionalLong position(String processorName) {
        var tokens = storedTokens(processorName);
        if (tokens.isEmpty()) {
            return OptionalLong.empty();
        }
        long lowest = Long.MAX_VALUE;
        for (StoredToken token : tokens) {
            lowest = Math.min(lowest, positionOf(token));
        }
        // global indexes start at 1: a processor that has read nothing yet (a new database) stands at 0
        return OptionalLong.of(Math.max(0, lowest));
    }

    private List<StoredToken> storedTokens(String processorName) {
        return jdbc.sql("SELECT token, token_type FROM token_entry WHERE processor_name = :p")
                .param("p", processorName)
                .query((rs, n) -> new StoredToken(rs.getBytes(1), rs.getString(2)))
                .list();
    }

    private record StoredToken(byte[] bytes, String type) {}

    /**
     * The highest event a segment has seen, or -1 before its first. A replay token (Axon starts a new streaming
     * processor with one) stands where its current token stands. Gaps below the position are events that were not
     * committed when it read them, or never will be (a rolled-back insert leaves one for good); whatever commits
     * later is written by the live handlers into the rebuilt tables too, so the rebuild need not wait for gaps.
     */
    private long positionOf(StoredToken token) {
        TrackingToken tracking = tokenOf(token);
        return tracking == null ? -1 : tracking.position().orElse(-1);
    }

    /** The stored token read with Axon's own serializer; null when there is none yet or it cannot be read. */
    private TrackingToken tokenOf(StoredToken token) {
        if (token.bytes() == null || token.type() == null) {
            return null;
        }
        try {
            return tokenSerializer.deserialize(
                    new SimpleSerializedObject<>(token.bytes(), byte[].class, token.type(), null));
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private StreamingEventProcessor rebuildProcessor() {
        return processing
                .eventProcessor(REBUILD_PROCESSOR, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no processor " + REBUILD_PROCESSOR));
    }

    private static void stop(StreamingEventProcessor processor) {
        try {
            processor.shutdownAsync().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not stop " + processor.getName(), e);
        }
    }
}

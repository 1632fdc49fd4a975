package io.ordo.projections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ordo.application.port.in.ProjectionStatus;
import io.ordo.application.port.out.ProjectionControlPort;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Blue-green rebuilds of the projections. Each projection has a live handler (writing the active tables,
 * and the replaying ones during a rebuild) and a replay processor, {@code <name>-replay}, that runs only
 * while the pointer says so. {@link #tick()} runs on every node every half second: it starts or stops the
 * replay processor to match the pointer, and flips the pointer once the rebuild has caught up with the head
 * of the stream. Queries read the active tables throughout, so they never see a half-built table.
 */
public class ProjectionReplays implements ProjectionControlPort {

    private static final Logger log = LoggerFactory.getLogger(ProjectionReplays.class);

    /** Every projection and the tables it owns (without the slot suffix). */
    public static final Map<String, List<String>> TABLES = Map.of(
            OrderDetailProjection.NAME, List.of(OrderDetailProjection.TABLE),
            OrderTimelineProjection.NAME, List.of(OrderTimelineProjection.TABLE),
            OrderNotesProjection.NAME, List.of(OrderNotesProjection.TABLE),
            OrderListProjection.NAME, List.of(OrderListProjection.TABLE),
            AuditProjection.NAME, List.of(AuditProjection.TABLE));
    /** Projections whose live handler is a streaming processor (may lag); the others live in the command's transaction. */
    static final Set<String> STREAMING = Set.of(OrderListProjection.NAME, AuditProjection.NAME);

    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ProjectionSlots slots;
    private final ProjectionDeadLetters deadLetters;
    private final ObjectMapper json = new ObjectMapper();

    public ProjectionReplays(EventProcessingConfiguration processing, JdbcClient jdbc, TransactionTemplate transactions,
                             ProjectionSlots slots, ProjectionDeadLetters deadLetters) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.slots = slots;
        this.deadLetters = deadLetters;
    }

    public static boolean isStreaming(String projection) {
        return STREAMING.contains(projection);
    }

    public static String replayProcessor(String projection) {
        return projection + "-replay";
    }

    @Override
    public boolean exists(String name) {
        return TABLES.containsKey(name);
    }

    @Override
    public synchronized void startReplay(String name) {
        StreamingEventProcessor processor = replayProcessorOf(name);
        if (slots.current(name).replaying() != null) {
            return; // already rebuilding
        }
        // stopped before the lock: a running batch of it may be waiting for the pointer row we are about to lock
        stop(processor);
        String idle = transactions.execute(tx -> {
            // the exclusive lock makes "is a rebuild running?" and "empty the idle tables" one step, on every node
            var state = jdbc.sql("SELECT active_slot, replaying_slot FROM projection_slot WHERE name = :name FOR UPDATE")
                    .param("name", name)
                    .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)}).single();
            if (state[1] != null) {
                return null;
            }
            String target = state[0].equals("blue") ? "green" : "blue";
            // empty the idle tables and the rebuild's tokens before the live handlers start writing there too
            jdbc.sql("DELETE FROM token_entry WHERE processor_name = :p").param("p", replayProcessor(name)).update();
            deadLetters.forget(replayProcessor(name));
            for (String table : TABLES.get(name)) {
                jdbc.sql("TRUNCATE " + ProjectionSlots.table(table, target)).update();
            }
            jdbc.sql("""
                            UPDATE projection_slot SET replaying_slot = :idle, replay_started_at = now(), flipped_at = NULL,
                                   replay_target_position = (SELECT COALESCE(max(global_index), 0) FROM domain_event_entry)
                            WHERE name = :name""")
                    .param("idle", target).param("name", name).update();
            return target;
        });
        if (idle == null) {
            return; // already rebuilding
        }
        log.info("Rebuilding projection {} into its {} tables", name, idle);
        processor.start();
    }

    /** Matches the replay processors to the pointers, and flips a pointer whose rebuild has caught up. */
    public void tick() {
        for (String name : TABLES.keySet()) {
            try {
                var processor = replayProcessorOf(name);
                if (slots.current(name).replaying() != null) {
                    if (!processor.isRunning()) {
                        processor.start();
                    }
                    tryFlip(name);
                } else if (processor.isRunning()) {
                    stop(processor);
                }
            } catch (RuntimeException e) {
                log.warn("projection {}: replay housekeeping failed, retrying: {}", name, e.getMessage());
            }
        }
    }

    private void tryFlip(String name) {
        // looked at first without a lock: the exclusive lock below waits for a running batch and holds up every
        // writer of the projection (commands too) behind it, so it is taken only once the rebuild has caught up
        if (caughtUpTo(name) < 0) {
            return;
        }
        transactions.executeWithoutResult(tx -> {
            // the exclusive lock waits for writers that hold the shared one, and keeps new ones out until we commit
            String replaying = jdbc.sql("SELECT replaying_slot FROM projection_slot WHERE name = :name FOR UPDATE")
                    .param("name", name).query(String.class).single();
            if (replaying == null) {
                return;
            }
            long head = caughtUpTo(name);
            if (head < 0) {
                return;
            }
            if (deadLetters.hasParked(replayProcessor(name))) {
                return; // a rebuild that could not project every event must not take over; retry the letters first
            }
            jdbc.sql("""
                            UPDATE projection_slot SET active_slot = replaying_slot, replaying_slot = NULL, flipped_at = now()
                            WHERE name = :name""").param("name", name).update();
            log.info("Projection {} rebuilt up to event {}: queries now read its {} tables", name, head, replaying);
        });
    }

    /** The head of the stream when the rebuild of {@code name} has read up to it, else -1. */
    private long caughtUpTo(String name) {
        long head = head();
        return head > 0 && position(replayProcessor(name)).orElse(-1) < head ? -1 : head;
    }

    @Override
    public List<ProjectionStatus> statuses() {
        long head = head();
        var statuses = new ArrayList<ProjectionStatus>();
        for (String name : TABLES.keySet().stream().sorted().toList()) {
            var row = jdbc.sql("""
                            SELECT replaying_slot, replay_started_at, replay_target_position FROM projection_slot
                            WHERE name = :name""").param("name", name)
                    .query((rs, n) -> new Object[] {rs.getString(1), rs.getTimestamp(2), rs.getObject(3)}).single();
            if (row[0] == null) {
                long position = STREAMING.contains(name) ? position(name).orElse(0) : head;
                statuses.add(new ProjectionStatus(name, "live", position, 100.0, null, null));
                continue;
            }
            long target = ((Number) row[2]).longValue();
            long position = Math.max(0, position(replayProcessor(name)).orElse(0));
            double seconds = Math.max(0.001, Duration.between(((java.sql.Timestamp) row[1]).toInstant(), Instant.now())
                    .toMillis() / 1000.0);
            double rate = position / seconds;
            double progress = target <= 0 ? 100.0 : Math.min(100.0, Math.round(position * 1000.0 / target) / 10.0);
            String eta = rate <= 0 ? null : Duration.ofSeconds((long) Math.ceil(Math.max(0, target - position) / rate)).toString();
            statuses.add(new ProjectionStatus(name, "replaying", position, progress, Math.round(rate * 10) / 10.0, eta));
        }
        return statuses;
    }

    /** How far behind the head of the stream each projection's live handler is, in events. */
    public Map<String, Long> lag() {
        long head = head();
        var lag = new LinkedHashMap<String, Long>();
        for (String name : TABLES.keySet()) {
            lag.put(name, STREAMING.contains(name) ? Math.max(0, head - position(name).orElse(0)) : 0L);
        }
        return lag;
    }

    private long head() {
        return jdbc.sql("SELECT COALESCE(max(global_index), 0) FROM domain_event_entry").query(Long.class).single();
    }

    /** The position a processor has read up to (the lowest over its segments). */
    OptionalLong position(String processorName) {
        var tokens = jdbc.sql("SELECT token FROM token_entry WHERE processor_name = :p")
                .param("p", processorName).query((rs, n) -> rs.getBytes(1)).list();
        if (tokens.isEmpty()) {
            return OptionalLong.empty();
        }
        long lowest = Long.MAX_VALUE;
        for (byte[] token : tokens) {
            if (token == null) {
                return OptionalLong.of(-1);
            }
            lowest = Math.min(lowest, lowerBound(token));
        }
        return OptionalLong.of(lowest);
    }

    private long lowerBound(byte[] token) {
        try {
            JsonNode node = json.readTree(token);
            if (node.has("tokenAtReset")) {
                // a replay token (Axon starts a new streaming processor with one): where it stands now
                node = node.path("currentToken");
                if (node.isMissingNode() || node.isNull()) {
                    return -1;
                }
            }
            // the highest event seen. Gaps below it are events that were not committed when it read them, or never
            // will be (a rolled-back insert leaves one for good); whatever commits later is written by the live
            // handlers into the rebuilt tables too, so the rebuild need not wait for gaps to close
            return node.path("index").asLong(-1);
        } catch (IOException unreadable) {
            return -1;
        }
    }

    private StreamingEventProcessor replayProcessorOf(String name) {
        return processing.eventProcessor(replayProcessor(name), StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no processor " + replayProcessor(name)));
    }

    private static void stop(StreamingEventProcessor processor) {
        try {
            processor.shutdownAsync().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not stop " + processor.getName(), e);
        }
    }
}

package io.ordo.adapters.persistence.readlog;

import io.ordo.application.port.in.audit.ReadLogPage;
import io.ordo.application.port.in.audit.ReadLogQuery;
import io.ordo.application.port.out.ReadLogPort;
import io.ordo.domain.exception.InvalidOrderException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The read log in PostgreSQL ({@code read_access}, V19), newest first by (time, id). A read only puts its record into a queue, stamped with the
 * time it was answered; one thread per node writes the queue in batches (one multi-row insert each, at least every
 * {@link #FLUSH_EVERY}), and deletes rows older than the retention once an hour. On a clean stop it writes what is
 * left after the web server has stopped taking requests. A full queue (the database away for long) makes the
 * reads write their record themselves rather than drop it.
 */
public final class JdbcReadLog implements ReadLogPort, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JdbcReadLog.class);
    static final int CAPACITY = 100_000;
    static final int BATCH = 1000;
    static final Duration FLUSH_EVERY = Duration.ofMillis(200);
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private record Pending(ReadAccess access, Instant at) {}

    private final JdbcTemplate batches;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration retention;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(CAPACITY);
    private volatile boolean running;
    private Thread writer;

    public JdbcReadLog(JdbcTemplate batches, Clock clock, Duration retention) {
        this.batches = batches;
        this.jdbc = JdbcClient.create(batches);
        this.clock = clock;
        this.retention = retention;
    }

    @Override
    public void record(ReadAccess access) {
        var pending = new Pending(access, clock.instant());
        if (!running || !queue.offer(pending)) {
            write(List.of(pending));
        }
    }

    @Override
    public ReadLogPage search(String tenant, ReadLogQuery query) {
        var params = new LinkedHashMap<String, Object>();
        var where = new ArrayList<String>();
        where.add("tenant_id = :tenant");
        params.put("tenant", tenant);
        if (query.cursor() != null) {
            var after = Cursor.parse(query.cursor());
            where.add("(at, id) < (:afterAt, :afterId)");
            params.put("afterAt", Timestamp.from(after.at()));
            params.put("afterId", after.id());
        }
        if (query.actor() != null) {
            where.add("actor = :actor");
            params.put("actor", query.actor());
        }
        if (query.orderId() != null) {
            UUID order;
            try {
                order = UUID.fromString(query.orderId());
            } catch (IllegalArgumentException notAnOrderId) {
                return new ReadLogPage(List.of(), null, false); // no order has such an id
            }
            where.add("order_id = :orderId");
            params.put("orderId", order);
        }
        if (query.from() != null) {
            where.add("at >= :from");
            params.put("from", Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            where.add("at <= :to");
            params.put("to", Timestamp.from(query.to()));
        }
        params.put("limit", query.limit() + 1);
        var rows = jdbc.sql("SELECT id, at, actor, order_id, what, filters FROM read_access WHERE "
                        + String.join(" AND ", where) + " ORDER BY at DESC, id DESC LIMIT :limit")
                .params(params)
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        new ReadLogPage.Read(
                                rs.getTimestamp("at").toInstant(),
                                rs.getString("actor"),
                                rs.getString("order_id"),
                                rs.getString("what"),
                                rs.getString("filters"))))
                .list();
        boolean more = rows.size() > query.limit();
        var page = more ? rows.subList(0, query.limit()) : rows;
        return new ReadLogPage(
                page.stream().map(Row::read).toList(),
                more
                        ? new Cursor(
                                        page.get(page.size() - 1).read().at(),
                                        page.get(page.size() - 1).id())
                                .text()
                        : null,
                more);
    }

    private record Row(long id, ReadLogPage.Read read) {}

    /** Where a page ended: the last row's time and id, in Base64 so clients do not build their own. */
    private record Cursor(Instant at, long id) {

        String text() {
            long micros = at.getEpochSecond() * 1_000_000 + at.getNano() / 1000;
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(("at:" + micros + ":" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor parse(String text) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split(":");
                if (parts.length == 3 && parts[0].equals("at")) {
                    long micros = Long.parseLong(parts[1]);
                    return new Cursor(
                            Instant.ofEpochSecond(
                                    Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000L),
                            Long.parseLong(parts[2]));
                }
            } catch (IllegalArgumentException notOurs) {
                // falls through to the refusal
            }
            throw InvalidOrderException.of("cursor", "is not a cursor Ordo gave out");
        }
    }

    private void write(List<Pending> batch) {
        batches.batchUpdate("""
                INSERT INTO read_access (tenant_id, at, actor, order_id, what, filters)
                VALUES (?, ?, ?, ?, ?, ?)""", batch, batch.size(), (ps, pending) -> {
            var access = pending.access();
            ps.setString(1, access.tenant());
            ps.setTimestamp(2, Timestamp.from(pending.at()));
            ps.setString(3, access.actor());
            ps.setObject(4, access.orderId() == null ? null : UUID.fromString(access.orderId()));
            ps.setString(5, access.what().word());
            ps.setString(6, access.filters());
        });
    }

    private void drain() {
        Instant nextPurge = Instant.now();
        var batch = new ArrayList<Pending>(BATCH);
        while (running || !queue.isEmpty() || !batch.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    Pending first = queue.poll(FLUSH_EVERY.toMillis(), TimeUnit.MILLISECONDS);
                    if (first != null) {
                        batch.add(first);
                        queue.drainTo(batch, BATCH - 1);
                    }
                }
                if (!batch.isEmpty()) {
                    write(batch);
                    batch.clear();
                }
                if (running && Instant.now().isAfter(nextPurge)) {
                    purge();
                    nextPurge = Instant.now().plus(PURGE_EVERY);
                }
            } catch (InterruptedException stopNow) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException unavailable) {
                // the batch is kept and written again; reads go on queueing meanwhile
                log.warn(
                        "The read log could not write {} records, retrying: {}",
                        batch.size(),
                        unavailable.getMessage());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException stopNow) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (!running) {
                    log.error("The read log lost {} records at the stop: the database is unavailable", batch.size());
                    return;
                }
            }
        }
    }

    /** Deletes the rows older than the retention, a thousand per statement. */
    int purge() {
        Instant before = clock.instant().minus(retention);
        int deleted = 0;
        int batch;
        do {
            batch = jdbc.sql("""
                            DELETE FROM read_access WHERE id IN (
                                SELECT id FROM read_access WHERE at < :before ORDER BY id LIMIT 1000)""").param("before", Timestamp.from(before)).update();
            deleted += batch;
        } while (batch == 1000);
        if (deleted > 0) {
            log.info("Deleted {} read log records older than {}", deleted, retention);
        }
        return deleted;
    }

    @Override
    public void start() {
        running = true;
        writer = new Thread(this::drain, "ordo-read-log");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void stop() {
        running = false;
        if (writer != null) {
            try {
                writer.join(TimeUnit.SECONDS.toMillis(15));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server (phases above ours stop first): no read comes in once the queue is written. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 4096;
    }
}

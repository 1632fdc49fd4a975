package io.ordo.app;

import static io.ordo.app.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.adapters.persistence.testing.TestDatabase;
import io.ordo.app.support.Http;
import io.ordo.app.support.OrdoProcess;
import io.ordo.projections.Projection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.Driver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Ordo in a JVM of its own, killed with SIGKILL in the middle of a load: after a restart every order that got
 * a 201 exists with every change that was acknowledged, and the read models equal a full replay, row for row.
 */
class CrashIT {

    private OrdoProcess ordo;

    @AfterEach
    void stop() throws InterruptedException {
        if (ordo != null) {
            ordo.kill();
        }
    }

    private Http start(String url, TestDatabase.Server server, String log) throws Exception {
        ordo = OrdoProcess.start(url, server, log, "--ordo.node-id=crash");
        return ordo.as("agent");
    }

    @Test
    void a_kill_9_under_load_loses_nothing_acknowledged_and_read_models_equal_a_replay() throws Exception {
        var server = TestDatabase.server();
        String url = TestDatabase.newDatabase("crash");
        var jdbc = JdbcClient.create(new SimpleDriverDataSource(new Driver(), url, server.user(), server.password()));
        Http before = start(url, server, "crash-run-1.log");

        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        var running = new AtomicBoolean(true);
        var load = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            load.submit(() -> {
                while (running.get()) {
                    try {
                        var created = before.post("/api/orders", OrderFlowIT.standardOrder("Crash"));
                        if (created.status() != 201) {
                            continue;
                        }
                        String id = created.json().get("id").asText();
                        acknowledged.put(id, 0L);
                        var moved = before.post("/api/orders/" + id + "/status", "{\"status\": \"pending\"}");
                        if (moved.status() == 200) {
                            acknowledged.put(id, moved.json().get("version").asLong());
                        }
                        var noted = before.post("/api/orders/" + id + "/notes", "{\"text\": \"before the crash\"}");
                        if (noted.status() == 201) {
                            acknowledged.put(id, 2L);
                        }
                    } catch (AssertionError connectionRefused) {
                        // the service is gone: keep trying until the test stops the load
                    }
                }
                return null;
            });
        }
        Thread.sleep(4000);
        ordo.kill();
        running.set(false);
        load.shutdown();
        assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(acknowledged).as("the load got answers before the kill").hasSizeGreaterThan(10);

        Http agent = start(url, server, "crash-run-2.log");
        for (var order : acknowledged.entrySet()) {
            var answer = agent.get("/api/orders/" + order.getKey());
            assertThat(answer.status()).as(order.getKey()).isEqualTo(200);
            assertThat(answer.json().get("version").asLong())
                    .as(order.getKey())
                    .isGreaterThanOrEqualTo(order.getValue());
            if (order.getValue() >= 1) {
                assertThat(answer.json().get("status").asText()).isEqualTo("pending");
            }
        }

        // the streaming read models catch up with everything stored before the kill, then each is rebuilt
        long head = jdbc.sql("SELECT max(global_index) FROM domain_event_entry")
                .query(Long.class)
                .single();
        var finalAgent = agent;
        eventually(
                () -> jdbc.sql("SELECT count(*) FROM audit_entry_blue")
                        .query(Long.class)
                        .single(),
                rows -> rows
                        == jdbc.sql("SELECT count(*) FROM domain_event_entry")
                                .query(Long.class)
                                .single(),
                Duration.ofSeconds(90));
        eventually(
                () -> finalAgent
                        .get("/api/orders?active=all&limit=100&q=Crash")
                        .json()
                        .get("items")
                        .size(),
                size -> size >= Math.min(100, acknowledged.size()),
                Duration.ofSeconds(90));
        var ops = agent.as("ops");
        for (String projection : Projection.names()) {
            assertThat(ops.post("/api/admin/projections/" + projection + "/replay", "{}")
                            .status())
                    .isEqualTo(202);
        }
        long flipped = eventually(
                () -> jdbc.sql("SELECT count(*) FROM projection_slot WHERE active_slot = 'green'")
                        .query(Long.class)
                        .single(),
                n -> n == Projection.values().length,
                Duration.ofMinutes(5));
        assertThat(flipped).isEqualTo(Projection.values().length);
        for (var projection : Projection.values()) {
            for (String table : projection.tables()) {
                for (String[] pair : List.of(new String[] {"_blue", "_green"}, new String[] {"_green", "_blue"})) {
                    long differing = jdbc.sql("SELECT count(*) FROM (SELECT * FROM " + table + pair[0]
                                    + " EXCEPT ALL SELECT * FROM " + table + pair[1] + ") d")
                            .query(Long.class)
                            .single();
                    assertThat(differing)
                            .as(table + pair[0] + " minus " + table + pair[1])
                            .isZero();
                }
            }
        }
        assertThat(head).isPositive();
    }
}

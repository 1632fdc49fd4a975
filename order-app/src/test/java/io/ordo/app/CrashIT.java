package io.ordo.app;

import static io.ordo.app.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.adapters.persistence.testing.TestDatabase;
import io.ordo.app.support.Http;
import io.ordo.app.support.OrdoProcess;
import io.ordo.app.support.WriteLoad;
import io.ordo.projections.Projection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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

        var load = WriteLoad.start(before, 4, OrderFlowIT.standardOrder("Crash"), (agent, id, acknowledged) -> {
            var noted = agent.post("/api/orders/" + id + "/notes", "{\"text\": \"before the crash\"}");
            if (noted.status() == 201) {
                acknowledged.put(id, 2L);
            }
        });
        Thread.sleep(4000);
        ordo.kill();
        Map<String, Long> acknowledged = load.stop();

        Http agent = start(url, server, "crash-run-2.log");
        WriteLoad.assertPresent(agent, acknowledged);

        // the streaming read models catch up with everything stored before the kill, then each is rebuilt
        long head = jdbc.sql("SELECT max(global_index) FROM domain_event_entry")
                .query(Long.class)
                .single();
        var finalAgent = agent;
        long audited = eventually(
                () -> jdbc.sql("SELECT count(*) FROM audit_entry_blue")
                        .query(Long.class)
                        .single(),
                rows -> rows.equals(jdbc.sql("SELECT count(*) FROM domain_event_entry")
                        .query(Long.class)
                        .single()),
                Duration.ofSeconds(90));
        assertThat(audited)
                .as(
                        "audit rows against events; missing: %s",
                        jdbc.sql("""
                                SELECT coalesce(string_agg(e.payload_type || ' ' || e.global_index, ', '), 'none') FROM domain_event_entry e
                                WHERE NOT EXISTS (SELECT 1 FROM audit_entry_blue a
                                                  WHERE a.order_id::text = e.aggregate_identifier
                                                    AND a.sequence_number = e.sequence_number)""").query(String.class).single())
                .isEqualTo(jdbc.sql("SELECT count(*) FROM domain_event_entry")
                        .query(Long.class)
                        .single());
        int listed = eventually(
                () -> finalAgent
                        .get("/api/orders?active=all&limit=100&q=Crash")
                        .json()
                        .get("items")
                        .size(),
                size -> size >= Math.min(100, acknowledged.size()),
                Duration.ofSeconds(90));
        assertThat(listed)
                .as(
                        "the list after the restart, of %d acknowledged; list rows %s",
                        acknowledged.size(),
                        jdbc.sql(
                                        "SELECT count(*) || ' of ' || (SELECT count(*) FROM domain_event_entry WHERE sequence_number = 0)"
                                                + " FROM order_list_blue")
                                .query(String.class)
                                .single())
                .isGreaterThanOrEqualTo(Math.min(100, acknowledged.size()));
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

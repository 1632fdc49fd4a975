package io.ordo.app;

import static io.ordo.app.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.adapters.persistence.testing.TestDatabase;
import io.ordo.app.support.Http;
import io.ordo.app.support.OrdoProcess;
import io.ordo.app.support.Receiver;
import io.ordo.app.support.SseClient;
import io.ordo.app.support.WriteLoad;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.Driver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Ordo in a JVM of its own, stopped with SIGTERM (as an orchestrator stops it) in the middle of a load, with a live
 * stream open and a notification on its way to a slow receiver: it stops within the grace period without Spring's
 * shutdown-timeout warning or an error, the stream ends, and after a restart every acknowledged write is there and
 * its notification arrives, and every answered read is in the read log.
 */
class GracefulStopIT {

    private OrdoProcess ordo;

    @AfterEach
    void stop() throws InterruptedException {
        if (ordo != null) {
            ordo.kill();
        }
    }

    @Test
    void a_sigterm_under_load_stops_cleanly_and_keeps_every_acknowledged_write() throws Exception {
        var server = TestDatabase.server();
        String url = TestDatabase.newDatabase("sigterm");
        String[] args = {"--ordo.node-id=sigterm", "--ordo.subscriptions.allow-private-targets=true"};
        ordo = OrdoProcess.start(url, server, "sigterm-run-1.log", args);
        Http before = ordo.as("agent");
        assertThat(before.as("ops").get("/api/admin/projections").json())
                .as("positions on a new database, right after the start")
                .allSatisfy(projection ->
                        assertThat(projection.get("position").asLong()).isZero());
        var receiver = new Receiver(NotificationIT.SECRET, 0);
        receiver.answerAfter(Duration.ofSeconds(3));
        assertThat(before.as("admin")
                        .post("/api/subscriptions", NotificationIT.subscription(receiver.url()))
                        .status())
                .isEqualTo(201);
        var stream = SseClient.open(before.port(), "manager", null);
        assertThat(stream.status()).isEqualTo(200);

        var readsAnswered = new AtomicLong();
        var load = WriteLoad.start(before, 4, OrderFlowIT.standardOrder("Sigterm"), (agent, id, acknowledged) -> {
            if (agent.get("/api/orders/" + id).status() == 200) {
                readsAnswered.incrementAndGet();
            }
        });
        Thread.sleep(3000);
        assertThat(receiver.calls()).as("a notification is on its way").isPositive();
        int exit = ordo.terminate(Duration.ofSeconds(60));
        Map<String, Long> acknowledged = load.stop();
        var stopLog = ordo.logLines();
        ordo = null;
        eventually(stream::ended, ended -> ended, Duration.ofSeconds(5));

        assertThat(exit).as("exit code after SIGTERM (128 + 15)").isEqualTo(143);
        assertThat(stopLog)
                .as("the stop's log (target/sigterm-run-1.log)")
                .anyMatch(line -> line.contains("Graceful shutdown complete"))
                .noneMatch(line -> line.contains("Timed out during shutdown phase"))
                .noneMatch(line -> line.contains(" ERROR "));

        receiver.answerAfter(Duration.ZERO);
        ordo = OrdoProcess.start(url, server, "sigterm-run-2.log", args);
        Http agent = ordo.as("agent");
        var jdbc = JdbcClient.create(new SimpleDriverDataSource(new Driver(), url, server.user(), server.password()));
        assertThat(jdbc.sql("SELECT count(*) FROM read_access WHERE what = 'detail'")
                        .query(Long.class)
                        .single())
                .as("every answered read is in the read log, also those just before the stop")
                .isGreaterThanOrEqualTo(readsAnswered.get())
                .isPositive();
        long head = acknowledged.size();
        assertThat(agent.as("ops").get("/api/admin/projections").json())
                .as("positions right after the restart: where each projection had got to")
                .allSatisfy(projection ->
                        assertThat(projection.get("position").asLong()).isGreaterThanOrEqualTo(head));
        WriteLoad.assertPresent(agent, acknowledged);
        var arrived = eventually(
                receiver::firstArrivals,
                first -> acknowledged.entrySet().stream()
                        .allMatch(order ->
                                first.getOrDefault(order.getKey(), List.of()).size() > order.getValue()),
                Duration.ofSeconds(90));
        for (var order : acknowledged.entrySet()) {
            assertThat(arrived.get(order.getKey()))
                    .as("notifications of " + order.getKey())
                    .hasSizeGreaterThan(order.getValue().intValue());
        }
        receiver.close();
    }
}

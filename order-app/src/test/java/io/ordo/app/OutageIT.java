package io.ordo.app;

import static io.ordo.app.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.app.support.Http;
import io.ordo.app.support.OwnService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The database goes away for ten seconds under load: meanwhile every answer is a 2xx or a 503 with
 * Retry-After (never a 500 or a hang) and readiness is DOWN; afterwards the service and its projections
 * recover by themselves and nothing acknowledged is missing.
 */
class OutageIT {

    @Test
    void ten_seconds_without_the_database_answer_503_and_lose_nothing_acknowledged() throws Exception {
        try (var service = OwnService.start(
                "outage",
                "--spring.datasource.hikari.connection-timeout=1000",
                "--spring.datasource.hikari.validation-timeout=500",
                "--ordo.node-id=outage",
                // its two clients send again at once after each 503, thousands a second as one user: the per-user
                // limit would answer 429 instead (RateLimitIT tests the limit)
                "--ordo.rate-limit.enabled=false")) {
            int httpPort = service.httpPort();
            var agent = new Http(httpPort, "agent");
            var anonymous = new Http(httpPort, null);
            Map<String, String> acknowledged = new ConcurrentHashMap<>();
            List<String> answers = new CopyOnWriteArrayList<>();
            var running = new AtomicBoolean(true);
            var load = Executors.newFixedThreadPool(2);
            for (int t = 0; t < 2; t++) {
                load.submit(() -> {
                    int n = 0;
                    while (running.get()) {
                        String name = "Outage " + Thread.currentThread().getId() + "-" + n++;
                        var created = agent.post("/api/orders", OrderFlowIT.standardOrder(name));
                        answers.add(created.status()
                                + (created.status() == 503
                                        ? " retry-after="
                                                + created.header("Retry-After").orElse("none")
                                        : ""));
                        if (created.status() == 201) {
                            acknowledged.put(created.json().get("id").asText(), name);
                        }
                    }
                    return null;
                });
            }
            Thread.sleep(2000);
            service.stopDatabase();
            var readinessDuring = new ArrayList<Integer>();
            for (int i = 0; i < 10; i++) {
                Thread.sleep(1000);
                readinessDuring.add(anonymous.get("/actuator/health/readiness").status());
            }
            service.startDatabase();
            var recovered = eventually(
                    () -> agent.post("/api/orders", OrderFlowIT.standardOrder("After outage"))
                            .status(),
                    status -> status == 201);
            Thread.sleep(2000);
            running.set(false);
            load.shutdown();
            assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

            assertThat(recovered).as("writes work again after the outage").isEqualTo(201);
            assertThat(answers)
                    .as("answers under load")
                    .allMatch(a -> a.equals("201") || a.equals("503 retry-after=5"));
            assertThat(answers).as("the outage was noticed").contains("503 retry-after=5");
            assertThat(readinessDuring)
                    .as("readiness while the database was away")
                    .contains(503);
            assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
            assertThat(acknowledged).isNotEmpty();
            for (var order : acknowledged.entrySet()) {
                assertThat(agent.get("/api/orders/" + order.getKey()).status())
                        .as(order.getValue())
                        .isEqualTo(200);
            }
            var listed = eventually(
                    () -> agent.get("/api/orders?limit=100&q=Outage")
                            .json()
                            .get("items")
                            .size(),
                    size -> size >= Math.min(100, acknowledged.size()),
                    Duration.ofSeconds(90));
            assertThat(listed)
                    .as("the list projection recovered")
                    .isGreaterThanOrEqualTo(Math.min(100, acknowledged.size()));
        }
    }
}

package io.ordo.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writers that create orders (of a workflow with {@code pending} after the initial status) and move each there, then take one more step of the test's,
 * until stopped, through whatever happens to the service meanwhile (a kill, a stop): what the service acknowledged
 * is what must be there afterwards.
 */
public final class WriteLoad {

    /** One more step on an order just created and moved; it may raise the acknowledged version. */
    @FunctionalInterface
    public interface Step {
        void after(Http agent, String orderId, Map<String, Long> acknowledged);
    }

    private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService writers;

    private WriteLoad(int count) {
        writers = Executors.newFixedThreadPool(count);
    }

    /** Starts {@code count} writers as {@code agent}, each creating orders from {@code order} (a create's body). */
    public static WriteLoad start(Http agent, int count, String order, Step step) {
        var load = new WriteLoad(count);
        for (int i = 0; i < count; i++) {
            load.writers.submit(() -> {
                while (load.running.get()) {
                    try {
                        var created = agent.post("/api/orders", order);
                        if (created.status() != 201) {
                            continue;
                        }
                        String id = created.json().get("id").asText();
                        load.acknowledged.put(id, 0L);
                        var moved = agent.post("/api/orders/" + id + "/status", "{\"status\": \"pending\"}");
                        if (moved.status() == 200) {
                            load.acknowledged.put(
                                    id, moved.json().get("version").asLong());
                        }
                        step.after(agent, id, load.acknowledged);
                    } catch (AssertionError connectionRefused) {
                        // the service is gone or stopping: keep trying until the test stops the load
                    }
                }
                return null;
            });
        }
        return load;
    }

    /** Stops the writers; each order that got a 201, with the highest version acknowledged for it. */
    public Map<String, Long> stop() throws InterruptedException {
        running.set(false);
        writers.shutdown();
        assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(acknowledged).as("the load got answers").hasSizeGreaterThan(10);
        return Map.copyOf(acknowledged);
    }

    /** Every acknowledged order is there, at least at its acknowledged version, moved ones in {@code pending}. */
    public static void assertPresent(Http agent, Map<String, Long> acknowledged) {
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
    }
}

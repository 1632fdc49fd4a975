package io.ordo.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.app.support.Http;
import io.ordo.app.support.OrdoIntegrationTest;
import io.ordo.domain.Contact;
import io.ordo.domain.Customer;
import io.ordo.domain.OrderId;
import io.ordo.domain.OrderLine;
import io.ordo.domain.event.DiscussionNoteAdded;
import io.ordo.domain.event.OrderCancelled;
import io.ordo.domain.event.OrderCreated;
import io.ordo.domain.event.OrderDetailsUpdated;
import io.ordo.domain.event.OrderStatusChanged;
import io.ordo.projections.Projection;
import io.ordo.projections.rebuild.ProjectionReplays;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Rebuilding every projection from over 100,000 events while dashboards read: the rebuilt tables equal the
 * live ones row for row, and a reader polling the summary and an order during the rebuild never sees a
 * partial answer. The replay speed is printed (and kept in target/replay-speed.txt) for docs/benchmarks.md.
 */
@OrdoIntegrationTest
@TestPropertySource(properties = "ordo.test.database=replay")
class ReplayIT {

    /** 5 events per order; 20,000 orders = 100,000 events. */
    static final int ORDERS = Integer.getInteger("ordo.replay.orders", 20_000);

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProjectionReplays replays;

    @Test
    void rebuilt_projections_equal_the_live_ones_and_readers_never_see_a_half_built_table() throws Exception {
        String sample = seed();
        long events = jdbc.sql("SELECT count(*) FROM domain_event_entry")
                .query(Long.class)
                .single();
        assertThat(events).isGreaterThanOrEqualTo(5L * ORDERS);
        await(() -> replays.lag().values().stream().allMatch(lag -> lag == 0), Duration.ofMinutes(5));

        var admin = new Http(port, "admin");
        JsonNode summaryBefore = admin.get("/api/reports/summary").json();
        JsonNode orderBefore = admin.get("/api/orders/" + sample).json();
        assertThat(summaryBefore.get("totalOrders").asLong()).isEqualTo(ORDERS);

        var seen = new CopyOnWriteArrayList<String>();
        var reading = new AtomicBoolean(true);
        Thread reader = new Thread(() -> {
            while (reading.get()) {
                JsonNode summary = admin.get("/api/reports/summary").json();
                JsonNode order = admin.get("/api/orders/" + sample).json();
                if (!summary.equals(summaryBefore) || !order.equals(orderBefore)) {
                    seen.add(summary + " / " + order);
                }
                seen.add("ok");
            }
        });
        reader.start();

        var ops = new Http(port, "ops");
        Instant start = Instant.now();
        for (String name : Projection.names()) {
            assertThat(ops.post("/api/admin/projections/" + name + "/replay", "{}")
                            .status())
                    .isEqualTo(202);
        }
        var progress = new ArrayList<String>();
        await(
                () -> {
                    var statuses = ops.get("/api/admin/projections").json();
                    statuses.forEach(s -> {
                        if (s.get("state").asText().equals("replaying")) {
                            progress.add(s.get("name").asText() + " "
                                    + s.get("progress").asDouble() + "% "
                                    + s.get("eventsPerSecond").asDouble() + "/s eta "
                                    + s.get("eta").asText());
                        }
                    });
                    var flipped = jdbc.sql("SELECT count(*) FROM projection_slot WHERE active_slot = 'green'")
                            .query(Long.class)
                            .single();
                    return flipped == Projection.values().length;
                },
                Duration.ofMinutes(15));
        Duration took = Duration.between(start, Instant.now());
        reading.set(false);
        reader.join();

        assertThat(progress).as("progress was reported while replaying").isNotEmpty();
        assertThat(seen).as("answers during the rebuild").isNotEmpty().containsOnly("ok");
        for (var projection : Projection.values()) {
            for (String table : projection.tables()) {
                assertThat(difference(table + "_blue", table + "_green"))
                        .as(table + " live minus rebuilt")
                        .isZero();
                assertThat(difference(table + "_green", table + "_blue"))
                        .as(table + " rebuilt minus live")
                        .isZero();
                assertThat(count(table + "_green"))
                        .as(table)
                        .isEqualTo(count(table + "_blue"))
                        .isPositive();
            }
        }
        assertThat(admin.get("/api/reports/summary").json()).isEqualTo(summaryBefore);

        // after the flip, writes land in the rebuilt tables and reads see them at once
        var moved = admin.post("/api/orders/" + sample + "/status", "{\"status\": \"shipped\"}");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(admin.get("/api/orders/" + sample).json().get("status").asText())
                .isEqualTo("shipped");

        String report =
                "replay of all 5 projections over %d events: %d s wall, %.0f events/s per projection (5 in parallel); progress samples %s"
                        .formatted(
                                events,
                                took.toSeconds(),
                                events / Math.max(0.001, took.toMillis() / 1000.0),
                                progress.subList(Math.max(0, progress.size() - 3), progress.size()));
        System.out.println("REPLAY-SPEED: " + report);
        Files.writeString(Path.of("target", "replay-speed.txt"), report + System.lineSeparator());
    }

    /** Appends the orders' events through the event store, so the live projections build as they would live. */
    private String seed() {
        String sample = null;
        var batch = new ArrayList<DomainEventMessage<?>>();
        for (int i = 0; i < ORDERS; i++) {
            var id = OrderId.of(UUID.randomUUID());
            String agg = id.toString();
            String actor = i % 3 == 0 ? "agent" : "manager";
            var meta = MetaData.from(Map.of("tenant", "acme", "actor", actor));
            var created = new OrderCreated(
                    id,
                    "acme",
                    "R-%07d".formatted(i),
                    "standard",
                    "draft",
                    new Customer("cust-" + (i % 50), "Replay Customer " + i, "+1555" + i, null),
                    new Contact(null, null, "Replay Customer " + i, "+1555" + i),
                    "1 Main St",
                    "Replay " + i,
                    null,
                    i % 2 == 0 ? "north" : "south",
                    i % 5,
                    "USD",
                    List.of(new OrderLine("SKU-" + i % 7, "Thing", 1 + i % 3, new BigDecimal("9.99"))),
                    new BigDecimal("9.99").multiply(BigDecimal.valueOf(1 + i % 3)),
                    null,
                    null,
                    actor);
            batch.add(event(agg, 0, created, meta));
            batch.add(event(
                    agg,
                    1,
                    new OrderStatusChanged(id, "draft", "pending", "called", null, null, null, "user", actor),
                    meta));
            batch.add(event(agg, 2, new DiscussionNoteAdded(id, "n-" + i, "Customer prefers mornings", actor), meta));
            batch.add(event(
                    agg,
                    3,
                    new OrderDetailsUpdated(
                            id, List.of("priority"), null, null, null, null, null, 7, null, null, null, actor),
                    meta));
            batch.add(event(
                    agg,
                    4,
                    i % 10 == 0
                            ? new OrderCancelled(id, "pending", "cancelled", "changed mind", null, actor)
                            : new OrderStatusChanged(id, "pending", "confirmed", null, null, null, null, "user", actor),
                    meta));
            if (i % 10 == 1) {
                sample = agg;
            }
            if (batch.size() >= 1000) {
                publish(batch);
                batch.clear();
            }
        }
        publish(batch);
        return sample;
    }

    private static DomainEventMessage<?> event(String aggregate, long sequence, Object payload, MetaData meta) {
        return new GenericDomainEventMessage<>("Order", aggregate, sequence, payload, meta);
    }

    private void publish(List<DomainEventMessage<?>> events) {
        if (events.isEmpty()) {
            return;
        }
        var unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        unitOfWork.execute(() -> eventStore.publish(new ArrayList<>(events)));
    }

    private long difference(String left, String right) {
        return jdbc.sql("SELECT count(*) FROM (SELECT * FROM " + left + " EXCEPT ALL SELECT * FROM " + right + ") d")
                .query(Long.class)
                .single();
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private static void await(BooleanSupplier done, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not done within " + timeout);
            }
            Thread.sleep(200);
        }
    }
}

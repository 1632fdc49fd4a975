package io.ordo.app;

import static io.ordo.app.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.adapters.persistence.testing.TestDatabase;
import io.ordo.app.support.Http;
import io.ordo.app.support.OrdoProcess;
import io.ordo.app.support.OwnService;
import io.ordo.app.support.Receiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Notifications to a real HTTP receiver in the test: every event arrives, per order in sequence and signed, though
 * the receiver refuses the first deliveries; and none is lost when the service is killed with deliveries pending.
 */
class NotificationIT {

    static final String SECRET = "subscriber-secret-0123456789";

    static String subscription(String url) {
        return """
                {"url": "%s", "secret": "%s", "events": ["*"]}""".formatted(url, SECRET);
    }

    /** Creates orders and moves each through four more events: five events an order, sequences 0 to 4. */
    static List<String> fiveEventsEach(Http agent, int orders) {
        var ids = new ArrayList<String>();
        for (int i = 0; i < orders; i++) {
            var created = agent.post("/api/orders", OrderFlowIT.standardOrder("Notified " + i));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String id = created.json().get("id").asText();
            ids.add(id);
            assertThat(agent.post("/api/orders/" + id + "/status", "{\"status\": \"pending\"}")
                            .status())
                    .isEqualTo(200);
            assertThat(agent.post("/api/orders/" + id + "/status", "{\"status\": \"confirmed\"}")
                            .status())
                    .isEqualTo(200);
            assertThat(agent.post("/api/orders/" + id + "/notes", "{\"text\": \"Call before delivery\"}")
                            .status())
                    .isEqualTo(201);
            assertThat(agent.post("/api/orders/" + id + "/status", "{\"status\": \"shipped\"}")
                            .status())
                    .isEqualTo(200);
        }
        return ids;
    }

    static void assertAllArrivedInOrder(Receiver receiver, List<String> orders) {
        Map<String, List<Long>> arrivals = receiver.firstArrivals();
        assertThat(arrivals.keySet()).containsExactlyInAnyOrderElementsOf(orders);
        arrivals.forEach((order, sequences) -> assertThat(sequences)
                .as("order %s, in the order they arrived", order)
                .containsExactly(LongStream.range(0, 5).boxed().toArray(Long[]::new)));
        assertThat(receiver.received()).allSatisfy(r -> {
            assertThat(r.signed()).as("signature of " + r.eventId()).isTrue();
            assertThat(r.eventIdHeader()).isEqualTo(r.eventId());
            assertThat(r.body().get("tenant").asText()).isEqualTo("acme");
            assertThat(r.body().get("orderNumber").asText()).startsWith("ORD-");
        });
    }

    @Test
    void every_event_arrives_in_order_per_order_and_signed_though_the_first_three_deliveries_fail() throws Exception {
        try (var receiver = new Receiver(SECRET, 3);
                var service = OwnService.start(
                        "notifications",
                        "--ordo.subscriptions.allow-private-targets=true",
                        "--ordo.outbox.poll-interval=50ms")) {
            var admin = new Http(service.httpPort(), "admin");
            var subscribed = admin.post("/api/subscriptions", subscription(receiver.url()));
            assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(201);
            String subscriptionId = subscribed.json().get("id").asText();

            List<String> orders = fiveEventsEach(admin.as("agent"), 4);

            eventually(receiver::distinctEvents, n -> n == 20, Duration.ofSeconds(60));
            assertAllArrivedInOrder(receiver, orders);
            assertThat(receiver.calls()).isGreaterThanOrEqualTo(23);

            // the receiver counts an event when it answers; the dispatcher records the delivery after the answer
            var log = eventually(
                    () -> admin.get("/api/subscriptions/" + subscriptionId + "/deliveries?limit=100")
                            .json()
                            .get("items"),
                    items -> items.size() == 20
                            && items.findValuesAsText("state").stream().allMatch("delivered"::equals),
                    Duration.ofSeconds(10));
            assertThat(log).hasSize(20);
            assertThat(log.findValuesAsText("state")).containsOnly("delivered");
            int attempts = 0;
            for (var delivery : log) {
                attempts += delivery.get("attempts").asInt();
            }
            assertThat(attempts).as("3 refused attempts and 20 good ones").isEqualTo(23);
            String metrics = admin.as("ops").get("/actuator/prometheus").text();
            assertThat(metrics)
                    .contains("ordo_notifications_total{outcome=\"delivered\"} 20.0")
                    .contains("ordo_notifications_total{outcome=\"retry\"} 3.0");
        }
    }

    @Test
    void deliveries_pending_when_the_service_is_killed_go_out_after_the_restart() throws Exception {
        var server = TestDatabase.server();
        String url = TestDatabase.newDatabase("notify_crash");
        String[] args = {"--ordo.node-id=notify-crash", "--ordo.subscriptions.allow-private-targets=true"};
        try (var receiver = new Receiver(SECRET, 0)) {
            receiver.down(true);
            List<String> orders;
            try (var first = OrdoProcess.start(url, server, "notify-crash-1.log", args)) {
                var admin = first.as("admin");
                assertThat(admin.post("/api/subscriptions", subscription(receiver.url()))
                                .status())
                        .isEqualTo(201);
                orders = fiveEventsEach(admin.as("agent"), 3);
                eventually(receiver::calls, calls -> calls >= 1, Duration.ofSeconds(30));
                first.kill();
            }
            assertThat(receiver.distinctEvents())
                    .as("nothing delivered before the kill")
                    .isZero();

            receiver.down(false);
            try (var second = OrdoProcess.start(url, server, "notify-crash-2.log", args)) {
                eventually(receiver::distinctEvents, n -> n == 15, Duration.ofSeconds(60));
                assertAllArrivedInOrder(receiver, orders);
            }
        }
    }
}

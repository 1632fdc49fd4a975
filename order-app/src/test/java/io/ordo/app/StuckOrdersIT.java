package io.ordo.app;

import static io.ordo.app.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.app.support.Http;
import io.ordo.app.support.OwnService;
import io.ordo.app.support.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Stuck orders under a clock the test moves: an order 49 h in checkout's {@code processing} (limit 48 h) is stuck,
 * one 47 h there is not; a tenant override of 0 means never; a location manager sees its location's only.
 */
class StuckOrdersIT {

    static String checkout(String location) {
        return """
                {"workflow": "checkout", "customer": {"name": "Stuck Customer"}, "location": "%s",
                 "deliveryAddress": "1 Main St", "currency": "USD",
                 "items": [{"sku": "SKU-1", "name": "Lamp", "quantity": 1, "unitPrice": "20.00"}]}""".formatted(location);
    }

    static String processing(Http admin, String location) {
        var created = admin.post("/api/orders", checkout(location));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asText();
        for (String status : List.of("pending", "paid", "processing")) {
            assertThat(admin.post("/api/orders/" + id + "/status", "{\"status\": \"" + status + "\"}")
                            .status())
                    .isEqualTo(200);
        }
        return id;
    }

    static List<String> stuckIds(Http as) {
        var answer = as.get("/api/reports/stuck");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        var ids = new ArrayList<String>();
        answer.json().get("items").forEach(item -> ids.add(item.get("orderId").asText()));
        return ids;
    }

    @Test
    void an_order_past_its_limit_is_stuck_one_within_it_is_not() throws Exception {
        try (var service = OwnService.startWith("stuck", TestClock.class, "--ordo.stuck.census-interval=200ms")) {
            var admin = new Http(service.httpPort(), "admin");
            String north = processing(admin, "north");
            String south = processing(admin, "south");
            TestClock.advance(Duration.ofHours(2));
            String recent = processing(admin, "north");
            TestClock.advance(Duration.ofHours(47));

            List<String> stuck = eventually(() -> stuckIds(admin), ids -> ids.size() >= 2, Duration.ofSeconds(10));
            assertThat(stuck).as("49 h in processing, limit 48 h").containsExactlyInAnyOrder(north, south);
            assertThat(stuck).as("47 h in processing").doesNotContain(recent);
            JsonNode first = admin.get("/api/reports/stuck").json().get("items").get(0);
            assertThat(first.get("workflow").asText()).isEqualTo("checkout");
            assertThat(first.get("status").asText()).isEqualTo("processing");
            assertThat(first.get("limitHours").asDouble()).isEqualTo(48.0);
            assertThat(first.get("hoursInStatus").asDouble()).isBetween(49.0, 49.1);

            assertThat(stuckIds(admin.as("manager-north"))).containsExactly(north);
            var ops = admin.as("ops");
            String gauge = "ordo_orders_stuck{status=\"processing\",tenant=\"acme\",workflow=\"checkout\"} 2.0";
            eventually(
                    () -> ops.get("/actuator/prometheus").text(), text -> text.contains(gauge), Duration.ofSeconds(10));
            assertThat(ops.get("/actuator/prometheus").text()).contains(gauge);
            assertThat(admin.as("agent").get("/api/reports/stuck").status()).isEqualTo(403);

            var forbidden = admin.as("manager").send("PUT", "/api/settings/stuck-limits", """
                    {"checkout": {"processing": 0}}""", null);
            assertThat(forbidden.status()).isEqualTo(403);
            var never = admin.send("PUT", "/api/settings/stuck-limits", """
                    {"checkout": {"processing": 0}}""", null);
            assertThat(never.status()).as(never.toString()).isEqualTo(200);
            assertThat(never.json().at("/checkout/processing").asDouble()).isZero();
            assertThat(never.json().at("/checkout/paid").asDouble()).isEqualTo(24.0);
            assertThat(stuckIds(admin)).isEmpty();
            String none = "ordo_orders_stuck{status=\"processing\",tenant=\"acme\",workflow=\"checkout\"} 0.0";
            eventually(
                    () -> ops.get("/actuator/prometheus").text(), text -> text.contains(none), Duration.ofSeconds(10));

            var halfHour = admin.send("PUT", "/api/settings/stuck-limits", """
                    {"checkout": {"processing": 0.5}}""", null);
            assertThat(halfHour.status()).isEqualTo(200);
            assertThat(stuckIds(admin)).containsExactlyInAnyOrder(north, south, recent);
            var refused = admin.send("PUT", "/api/settings/stuck-limits", """
                    {"checkout": {"teleported": 1}}""", null);
            assertThat(refused.status()).isEqualTo(400);
        } finally {
            TestClock.restore();
        }
    }
}

package io.ordo.app;

import static io.ordo.app.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.app.support.Http;
import io.ordo.app.support.OwnService;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The lines of an order change by a PATCH with {@code items}: totals recomputed, the old and new lines in the
 * event, the list and the report's amounts following; refused after the editable stage (409) and, in production,
 * without a justification (400).
 */
class ItemsChangeIT {

    private static final String NEW_LINES = """
            {"items": [{"sku": "SKU-1", "name": "Headphones", "quantity": 1, "unitPrice": "100.00"},
                       {"sku": "SKU-2", "name": "Cable", "quantity": 3, "unitPrice": 9.50}]""";

    private static String id(Http.Answer created) {
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    @Test
    void new_lines_recompute_the_totals_and_the_list_and_report_follow() throws Exception {
        // a service of its own: the report's amounts are this test's orders only
        try (var service = OwnService.start("items")) {
            var agent = new Http(service.httpPort(), "agent");
            var admin = agent.as("admin");
            String id = id(agent.post("/api/orders", OrderFlowIT.standardOrder("Lines Change")));
            eventually(
                    () -> admin.get("/api/reports/summary")
                            .json()
                            .path("totalAmountByCurrency")
                            .path("USD")
                            .asText(),
                    total -> total.equals("209.50"));

            var changed = agent.patch("/api/orders/" + id, NEW_LINES + "}", "\"0\"");

            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
            assertThat(changed.header("ETag")).contains("\"1\"");
            JsonNode order = changed.json();
            assertThat(order.get("totalAmount").asText()).isEqualTo("128.50");
            assertThat(order.get("items")).hasSize(2);
            assertThat(order.at("/items/1/unitPrice").asText()).isEqualTo("9.50");
            assertThat(order.at("/items/1/lineTotal").asText()).isEqualTo("28.50");
            JsonNode event = admin.get("/api/orders/" + id + "/events").json().at("/items/1");
            assertThat(event.get("type").asText()).isEqualTo("OrderItemsChanged");
            assertThat(event.at("/payload/before")).hasSize(2);
            assertThat(event.at("/payload/before/0/quantity").asInt()).isEqualTo(2);
            assertThat(event.at("/payload/after/1/sku").asText()).isEqualTo("SKU-2");
            assertThat(new BigDecimal(event.at("/payload/totalBefore").asText()))
                    .isEqualByComparingTo("209.50");
            assertThat(new BigDecimal(event.at("/payload/totalAfter").asText())).isEqualByComparingTo("128.50");
            eventually(
                    () -> admin.get("/api/reports/summary")
                            .json()
                            .path("totalAmountByCurrency")
                            .path("USD")
                            .asText(),
                    total -> total.equals("128.50"));
            var listed = eventually(
                    () -> agent.get("/api/orders?q=Lines%20Change")
                            .json()
                            .at("/items/0/totalAmount")
                            .asText(),
                    total -> total.equals("128.50"));
            assertThat(listed).isEqualTo("128.50");

            var unknown =
                    agent.patch("/api/orders/" + id, "{\"items\": [{\"sku\": \"SKU-1\", \"colour\": \"red\"}]}", null);
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.json().get("errors").findValuesAsText("field")).contains("items[0].colour");
            var bad = agent.patch(
                    "/api/orders/" + id,
                    "{\"items\": [{\"sku\": \"SKU-1\", \"quantity\": 0, \"unitPrice\": \"1.005\"}]}",
                    null);
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().get("errors").findValuesAsText("field"))
                    .contains("items[0].quantity", "items[0].unitPrice");
            assertThat(agent.get("/api/orders/" + id).json().get("version").asLong())
                    .as("a refused change stores nothing")
                    .isEqualTo(1);
        }
    }

    @Test
    void production_changes_lines_before_production_only_and_with_a_justification() throws Exception {
        try (var service = OwnService.start("items-production")) {
            var agent = new Http(service.httpPort(), "agent");
            String body = """
                    {"workflow": "production", "status": "ready_for_production", "customer": {"name": "Maker"},
                     "deliveryAddress": "Works 1", "description": "Table", "currency": "USD",
                     "items": [{"sku": "T-1", "name": "Table", "quantity": 1, "unitPrice": "500.00"}]}""";
            String ready = id(agent.post("/api/orders", body));

            var unjustified = agent.patch("/api/orders/" + ready, NEW_LINES + "}", null);
            assertThat(unjustified.status()).isEqualTo(400);
            assertThat(unjustified.json().at("/errors/0/field").asText()).isEqualTo("justification");

            var justified = agent.patch(
                    "/api/orders/" + ready, NEW_LINES + ", \"justification\": \"customer wants a smaller one\"}", null);
            assertThat(justified.status()).as(justified.toString()).isEqualTo(200);
            assertThat(justified.json().get("totalAmount").asText()).isEqualTo("128.50");

            assertThat(agent.post("/api/orders/" + ready + "/status", "{\"status\": \"in_production\"}")
                            .status())
                    .isEqualTo(200);
            var tooLate = agent.patch("/api/orders/" + ready, NEW_LINES + ", \"justification\": \"again\"}", null);
            assertThat(tooLate.status()).isEqualTo(409);
            assertThat(tooLate.json().get("code").asText()).isEqualTo("NOT_EDITABLE");
            assertThat(agent.get("/api/orders/" + ready).json().get("version").asLong())
                    .isEqualTo(2);
        }
    }
}

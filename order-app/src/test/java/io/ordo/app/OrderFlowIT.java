package io.ordo.app;

import static io.ordo.app.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.app.support.Http;
import io.ordo.app.support.OrdoIntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Orders over HTTP on real PostgreSQL, the way a staff dashboard uses them. */
@OrdoIntegrationTest
class OrderFlowIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http agent;

    @BeforeEach
    void setUp() {
        agent = new Http(port, "agent");
    }

    static String standardOrder(String customerName) {
        return """
                {"workflow": "standard", "customer": {"id": "cust-1", "name": "%s", "phone": "+15550100"},
                 "contactId": "contact-7", "conversationId": "conv-9",
                 "deliveryAddress": "1 Main St, Springfield", "description": "Headphones", "currency": "USD",
                 "items": [{"sku": "SKU-1", "name": "Headphones", "quantity": 2, "unitPrice": "100.00"},
                           {"sku": "SKU-2", "name": "Cable", "quantity": 1, "unitPrice": 9.5}]}
                """.formatted(customerName);
    }

    private JsonNode create(String body) {
        var created = agent.post("/api/orders", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private long storedEvents(String orderId) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = :id")
                .param("id", orderId)
                .query(Long.class)
                .single();
    }

    @Test
    void order_is_created_read_listed_moved_cancelled_and_its_timeline_tells_the_story() {
        String name = "Flow " + UUID.randomUUID();
        var created = agent.post("/api/orders", standardOrder(name));
        assertThat(created.status()).isEqualTo(201);
        JsonNode order = created.json();
        String id = order.get("id").asText();
        assertThat(created.header("Location")).contains("/api/orders/" + id);
        assertThat(created.header("ETag")).contains("\"0\"");
        assertThat(order.get("orderNumber").asText()).matches("ORD-\\d{4}-\\d{6,}");
        assertThat(order.get("status").asText()).isEqualTo("draft");
        assertThat(order.get("active").asBoolean()).isTrue();
        assertThat(order.get("allowedTransitions"))
                .extracting(JsonNode::asText)
                .containsExactly("cancelled", "pending");
        assertThat(order.get("totalAmount").asText()).isEqualTo("209.50");
        assertThat(order.get("items").get(1).get("unitPrice").asText()).isEqualTo("9.50");
        assertThat(order.get("contact").get("nameSnapshot").asText()).isEqualTo(name);
        assertThat(order.get("createdBy").asText()).isEqualTo("agent");
        assertThat(order.get("version").asLong()).isZero();

        var read = agent.get("/api/orders/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(order);
        assertThat(read.header("ETag")).contains("\"0\"");

        var listed = eventually(
                () -> agent.get("/api/orders?q=" + name.replace(" ", "%20")),
                a -> a.json().get("items").size() == 1);
        assertThat(listed.json().get("items").get(0).get("id").asText()).isEqualTo(id);

        var pending =
                agent.post("/api/orders/" + id + "/status", "{\"status\": \"pending\", \"note\": \"called back\"}");
        assertThat(pending.status()).as(pending.toString()).isEqualTo(200);
        assertThat(pending.json().get("status").asText()).isEqualTo("pending");
        assertThat(pending.json().get("version").asLong()).isEqualTo(1);
        assertThat(pending.header("ETag")).contains("\"1\"");
        // a write's answer is made from its own transaction's result, not read back: it must be what a read shows
        assertThat(agent.get("/api/orders/" + id).json()).isEqualTo(pending.json());

        var confirmed = agent.post("/api/orders/" + id + "/status", "{\"status\": \"confirmed\"}", "\"1\"");
        assertThat(confirmed.status()).isEqualTo(200);
        var shipped = agent.post(
                "/api/orders/" + id + "/status",
                "{\"status\": \"shipped\", \"carrier\": \"UPS\", \"trackingNumber\": \"1Z999\"}");
        assertThat(shipped.json().get("shipping").get("carrier").asText()).isEqualTo("UPS");
        assertThat(agent.get("/api/orders/" + id).json()).isEqualTo(shipped.json());

        var cancelled =
                agent.as("agent").post("/api/orders/" + id + "/cancel", "{\"reason\": \"customer changed mind\"}");
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("cancelled");
        assertThat(cancelled.json().get("active").asBoolean()).isFalse();
        assertThat(cancelled.json().get("allowedTransitions")).isEmpty();
        assertThat(agent.get("/api/orders/" + id).json()).isEqualTo(cancelled.json());

        var timeline = agent.get("/api/orders/" + id + "/timeline");
        assertThat(timeline.status()).isEqualTo(200);
        List<String> steps = new ArrayList<>();
        timeline.json()
                .forEach(e -> steps.add(e.get("previousStatus").asText(null) + "->"
                        + e.get("status").asText()));
        assertThat(steps)
                .containsExactly(
                        "null->draft",
                        "draft->pending",
                        "pending->confirmed",
                        "confirmed->shipped",
                        "shipped->cancelled");
        JsonNode last = timeline.json().get(4);
        assertThat(last.get("reason").asText()).isEqualTo("customer changed mind");
        assertThat(last.get("by").asText()).isEqualTo("agent");
        assertThat(last.get("source").asText()).isEqualTo("user");
        assertThat(timeline.json().get(1).get("note").asText()).isEqualTo("called back");
        assertThat(timeline.json().get(3).get("trackingNumber").asText()).isEqualTo("1Z999");
        assertThat(Instant.parse(timeline.json().get(0).get("at").asText()))
                .isEqualTo(Instant.parse(order.get("createdAt").asText()));

        // a cancelled order is inactive: the default list hides it, active=all shows it
        var hidden = eventually(
                () -> agent.get("/api/orders?q=" + name.replace(" ", "%20")),
                a -> a.json().get("items").isEmpty());
        assertThat(hidden.json().get("items")).isEmpty();
        assertThat(agent.get("/api/orders?active=all&q=" + name.replace(" ", "%20"))
                        .json()
                        .get("items"))
                .hasSize(1);
        assertThat(storedEvents(id)).isEqualTo(5);
    }

    @Test
    void invalid_transition_answers_409_and_stores_no_event() {
        String id = create(standardOrder("Invalid Move")).get("id").asText();
        var refused = agent.post("/api/orders/" + id + "/status", "{\"status\": \"delivered\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("code").asText()).isEqualTo("INVALID_TRANSITION");
        var selfMove = agent.post("/api/orders/" + id + "/status", "{\"status\": \"draft\"}");
        assertThat(selfMove.json().get("code").asText()).isEqualTo("INVALID_TRANSITION");
        var unknown = agent.post("/api/orders/" + id + "/status", "{\"status\": \"teleported\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(storedEvents(id)).isEqualTo(1);
        assertThat(agent.get("/api/orders/" + id).json().get("version").asLong())
                .isZero();
    }

    @Test
    void unknown_and_badly_typed_fields_answer_400_naming_them_and_store_nothing() {
        long before = jdbc.sql("SELECT count(*) FROM domain_event_entry")
                .query(Long.class)
                .single();

        var unknown = agent.post(
                "/api/orders", standardOrder("X").replace("\"workflow\"", "\"tenantId\": \"globex\", \"workflow\""));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(unknown.json().get("errors").get(0).get("field").asText()).isEqualTo("tenantId");

        var wrongType =
                agent.post("/api/orders", standardOrder("X").replace("\"quantity\": 2", "\"quantity\": \"two\""));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("errors").get(0).get("field").asText()).isEqualTo("items[0].quantity");

        var fractional = agent.post("/api/orders", standardOrder("X").replace("\"quantity\": 2", "\"quantity\": 2.5"));
        assertThat(fractional.status()).isEqualTo(400);
        assertThat(fractional.json().get("errors").get(0).get("field").asText()).isEqualTo("items[0].quantity");

        var badValues = agent.post("/api/orders", """
                {"workflow": "standard", "customer": {"name": ""}, "currency": "JPY",
                 "items": [{"sku": "A", "quantity": 0, "unitPrice": "1.5"}]}""");
        assertThat(badValues.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        badValues.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields)
                .containsExactlyInAnyOrder(
                        "customer.name", "deliveryAddress", "items[0].quantity", "items[0].unitPrice");

        var notInitial = agent.post(
                "/api/orders",
                standardOrder("X")
                        .replace("\"workflow\": \"standard\"", "\"workflow\": \"standard\", \"status\": \"shipped\""));
        assertThat(notInitial.status()).isEqualTo(400);
        assertThat(notInitial.json().get("errors").get(0).get("field").asText()).isEqualTo("status");

        var unknownWorkflow = agent.post("/api/orders", standardOrder("X").replace("\"standard\"", "\"barter\""));
        assertThat(unknownWorkflow.json().get("errors").get(0).get("field").asText())
                .isEqualTo("workflow");

        var generatedLooking = agent.post(
                "/api/orders",
                standardOrder("X")
                        .replace(
                                "\"workflow\": \"standard\"",
                                "\"workflow\": \"standard\", \"orderNumber\": \"ORD-2026-000001\""));
        assertThat(generatedLooking.status()).isEqualTo(400);
        assertThat(generatedLooking.json().get("errors").get(0).get("field").asText())
                .isEqualTo("orderNumber");

        var nul = agent.post("/api/orders", standardOrder("X").replace("\"Headphones\"", "\"Head\\u0000phones\""));
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.json().get("errors").get(0).get("message").asText()).contains("NUL");
        assertThat(agent.get("/api/orders?q=a%00b").status()).isEqualTo(400);

        var malformed = agent.post("/api/orders", "{\"workflow\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("code").asText()).isEqualTo("MALFORMED_REQUEST");

        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void another_tenants_order_is_not_found_and_unknown_ids_too() {
        String id = create(standardOrder("Acme Only")).get("id").asText();
        var globex = new Http(port, "globex-admin");
        assertThat(globex.get("/api/orders/" + id).status()).isEqualTo(404);
        assertThat(globex.get("/api/orders/" + id).json().get("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(globex.post("/api/orders/" + id + "/status", "{\"status\": \"pending\"}")
                        .status())
                .isEqualTo(404);
        assertThat(globex.get("/api/orders/" + id + "/timeline").status()).isEqualTo(404);
        assertThat(globex.get("/api/orders?q=acme%20only&active=all").json().get("items"))
                .isEmpty();
        assertThat(agent.get("/api/orders/not-a-uuid").status()).isEqualTo(404);
        assertThat(agent.get("/api/orders/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(storedEvents(id)).isEqualTo(1);
    }

    @Test
    void requests_without_credentials_get_a_401_problem() {
        var anonymous = new Http(port, null).get("/api/orders");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.json().get("code").asText()).isEqualTo("UNAUTHENTICATED");
        var wrongPassword = new Http(port, "nobody").get("/api/orders");
        assertThat(wrongPassword.status()).isEqualTo(401);
    }

    @Test
    void merge_patch_changes_named_fields_only_and_if_match_guards_against_stale_writes() {
        JsonNode order = create(standardOrder("Patch Me"));
        String id = order.get("id").asText();
        var patched = agent.patch(
                "/api/orders/" + id,
                "{\"customer\": {\"phone\": \"+15550199\"}, \"notes\": \"ring twice\", \"priority\": 5}",
                "\"0\"");
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        JsonNode now = patched.json();
        assertThat(now.get("customer").get("name").asText()).isEqualTo("Patch Me");
        assertThat(now.get("customer").get("phone").asText()).isEqualTo("+15550199");
        assertThat(now.get("contact").get("phoneSnapshot").asText()).isEqualTo("+15550100");
        assertThat(now.get("notes").asText()).isEqualTo("ring twice");
        assertThat(now.get("priority").asInt()).isEqualTo(5);
        assertThat(now.get("version").asLong()).isEqualTo(1);
        assertThat(now.get("updatedBy").asText()).isEqualTo("agent");

        var stale = agent.patch("/api/orders/" + id, "{\"notes\": \"too late\"}", "\"0\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("code").asText()).isEqualTo("PRECONDITION_FAILED");

        var cleared = agent.patch("/api/orders/" + id, "{\"notes\": null}", "*");
        assertThat(cleared.json().get("notes").isNull()).isTrue();

        var unchanged = agent.patch("/api/orders/" + id, "{\"notes\": null}", null);
        assertThat(unchanged.status()).isEqualTo(200);
        assertThat(unchanged.json().get("version").asLong()).isEqualTo(2);

        var serverOwned = agent.patch("/api/orders/" + id, "{\"status\": \"shipped\"}", null);
        assertThat(serverOwned.status()).isEqualTo(400);
        assertThat(serverOwned.json().get("errors").get(0).get("field").asText())
                .isEqualTo("status");
        assertThat(storedEvents(id)).isEqualTo(3);
    }

    @Test
    void client_order_numbers_are_unique_per_tenant() {
        String number = "SHOP-" + UUID.randomUUID().toString().substring(0, 8);
        String body = standardOrder("Numbered")
                .replace(
                        "\"workflow\": \"standard\"",
                        "\"workflow\": \"standard\", \"orderNumber\": \"" + number + "\"");
        assertThat(create(body).get("orderNumber").asText()).isEqualTo(number);
        var duplicate = agent.post("/api/orders", body);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("code").asText()).isEqualTo("DUPLICATE_ORDER_NUMBER");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%.OrderCreated'
                        AND convert_from(payload, 'UTF8')::jsonb ->> 'orderNumber' = :n""").param("n", number).query(Long.class).single()).isEqualTo(1);
        assertThat(new Http(port, "globex-admin").post("/api/orders", body).status())
                .isEqualTo(201);
    }

    @Test
    void list_pages_with_a_cursor_and_refuses_bad_limits() {
        String tag = "Pager" + UUID.randomUUID().toString().substring(0, 6);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(0, create(standardOrder(tag + " " + i)).get("id").asText());
        }
        eventually(
                () -> agent.get("/api/orders?q=" + tag),
                a -> a.json().get("items").size() == 5);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = agent.get("/api/orders?limit=2&q=" + tag + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            page.json().get("items").forEach(o -> seen.add(o.get("id").asText()));
            cursor = page.json().get("nextCursor").isNull()
                    ? null
                    : page.json().get("nextCursor").asText();
            assertThat(page.json().get("hasMore").asBoolean()).isEqualTo(cursor != null);
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(ids);

        assertThat(agent.get("/api/orders?limit=0").json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(agent.get("/api/orders?limit=101").status()).isEqualTo(400);
        assertThat(agent.get("/api/orders?cursor=bogus").status()).isEqualTo(400);
        assertThat(agent.get("/api/orders?sort=name").status()).isEqualTo(400);
    }

    @Test
    void unknown_paths_methods_and_media_types_are_problems_too() {
        var noPath = agent.get("/api/nothing-here");
        assertThat(noPath.status()).isEqualTo(404);
        assertThat(noPath.json().get("code").asText()).isEqualTo("NOT_FOUND");
        var method = agent.send("DELETE", "/api/orders", null, null);
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.json().get("code").asText()).isEqualTo("METHOD_NOT_ALLOWED");
        var media = agent.send("POST", "/api/orders", "workflow=standard", null, "text/plain");
        assertThat(media.status()).isEqualTo(415);
        assertThat(media.json().get("code").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        var tooLarge = agent.post("/api/orders", "{\"description\": \"" + "x".repeat(1024 * 1024 + 10) + "\"}");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        var chunked = agent.postChunked("/api/orders", "{\"description\": \"" + "x".repeat(1024 * 1024 + 10) + "\"}");
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.json().get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        var anonymous =
                new Http(port, null).post("/api/orders", "{\"description\": \"" + "x".repeat(1024 * 1024 + 10) + "\"}");
        assertThat(anonymous.status()).as("401 comes before 413").isEqualTo(401);
    }
}

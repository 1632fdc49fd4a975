package io.ordo.app;

import static io.ordo.app.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.adapters.persistence.personal.OrderDataKeys;
import io.ordo.adapters.persistence.secret.SecretBox;
import io.ordo.app.support.Http;
import io.ordo.app.support.OwnService;
import io.ordo.app.support.Receiver;
import io.ordo.app.support.SseClient;
import io.ordo.projections.Projection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Forgetting a customer (the right to erasure) in a history that is never rewritten: a customer with orders in three
 * workflows, notified, exported, snapshotted and rebuilt before, is erased; afterwards no answer, rebuilt projection,
 * stream message, notification or table of the database holds their name, phone, e-mail or address, while another
 * customer's order, the orders' other facts and the hash chain stay as they were.
 */
class ErasureIT {

    static final String NAME = "Wilhelmina Quorrax";
    static final String PHONE = "+15559876543";
    static final String EMAIL = "wquorrax@example.org";
    static final String ADDRESS = "99 Vanishing Road";
    static final String OTHER = "Bartholomew Stays";

    /** Where an order (or its OrderCreated) holds personal data: each reads "[erased]" after an erasure. */
    static final List<String> PERSONAL_FIELDS = List.of(
            "/customer/name",
            "/customer/phone",
            "/customer/email",
            "/contact/nameSnapshot",
            "/contact/phoneSnapshot",
            "/deliveryAddress");

    private static String customer(String id, String name) {
        return customer(id, name, PHONE, EMAIL, ADDRESS);
    }

    private static String customer(String id, String name, String phone, String email, String address) {
        return """
                "customer": {"id": "%s", "name": "%s", "phone": "%s", "email": "%s"},
                "contactId": "contact-%s", "deliveryAddress": "%s\"""".formatted(id, name, phone, email, id, address);
    }

    private static String created(Http http, String body) {
        var answer = http.post("/api/orders", body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json().get("id").asText();
    }

    @Test
    void an_erased_customer_is_gone_from_every_answer_and_table_and_nothing_else_changes() throws Exception {
        try (var receiver = new Receiver(NotificationIT.SECRET, 0);
                var service = OwnService.start(
                        "erasure",
                        "--ordo.subscriptions.allow-private-targets=true",
                        "--ordo.outbox.poll-interval=50ms",
                        "--ordo.snapshot.threshold=5")) {
            var admin = new Http(service.httpPort(), "admin");
            var agent = admin.as("agent");
            var jdbc = JdbcClient.create(service.app().getBean(DataSource.class));
            assertThat(admin.post("/api/subscriptions", NotificationIT.subscription(receiver.url()))
                            .status())
                    .isEqualTo(201);
            var live = SseClient.open(service.httpPort(), "admin", null);

            // three orders of the customer, in three workflows; one created with an Idempotency-Key, one patched,
            // one moved often enough to be snapshotted; and an order of another customer
            var once = agent.postOnce("/api/orders", """
                    {"workflow": "standard", %s, "description": "Headphones", "currency": "USD",
                     "items": [{"sku": "H-1", "name": "Headphones", "quantity": 1, "unitPrice": "80.00"}]}""".formatted(customer("forget-me", NAME)), "erasure-create-1");
            assertThat(once.status()).as(once.toString()).isEqualTo(201);
            String standard = once.json().get("id").asText();
            String checkout = created(agent, """
                    {"workflow": "checkout", %s, "currency": "EUR",
                     "items": [{"sku": "C-1", "name": "Chair", "quantity": 2, "unitPrice": "45.50"}]}""".formatted(customer("forget-me", NAME)));
            String production = created(agent, """
                    {"workflow": "production", "status": "ready_for_production", %s, "description": "Oak table"}""".formatted(customer("forget-me", NAME)));
            String other = created(agent, """
                    {"workflow": "standard", %s, "description": "Lamp"}""".formatted(
                            customer("keep-me", OTHER, "+15550001111", "bart@example.org", "5 Staying Street")));
            List<String> erasable = List.of(standard, checkout, production);
            for (String status : List.of("pending", "confirmed", "shipped", "delivered")) {
                assertThat(agent.post("/api/orders/" + standard + "/status", "{\"status\": \"" + status + "\"}")
                                .status())
                        .isEqualTo(200);
            }
            assertThat(agent.patch("/api/orders/" + checkout, "{\"customer\": {\"phone\": \"+15559876549\"}}", null)
                            .status())
                    .isEqualTo(200);
            assertThat(jdbc.sql("SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = :id")
                            .param("id", standard)
                            .query(Long.class)
                            .single())
                    .as("the standard order was snapshotted")
                    .isPositive();

            // before: notified with the name, exported, rebuilt
            eventually(
                    () -> receiver.received().stream()
                            .filter(r -> r.body().toString().contains(NAME))
                            .count(),
                    n -> n >= 3,
                    Duration.ofSeconds(30));
            assertThat(admin.as("auditor")
                            .get("/api/audit/export?format=ndjson")
                            .status())
                    .isEqualTo(200);
            rebuildAll(new Http(service.httpPort(), "ops"));
            assertThat(agent.get("/api/orders/" + checkout)
                            .json()
                            .at("/customer/name")
                            .asText())
                    .isEqualTo(NAME);
            Instant beforeErasure = Instant.now();
            Map<String, JsonNode> before = new LinkedHashMap<>();
            erasable.forEach(id -> before.put(id, admin.get("/api/orders/" + id).json()));
            long eventsBefore = events(jdbc);

            // refusals change nothing
            var byManager = admin.as("manager").post("/api/customers/forget-me/erase", "{\"reason\": \"asked\"}");
            assertThat(byManager.status()).isEqualTo(403);
            assertThat(byManager.json().get("code").asText()).isEqualTo("FORBIDDEN");
            var noReason = admin.post("/api/customers/forget-me/erase", "{}");
            assertThat(noReason.status()).isEqualTo(400);
            assertThat(noReason.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
            assertThat(noReason.json().at("/errors/0/field").asText()).isEqualTo("reason");
            assertThat(events(jdbc)).isEqualTo(eventsBefore);

            var erased = admin.post("/api/customers/forget-me/erase", "{\"reason\": \"GDPR art. 17 request #4711\"}");
            assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
            assertThat(erased.json().get("customerId").asText()).isEqualTo("forget-me");
            assertThat(erased.json().get("orders").asInt()).isEqualTo(3);
            assertThat(Instant.parse(erased.json().get("erasedAt").asText())).isAfterOrEqualTo(beforeErasure);

            for (String id : erasable) {
                JsonNode order = admin.get("/api/orders/" + id).json();
                assertErased(order, "order " + id);
                JsonNode was = before.get(id);
                assertThat(order.get("status")).isEqualTo(was.get("status"));
                assertThat(order.get("items")).isEqualTo(was.get("items"));
                assertThat(order.get("totalAmount")).isEqualTo(was.get("totalAmount"));
                assertThat(order.get("description")).isEqualTo(was.get("description"));
                assertThat(order.at("/customer/id").asText()).isEqualTo("forget-me");
                assertErased(
                        admin.get("/api/orders/" + id + "?asOf=" + beforeErasure)
                                .json(),
                        "asOf " + id);
                JsonNode events = admin.get("/api/orders/" + id + "/events?limit=100")
                        .json()
                        .get("items");
                assertErased(events.get(0).get("payload"), "OrderCreated of " + id);
                JsonNode last = events.get(events.size() - 1);
                assertThat(last.get("type").asText()).isEqualTo("CustomerErased");
                assertThat(last.get("by").asText()).isEqualTo("admin");
                assertThat(last.at("/payload/reason").asText()).isEqualTo("GDPR art. 17 request #4711");
                assertThat(admin.get("/api/orders/" + id + "/verify")
                                .json()
                                .get("valid")
                                .asBoolean())
                        .as("verify " + id)
                        .isTrue();
                assertThat(admin.get("/api/orders/" + id + "/timeline").text()).doesNotContain("Quorrax");
            }
            JsonNode audit = eventually(
                    () -> admin.as("auditor")
                            .get("/api/audit?orderId=" + checkout + "&limit=100")
                            .json()
                            .get("items"),
                    items -> items.findValuesAsText("type").contains("CustomerErased"));
            for (JsonNode entry : audit) {
                if (entry.get("type").asText().equals("CustomerErased")) {
                    assertThat(entry.get("by").asText()).isEqualTo("admin");
                    assertThat(entry.get("reason").asText()).isEqualTo("GDPR art. 17 request #4711");
                }
            }
            eventually(() -> agent.get("/api/orders?q=Quorrax").json().get("items"), JsonNode::isEmpty);
            assertThat(agent.get("/api/orders?q=987654").json().get("items")).isEmpty();
            JsonNode found = agent.get("/api/orders?q=Bartholomew").json().get("items");
            assertThat(found).hasSize(1);
            assertThat(found.get(0).get("id").asText()).isEqualTo(other);
            JsonNode listed =
                    agent.get("/api/orders?customerId=forget-me").json().get("items");
            assertThat(listed).hasSize(3);
            listed.forEach(order -> assertErased(order, "listed " + order.get("id")));
            assertThat(admin.as("auditor")
                            .get("/api/audit/export?format=ndjson")
                            .text())
                    .doesNotContain("Quorrax", "Vanishing");
            assertThat(admin.get("/api/orders/" + other)
                            .json()
                            .at("/customer/name")
                            .asText())
                    .isEqualTo(OTHER);

            // a personal field cannot be given back to an erased order
            var patch = agent.patch("/api/orders/" + checkout, "{\"customer\": {\"name\": \"" + NAME + "\"}}", null);
            assertThat(patch.status()).as(patch.toString()).isEqualTo(409);
            assertThat(patch.json().get("code").asText()).isEqualTo("NOT_EDITABLE");

            // the erasures are notified, without the customer; the stream never carried personal data
            eventually(
                    () -> receiver.received().stream()
                            .filter(r -> r.body().get("type").asText().equals("CustomerErased"))
                            .count(),
                    n -> n == 3,
                    Duration.ofSeconds(30));
            receiver.received().stream()
                    .filter(r -> r.body().get("type").asText().equals("CustomerErased"))
                    .forEach(r -> assertThat(r.body().toString()).doesNotContain("Quorrax"));
            List<SseClient.Event> streamed = live.drain(Duration.ofMillis(500));
            assertThat(streamed).extracting(SseClient.Event::name).contains("CustomerErased");
            assertThat(streamed.toString()).doesNotContain("Quorrax", "Vanishing", "9876543");
            live.close();

            // a rebuild reads the erased events: "[erased]" again
            rebuildAll(new Http(service.httpPort(), "ops"));
            for (String id : erasable) {
                assertErased(admin.get("/api/orders/" + id).json(), "rebuilt " + id);
            }
            assertThat(agent.get("/api/orders?q=Quorrax").json().get("items")).isEmpty();

            // not one table holds the customer's data any more; the other customer's is still there
            assertThat(tablesHolding(jdbc, "Quorrax")).isEmpty();
            assertThat(tablesHolding(jdbc, "Wilhelmina")).isEmpty();
            assertThat(tablesHolding(jdbc, "wquorrax@")).isEmpty();
            assertThat(tablesHolding(jdbc, "Vanishing")).isEmpty();
            assertThat(tablesHolding(jdbc, "987654")).as("both phones").isEmpty();
            assertThat(tablesHolding(jdbc, "Bartholomew")).contains("order_detail_blue", "outbox");

            // an order taken later for the same customer keeps its data, until that customer is erased again;
            // another node that had its key in memory forgets it within a poll
            String later = created(agent, """
                    {"workflow": "standard", %s}""".formatted(customer("forget-me", "Wilma Later")));
            assertThat(agent.get("/api/orders/" + later)
                            .json()
                            .at("/customer/name")
                            .asText())
                    .isEqualTo("Wilma Later");
            var otherNode = new OrderDataKeys(jdbc, service.app().getBean(SecretBox.class));
            assertThat(otherNode.find(later)).isPresent();
            var again = admin.post("/api/customers/forget-me/erase", "{\"reason\": \"second request\"}");
            assertThat(again.json().get("orders").asInt()).isEqualTo(1);
            assertThat(otherNode.find(later))
                    .as("still in the other node's memory")
                    .isPresent();
            assertThat(otherNode.forgetErased()).isGreaterThanOrEqualTo(1);
            assertThat(otherNode.find(later)).isEmpty();
            assertThat(admin.get("/api/orders/" + later)
                            .json()
                            .at("/customer/name")
                            .asText())
                    .isEqualTo("[erased]");
        }
    }

    private static void assertErased(JsonNode order, String what) {
        assertThat(order.at("/customer/name").asText()).as(what + " name").isEqualTo("[erased]");
        assertThat(order.at("/customer/phone").asText()).as(what + " phone").isEqualTo("[erased]");
        assertThat(order.at("/customer/email").asText()).as(what + " email").isEqualTo("[erased]");
        assertThat(order.at("/deliveryAddress").asText()).as(what + " address").isEqualTo("[erased]");
        if (order.has("contact")) {
            assertThat(order.at("/contact/nameSnapshot").asText())
                    .as(what + " contact")
                    .isEqualTo("[erased]");
            assertThat(order.at("/contact/phoneSnapshot").asText())
                    .as(what + " contact")
                    .isEqualTo("[erased]");
        }
        assertThat(order.toString()).as(what).doesNotContain("Quorrax", "987654", "wquorrax", "Vanishing");
    }

    private static long events(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry")
                .query(Long.class)
                .single();
    }

    /** Rebuilds every projection and waits until all are live on their rebuilt tables. */
    private static void rebuildAll(Http ops) {
        for (String name : Projection.names()) {
            var started = ops.post("/api/admin/projections/" + name + "/replay", "{}");
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
        }
        eventually(
                () -> ops.get("/api/admin/projections").json().findValuesAsText("state"),
                states -> states.stream().allMatch("live"::equals),
                Duration.ofSeconds(60));
    }

    /** The tables with a row holding {@code text} in any column, as text or as UTF-8 bytes. */
    private static List<String> tablesHolding(JdbcClient jdbc, String text) {
        record Column(String table, String name, String type) {}
        var columns = jdbc.sql("""
                        SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
                        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                        WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'""")
                .query((rs, n) -> new Column(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
        var holding = new ArrayList<String>();
        columns.stream()
                .collect(Collectors.groupingBy(Column::table, LinkedHashMap::new, Collectors.toList()))
                .forEach((table, its) -> {
                    String where = its.stream()
                            .map(c -> c.type().equals("bytea")
                                    ? "position(convert_to(:text, 'UTF8') in \"" + c.name() + "\") > 0"
                                    : "CAST(\"" + c.name() + "\" AS text) ILIKE '%' || :text || '%'")
                            .collect(Collectors.joining(" OR "));
                    long rows = jdbc.sql("SELECT count(*) FROM \"" + table + "\" WHERE " + where)
                            .param("text", text)
                            .query(Long.class)
                            .single();
                    if (rows > 0) {
                        holding.add(table);
                    }
                });
        return holding;
    }
}

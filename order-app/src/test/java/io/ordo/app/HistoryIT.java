package io.ordo.app;

import static io.ordo.app.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordo.app.support.Http;
import io.ordo.app.support.OrdoIntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The stored history of an order: its events with actors, the order at any instant, and its hash chain. */
@OrdoIntegrationTest
class HistoryIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** Takes an order through six changes by three users; returns the answer after each write. */
    private List<JsonNode> sixChangesByThreeUsers(String name) {
        var agent = new Http(port, "agent");
        var manager = new Http(port, "manager");
        var admin = new Http(port, "admin");
        var answers = new ArrayList<JsonNode>();
        var created = agent.post("/api/orders", OrderFlowIT.standardOrder(name));
        answers.add(created.json());
        String id = created.json().get("id").asText();
        answers.add(manager.post("/api/orders/" + id + "/status", "{\"status\": \"pending\", \"reason\": \"paid\"}")
                .json());
        answers.add(agent.patch("/api/orders/" + id, "{\"notes\": \"leave at the door\"}", null)
                .json());
        answers.add(admin.post("/api/orders/" + id + "/status", "{\"status\": \"confirmed\"}")
                .json());
        answers.add(
                manager.patch("/api/orders/" + id, "{\"priority\": 7}", null).json());
        answers.add(agent.post("/api/orders/" + id + "/status", "{\"status\": \"shipped\", \"carrier\": \"DHL\"}")
                .json());
        answers.add(admin.post("/api/orders/" + id + "/cancel", "{\"reason\": \"lost in transit\"}")
                .json());
        return answers;
    }

    @Test
    void events_list_every_change_with_its_actor_and_as_of_rebuilds_each_moment() {
        var answers = sixChangesByThreeUsers("History Buff");
        String id = answers.get(0).get("id").asText();
        var auditor = new Http(port, "auditor");

        var events = auditor.get("/api/orders/" + id + "/events");
        assertThat(events.status()).as(events.toString()).isEqualTo(200);
        List<String> lines = new ArrayList<>();
        events.json()
                .get("items")
                .forEach(e -> lines.add(
                        e.get("sequence").asLong() + " " + e.get("type").asText() + " by "
                                + e.get("by").asText() + " (" + e.get("source").asText() + ", rev "
                                + e.get("revision").asText() + ")"));
        assertThat(lines)
                .containsExactly(
                        "0 OrderCreated by agent (user, rev 1)",
                        "1 OrderStatusChanged by manager (user, rev 1)",
                        "2 OrderDetailsUpdated by agent (user, rev 1)",
                        "3 OrderStatusChanged by admin (user, rev 1)",
                        "4 OrderDetailsUpdated by manager (user, rev 1)",
                        "5 OrderStatusChanged by agent (user, rev 1)",
                        "6 OrderCancelled by admin (user, rev 1)");
        assertThat(events.json().get("items").get(1).get("payload").get("to").asText())
                .isEqualTo("pending");
        assertThat(events.json().get("hasMore").asBoolean()).isFalse();

        var firstPage = auditor.get("/api/orders/" + id + "/events?limit=4");
        assertThat(firstPage.json().get("items")).hasSize(4);
        var secondPage = auditor.get("/api/orders/" + id + "/events?limit=4&cursor="
                + firstPage.json().get("nextCursor").asText());
        assertThat(secondPage.json().get("items").get(0).get("sequence").asLong())
                .isEqualTo(4);
        assertThat(secondPage.json().get("hasMore").asBoolean()).isFalse();

        for (int i = 0; i < answers.size(); i++) {
            JsonNode after = answers.get(i);
            Instant at =
                    Instant.parse(events.json().get("items").get(i).get("at").asText());
            var then = auditor.get("/api/orders/" + id + "?asOf=" + at);
            assertThat(then.status()).as("asOf %s", at).isEqualTo(200);
            assertThat(withoutTransitions(then.json()))
                    .as("the order right after change %d", i)
                    .isEqualTo(withoutTransitions(after));
        }
        Instant created = Instant.parse(answers.get(0).get("createdAt").asText());
        assertThat(auditor.get("/api/orders/" + id + "?asOf=" + created.minusNanos(1000))
                        .status())
                .isEqualTo(404);
        assertThat(withoutTransitions(auditor.get("/api/orders/" + id + "?asOf=2999-01-01T00:00:00Z")
                        .json()))
                .isEqualTo(withoutTransitions(answers.get(answers.size() - 1)));

        assertThat(new Http(port, "agent").get("/api/orders/" + id + "/events").status())
                .isEqualTo(403);
        assertThat(new Http(port, "globex-admin")
                        .get("/api/orders/" + id + "/events")
                        .status())
                .isEqualTo(404);
    }

    private static JsonNode withoutTransitions(JsonNode order) {
        var copy = (ObjectNode) order.deepCopy();
        copy.remove("allowedTransitions");
        return copy;
    }

    @Test
    void a_flipped_byte_breaks_the_chain_exactly_there() {
        String tampered = sixChangesByThreeUsers("Tampered").get(0).get("id").asText();
        String untouched = sixChangesByThreeUsers("Untouched").get(0).get("id").asText();
        var auditor = new Http(port, "auditor");
        assertThat(auditor.get("/api/orders/" + tampered + "/verify").json().toString())
                .isEqualTo("{\"valid\":true,\"events\":7}");

        jdbc.sql("""
                        UPDATE domain_event_entry SET payload = set_byte(payload, 10, get_byte(payload, 10) # 1)
                        WHERE aggregate_identifier = :id AND sequence_number = 3""").param("id", tampered).update();

        assertThat(auditor.get("/api/orders/" + tampered + "/verify").json().toString())
                .isEqualTo("{\"valid\":false,\"brokenAt\":3}");
        assertThat(auditor.get("/api/orders/" + untouched + "/verify").json().toString())
                .isEqualTo("{\"valid\":true,\"events\":7}");
        var events = auditor.get("/api/orders/" + tampered + "/events");
        assertThat(events.status()).as("a tampered event is shown, not a 500").isEqualTo(200);
        assertThat(new Http(port, "manager")
                        .get("/api/orders/" + tampered + "/verify")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void the_audit_trail_finds_exactly_one_users_changes_across_orders_and_exports_them_safely() {
        Instant start = Instant.now();
        String first = sixChangesByThreeUsers("Audit One").get(0).get("id").asText();
        String second = sixChangesByThreeUsers("Audit Two").get(0).get("id").asText();
        var auditor = new Http(port, "auditor");
        String byManager = "/api/audit?actor=manager&from=" + start;
        var page = eventually(
                () -> auditor.get(byManager), a -> a.json().get("items").size() == 4);
        page.json().get("items").forEach(e -> assertThat(e.get("by").asText()).isEqualTo("manager"));
        assertThat(page.json().get("items"))
                .extracting(e -> e.get("orderId").asText())
                .containsExactly(second, second, first, first);
        assertThat(page.json().get("items"))
                .extracting(e -> e.get("type").asText())
                .containsExactly(
                        "OrderDetailsUpdated", "OrderStatusChanged", "OrderDetailsUpdated", "OrderStatusChanged");
        assertThat(page.json().get("items").get(3).get("reason").asText()).isEqualTo("paid");
        assertThat(page.json().get("items").get(3).get("orderNumber").asText()).startsWith("ORD-");

        eventually(
                () -> auditor.get("/api/audit?limit=100&from=" + start),
                a -> a.json().get("items").size() == 14);
        var everything = auditor.get("/api/audit?limit=5&from=" + start);
        assertThat(everything.json().get("hasMore").asBoolean()).isTrue();
        var rest = auditor.get("/api/audit?limit=100&from=" + start + "&cursor="
                + everything.json().get("nextCursor").asText());
        assertThat(everything.json().get("items").size()
                        + rest.json().get("items").size())
                .isEqualTo(14);
        assertThat(auditor.get("/api/audit?type=OrderCancelled&orderId=" + first)
                        .json()
                        .get("items"))
                .hasSize(1);

        new Http(port, "admin").post("/api/orders", OrderFlowIT.standardOrder("Formula"));
        String formulaOrder = eventually(
                        () -> auditor.get("/api/audit?type=OrderCreated&actor=admin&from=" + start),
                        a -> a.json().get("items").size() == 1)
                .json()
                .get("items")
                .get(0)
                .get("orderId")
                .asText();
        new Http(port, "admin")
                .post("/api/orders/" + formulaOrder + "/cancel", "{\"reason\": \"=HYPERLINK(\\\"http://x\\\")\"}");
        var csv = eventually(
                () -> auditor.get("/api/audit/export?format=csv&orderId=" + formulaOrder),
                a -> a.text().lines().count() == 3);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.text().lines().findFirst()).contains("orderId,orderNumber,sequence,type,at,by,source,reason");
        assertThat(csv.text()).contains(",\"'=HYPERLINK(\"\"http://x\"\")\"");
        var ndjson = auditor.get("/api/audit/export?format=ndjson&actor=manager&from=" + start);
        assertThat(ndjson.text().lines())
                .hasSize(4)
                .allSatisfy(line -> assertThat(line).startsWith("{\"orderId\""));

        assertThat(new Http(port, "manager").get("/api/audit").status()).isEqualTo(403);
        assertThat(new Http(port, "agent").get("/api/audit/export").status()).isEqualTo(403);
        assertThat(new Http(port, "globex-admin")
                        .get("/api/audit?from=" + start)
                        .json()
                        .get("items"))
                .isEmpty();
        assertThat(auditor.get("/api/audit?limit=0").status()).isEqualTo(400);
        assertThat(auditor.get("/api/audit?cursor=nope").status()).isEqualTo(400);
    }

    @Test
    void every_event_carries_tenant_actor_and_correlation_in_its_metadata() {
        String id = sixChangesByThreeUsers("Metadata").get(0).get("id").asText();
        var metadata = jdbc.sql("""
                        SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry
                        WHERE aggregate_identifier = :id ORDER BY sequence_number""").param("id", id).query(String.class).list();
        assertThat(metadata)
                .hasSize(7)
                .allSatisfy(m -> assertThat(m)
                        .contains("\"tenant\":\"acme\"")
                        .contains("\"correlationId\"")
                        .contains("\"actor\""));
        assertThat(metadata.get(1)).contains("\"actor\":\"manager\"");
    }
}

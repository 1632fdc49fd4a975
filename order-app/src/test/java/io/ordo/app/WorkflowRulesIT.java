package io.ordo.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.app.support.Http;
import io.ordo.app.support.OrdoIntegrationTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The rules of lead campaigns, production orders and the discussion, over HTTP on real PostgreSQL. */
@OrdoIntegrationTest
class WorkflowRulesIT {

    @LocalServerPort
    int port;

    Http agent;

    @BeforeEach
    void setUp() {
        agent = new Http(port, "agent");
    }

    private String campaign(int leads, String targetDate) {
        var created = agent.post("/api/orders", """
                {"workflow": "lead_campaign", "customer": {"name": "Growth Co"}, "description": "Q4 leads",
                 "leadsPurchased": %d, "targetDeliveryDate": "%s"}""".formatted(leads, targetDate));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("totalAmount").isNull()).isTrue();
        String id = created.json().get("id").asText();
        assertThat(agent.post("/api/orders/" + id + "/status", "{\"status\": \"active\"}")
                        .status())
                .isEqualTo(200);
        return id;
    }

    @Test
    void a_campaign_fills_up_completes_itself_and_refuses_more() {
        String target = LocalDate.now(ZoneOffset.UTC).plusDays(10).toString();
        String id = campaign(3, target);
        JsonNode order = null;
        for (String lead : List.of("lead-a", "lead-b", "lead-c")) {
            var delivered = agent.post("/api/orders/" + id + "/leads", "{\"leadId\": \"" + lead + "\"}");
            assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);
            order = delivered.json();
        }
        assertThat(order.get("status").asText()).isEqualTo("completed");
        assertThat(order.get("leads").get("delivered").asInt()).isEqualTo(3);
        assertThat(order.get("leads").get("remaining").asInt()).isZero();
        assertThat(order.get("leads").get("completionPercentage").asDouble()).isEqualTo(100.0);
        assertThat(order.get("leads").get("targetDeliveryDate").asText()).isEqualTo(target);
        assertThat(order.get("leads").get("daysRemaining").asLong()).isEqualTo(10);

        var timeline = agent.get("/api/orders/" + id + "/timeline").json();
        JsonNode last = timeline.get(timeline.size() - 1);
        assertThat(last.get("status").asText()).isEqualTo("completed");
        assertThat(last.get("previousStatus").asText()).isEqualTo("active");
        assertThat(last.get("source").asText()).isEqualTo("system");
        assertThat(last.get("by").asText()).isEqualTo("agent");

        var fourth = agent.post("/api/orders/" + id + "/leads", "{\"leadId\": \"lead-d\"}");
        assertThat(fourth.status()).isEqualTo(409);
        // a completed campaign is no longer editable; capacity is the refusal while it is still active
        assertThat(fourth.json().get("code").asText()).isIn("NOT_EDITABLE", "CAPACITY_EXCEEDED");
    }

    @Test
    void capacity_and_duplicates_are_refused_while_active() {
        String id = campaign(2, LocalDate.now(ZoneOffset.UTC).minusDays(2).toString());
        assertThat(agent.post("/api/orders/" + id + "/leads", "{\"leadId\": \"lead-1\"}")
                        .status())
                .isEqualTo(200);
        var duplicate = agent.post("/api/orders/" + id + "/leads", "{\"leadId\": \"lead-1\"}");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("code").asText()).isEqualTo("DUPLICATE_LEAD");
        var late = agent.get("/api/orders/" + id).json().get("leads");
        assertThat(late.get("daysRemaining").asLong()).isEqualTo(-2);
        assertThat(late.get("completionPercentage").asDouble()).isEqualTo(50.0);

        // pause, lower the purchase to what was delivered, resume: now the campaign is full
        assertThat(agent.post("/api/orders/" + id + "/status", "{\"status\": \"paused\"}")
                        .status())
                .isEqualTo(200);
        var tooLow = agent.patch("/api/orders/" + id, "{\"leadsPurchased\": 0}", null);
        assertThat(tooLow.status()).isEqualTo(400);
        var lowered = agent.patch("/api/orders/" + id, "{\"leadsPurchased\": 1}", null);
        assertThat(lowered.status()).as(lowered.toString()).isEqualTo(200);
        assertThat(lowered.json().get("status").asText()).isEqualTo("paused");
        assertThat(agent.post("/api/orders/" + id + "/status", "{\"status\": \"active\"}")
                        .status())
                .isEqualTo(200);
        var beyond = agent.post("/api/orders/" + id + "/leads", "{\"leadId\": \"lead-2\"}");
        assertThat(beyond.status()).isEqualTo(409);
        assertThat(beyond.json().get("code").asText()).isEqualTo("CAPACITY_EXCEEDED");

        var withdrawn = agent.send("DELETE", "/api/orders/" + id + "/leads/lead-1", null, null);
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.json().get("leads").get("delivered").asInt()).isZero();
        var unknown = agent.send("DELETE", "/api/orders/" + id + "/leads/lead-1", null, null);
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        var again = agent.post("/api/orders/" + id + "/leads", "{\"leadId\": \"lead-1\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("status").asText()).isEqualTo("completed");
    }

    @Test
    void leads_belong_to_campaigns_and_campaign_fields_to_campaigns() {
        var standard = agent.post("/api/orders", OrderFlowIT.standardOrder("Not A Campaign"));
        String id = standard.json().get("id").asText();
        var lead = agent.post("/api/orders/" + id + "/leads", "{\"leadId\": \"x\"}");
        assertThat(lead.status()).isEqualTo(400);
        var withLeads = agent.post(
                "/api/orders",
                OrderFlowIT.standardOrder("X")
                        .replace("\"workflow\": \"standard\"", "\"workflow\": \"standard\", \"leadsPurchased\": 5"));
        assertThat(withLeads.status()).isEqualTo(400);
        assertThat(withLeads.json().get("errors").get(0).get("field").asText()).isEqualTo("leadsPurchased");
        var noLeads = agent.post("/api/orders", "{\"workflow\": \"lead_campaign\"}");
        assertThat(noLeads.json().get("errors").get(0).get("field").asText()).isEqualTo("leadsPurchased");
    }

    @Test
    void production_changes_need_a_justification_and_stop_at_production() {
        var created = agent.post("/api/orders", """
                {"workflow": "production", "status": "ready_for_production", "customer": {"name": "Maker"},
                 "deliveryAddress": "Works 1", "description": "Table"}""");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("status").asText()).isEqualTo("ready_for_production");
        String id = created.json().get("id").asText();
        var unjustified = agent.patch("/api/orders/" + id, "{\"description\": \"Bigger table\"}", null);
        assertThat(unjustified.status()).isEqualTo(400);
        assertThat(unjustified.json().get("errors").get(0).get("field").asText())
                .isEqualTo("justification");
        var justified = agent.patch(
                "/api/orders/" + id,
                "{\"description\": \"Bigger table\", \"justification\": \"customer called\"}",
                null);
        assertThat(justified.status()).isEqualTo(200);
        assertThat(agent.post("/api/orders/" + id + "/status", "{\"status\": \"in_production\"}")
                        .status())
                .isEqualTo(200);
        var late = agent.patch("/api/orders/" + id, "{\"description\": \"Chair\", \"justification\": \"oops\"}", null);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("code").asText()).isEqualTo("NOT_EDITABLE");
        var cancel = agent.post("/api/orders/" + id + "/cancel", "{\"reason\": \"too late\"}");
        assertThat(cancel.status()).isEqualTo(409);
        assertThat(cancel.json().get("code").asText()).isEqualTo("INVALID_TRANSITION");
        var note = agent.post("/api/orders/" + id + "/notes", "{\"text\": \"is it ready?\"}");
        assertThat(note.status()).isEqualTo(409);
        assertThat(note.json().get("code").asText()).isEqualTo("DISCUSSION_CLOSED");
    }

    @Test
    void the_discussion_keeps_notes_in_order_and_counts_them_in_the_version() {
        String id = agent.post("/api/orders", OrderFlowIT.standardOrder("Talkative"))
                .json()
                .get("id")
                .asText();
        var first = agent.post("/api/orders/" + id + "/notes", "{\"text\": \"Customer prefers mornings\"}");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().get("by").asText()).isEqualTo("agent");
        assertThat(first.json().get("id").asText()).isNotBlank();
        assertThat(new Http(port, "manager")
                        .post("/api/orders/" + id + "/notes", "{\"text\": \"Noted\"}")
                        .status())
                .isEqualTo(201);
        var notes = new Http(port, "viewer").get("/api/orders/" + id + "/notes");
        assertThat(notes.status()).isEqualTo(200);
        List<String> texts = new ArrayList<>();
        notes.json()
                .forEach(n ->
                        texts.add(n.get("by").asText() + ": " + n.get("text").asText()));
        assertThat(texts).containsExactly("agent: Customer prefers mornings", "manager: Noted");
        var order = agent.get("/api/orders/" + id);
        assertThat(order.json().get("version").asLong()).isEqualTo(2);
        assertThat(order.header("ETag")).contains("\"2\"");
        assertThat(new Http(port, "viewer")
                        .post("/api/orders/" + id + "/notes", "{\"text\": \"hi\"}")
                        .status())
                .isEqualTo(403);
        assertThat(agent.post("/api/orders/" + id + "/notes", "{\"text\": \"" + "x".repeat(4001) + "\"}")
                        .status())
                .isEqualTo(400);
        agent.post("/api/orders/" + id + "/cancel", "{\"reason\": \"gone\"}");
        var closed = agent.post("/api/orders/" + id + "/notes", "{\"text\": \"anyone?\"}");
        assertThat(closed.json().get("code").asText()).isEqualTo("DISCUSSION_CLOSED");
    }
}

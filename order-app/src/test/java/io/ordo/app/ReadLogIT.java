package io.ordo.app;

import static io.ordo.app.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.app.support.Http;
import io.ordo.app.support.OrdoIntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who read what: every answer about an order (detail, asOf, timeline, notes, events) and every audit export is in
 * the read log, with who and when; writes, lists, refusals and the read log's own pages are not.
 */
@OrdoIntegrationTest
class ReadLogIT {

    @LocalServerPort
    int port;

    private static List<String> entries(JsonNode page) {
        var entries = new ArrayList<String>();
        for (JsonNode read : page.get("items")) {
            entries.add(read.get("by").asText() + " " + read.get("what").asText());
        }
        return entries;
    }

    @Test
    void the_read_log_lists_exactly_the_reads_made_per_user_and_what() {
        var agent = new Http(port, "agent");
        var manager = agent.as("manager");
        var auditor = agent.as("auditor");
        Instant start = Instant.now();
        var created = agent.post("/api/orders", OrderFlowIT.standardOrder("Read Log"));
        String id = created.json().get("id").asText();
        assertThat(agent.post("/api/orders/" + id + "/status", "{\"status\": \"pending\"}")
                        .status())
                .isEqualTo(200);

        assertThat(agent.get("/api/orders/" + id).status()).isEqualTo(200);
        assertThat(agent.get("/api/orders/" + id).status()).isEqualTo(200);
        assertThat(manager.get("/api/orders/" + id + "/timeline").status()).isEqualTo(200);
        assertThat(manager.get("/api/orders/" + id + "/events").status()).isEqualTo(200);
        assertThat(manager.get("/api/orders/" + id + "?asOf=" + Instant.now()).status())
                .isEqualTo(200);
        assertThat(agent.get("/api/orders/" + id + "/notes").status()).isEqualTo(200);
        assertThat(agent.as("agent2").get("/api/orders/" + id).status())
                .as("not its order")
                .isEqualTo(404);
        assertThat(agent.as("customer").get("/api/orders/" + id + "/notes").status())
                .isIn(403, 404);
        assertThat(agent.get("/api/orders?q=Read%20Log").status()).isEqualTo(200);
        assertThat(auditor.get("/api/audit/export?format=ndjson&actor=agent&from=" + start)
                        .status())
                .isEqualTo(200);

        JsonNode ofOrder = eventually(
                () -> auditor.get("/api/audit/reads?orderId=" + id).json(),
                page -> page.get("items").size() >= 6);
        assertThat(entries(ofOrder))
                .as("newest first")
                .containsExactly(
                        "agent notes",
                        "manager asOf",
                        "manager events",
                        "manager timeline",
                        "agent detail",
                        "agent detail");
        assertThat(ofOrder.at("/items/0/orderId").asText()).isEqualTo(id);
        assertThat(Instant.parse(ofOrder.at("/items/5/at").asText())).isAfterOrEqualTo(start.minusSeconds(1));

        JsonNode byAuditor = eventually(
                () -> auditor.get("/api/audit/reads?actor=auditor&from=" + start)
                        .json(),
                page -> page.get("items").size() >= 1);
        assertThat(entries(byAuditor)).containsExactly("auditor export");
        assertThat(byAuditor.at("/items/0/orderId").isNull()).isTrue();
        assertThat(byAuditor.at("/items/0/filters").asText()).isEqualTo("actor=agent&from=" + start);

        JsonNode managersPage = auditor.get("/api/audit/reads?actor=manager&orderId=" + id + "&limit=2")
                .json();
        assertThat(entries(managersPage)).containsExactly("manager asOf", "manager events");
        assertThat(managersPage.get("hasMore").asBoolean()).isTrue();
        JsonNode next = auditor.get("/api/audit/reads?actor=manager&orderId=" + id + "&limit=2&cursor="
                        + managersPage.get("nextCursor").asText())
                .json();
        assertThat(entries(next)).containsExactly("manager timeline");
        assertThat(next.get("hasMore").asBoolean()).isFalse();

        assertThat(manager.get("/api/audit/reads").status())
                .as("managers do not read the log")
                .isEqualTo(403);
        assertThat(agent.as("admin").get("/api/audit/reads?orderId=" + id).status())
                .isEqualTo(200);
        assertThat(auditor.get("/api/audit/reads?limit=0").status()).isEqualTo(400);
    }
}

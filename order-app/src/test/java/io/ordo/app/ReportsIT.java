package io.ordo.app;

import static io.ordo.app.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.app.support.Http;
import io.ordo.app.support.OrdoIntegrationTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** The summary report on a database of its own, so every figure can be checked exactly. */
@OrdoIntegrationTest
@TestPropertySource(properties = "ordo.test.database=reports")
class ReportsIT {

    @LocalServerPort
    int port;

    private String order(Http http, String body) {
        var created = http.post("/api/orders", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static String priced(String workflow, String currency, String price, int quantity) {
        return """
                {"workflow": "%s", "customer": {"name": "R"}, "deliveryAddress": "x", "currency": "%s",
                 "items": [{"sku": "A", "quantity": %d, "unitPrice": "%s"}]}""".formatted(workflow, currency, quantity, price);
    }

    @Test
    void summary_counts_sums_and_rates_within_the_callers_bound() {
        var agent = new Http(port, "agent");
        order(agent, priced("checkout", "USD", "100.00", 2));
        order(agent, priced("checkout", "USD", "100.01", 1));
        order(agent, priced("marketplace", "JPY", "1500", 1));
        String cancelled = order(agent, priced("standard", "USD", "50.00", 1));
        agent.post("/api/orders/" + cancelled + "/cancel", "{\"reason\": \"no\"}");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String late = order(agent, """
                {"workflow": "lead_campaign", "leadsPurchased": 5, "targetDeliveryDate": "%s"}""".formatted(today.minusDays(1)));
        agent.post("/api/orders/" + late + "/status", "{\"status\": \"active\"}");
        order(agent, """
                {"workflow": "lead_campaign", "leadsPurchased": 5, "targetDeliveryDate": "%s"}""".formatted(today.plusDays(3)));
        order(new Http(port, "manager-north"), priced("checkout", "USD", "30.00", 1));

        var admin = new Http(port, "admin");
        JsonNode summary = eventually(
                () -> admin.get("/api/reports/summary").json(),
                s -> s.get("totalOrders").asLong() == 7
                        && s.get("activeOrders").asLong() == 6
                        && s.get("byStatus").path("lead_campaign").has("active"));
        assertThat(summary.get("totalOrders").asLong()).isEqualTo(7);
        assertThat(summary.get("activeOrders").asLong()).isEqualTo(6);
        assertThat(summary.get("openOrders").asLong()).isEqualTo(6);
        assertThat(summary.get("overdueCampaigns").asLong()).isEqualTo(1);
        assertThat(summary.get("byStatus").toString())
                .isEqualTo("{\"checkout\":{\"created\":3},\"lead_campaign\":{\"active\":1,\"draft\":1},"
                        + "\"marketplace\":{\"payment_pending\":1},\"standard\":{\"cancelled\":1}}");
        assertThat(summary.get("totalAmountByCurrency").toString()).isEqualTo("{\"JPY\":\"1500\",\"USD\":\"330.01\"}");
        assertThat(summary.get("averageOrderValueByCurrency").toString())
                .isEqualTo("{\"JPY\":\"1500\",\"USD\":\"110.00\"}");
        assertThat(summary.get("cancellationRate").decimalValue()).isEqualByComparingTo("0.1429");

        JsonNode north =
                new Http(port, "manager-north").get("/api/reports/summary").json();
        assertThat(north.get("totalOrders").asLong()).isEqualTo(1);
        assertThat(north.get("totalAmountByCurrency").toString()).isEqualTo("{\"USD\":\"30.00\"}");
        assertThat(new Http(port, "viewer").get("/api/reports/summary").status())
                .isEqualTo(200);
        assertThat(new Http(port, "agent").get("/api/reports/summary").status()).isEqualTo(403);
        assertThat(new Http(port, "customer").get("/api/reports/summary").status())
                .isEqualTo(403);
        assertThat(new Http(port, "globex-admin")
                        .get("/api/reports/summary")
                        .json()
                        .get("totalOrders")
                        .asLong())
                .isZero();

        JsonNode times =
                eventually(() -> admin.get("/api/reports/time-in-status").json(), t -> t.size() >= 6);
        JsonNode draftCampaigns = null;
        JsonNode cancelledStandard = null;
        for (JsonNode row : times) {
            if (row.get("workflow").asText().equals("lead_campaign")
                    && row.get("status").asText().equals("draft")) {
                draftCampaigns = row;
            }
            if (row.get("workflow").asText().equals("standard")
                    && row.get("status").asText().equals("cancelled")) {
                cancelledStandard = row;
            }
        }
        assertThat(draftCampaigns.get("finishedStays").asLong())
                .as("the late campaign left draft")
                .isEqualTo(1);
        assertThat(draftCampaigns.get("currentStays").asLong())
                .as("the other is still in draft")
                .isEqualTo(1);
        assertThat(draftCampaigns.get("averageHours").decimalValue()).isNotNegative();
        assertThat(cancelledStandard.get("currentStays").asLong())
                .as("terminal statuses have no current stays")
                .isZero();
        assertThat(new Http(port, "agent").get("/api/reports/time-in-status").status())
                .isEqualTo(403);
    }
}

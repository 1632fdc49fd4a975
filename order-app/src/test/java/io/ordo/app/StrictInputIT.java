package io.ordo.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.app.support.Http;
import io.ordo.app.support.OrdoIntegrationTest;
import java.util.ArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bodies a lenient reader would take or choke on: each is a 400 problem naming the field, with the security
 * headers, and stores nothing. Money, text and dates are read as the contract writes them, not as Jackson could.
 */
@OrdoIntegrationTest
class StrictInputIT {

    private static final String CUSTOMER =
            "\"customer\": {\"id\": \"cust-1\", \"name\": \"Jane Doe\"}, " + "\"deliveryAddress\": \"1 Main St\"";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http agent;
    String campaignId;
    String orderId;

    @BeforeEach
    void setUp() {
        agent = new Http(port, "agent");
        orderId = created(order("standard", "\"USD\"", "\"100.00\""));
        campaignId = created("{\"workflow\": \"lead_campaign\", \"leadsPurchased\": 5}");
        assertThat(agent.post("/api/orders/" + campaignId + "/status", "{\"status\": \"active\"}")
                        .status())
                .isEqualTo(200);
    }

    private String created(String body) {
        var answer = agent.post("/api/orders", body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json().get("id").asText();
    }

    private static String order(String workflow, String currency, String unitPrice) {
        return "{\"workflow\": \"%s\", %s, \"currency\": %s, \"items\": [{\"sku\": \"S\", \"quantity\": 1, \"unitPrice\": %s}]}"
                .formatted(workflow, CUSTOMER, currency, unitPrice);
    }

    static Stream<Arguments> creates() {
        return Stream.of(
                Arguments.of(
                        "a null line",
                        "{\"workflow\": \"standard\", " + CUSTOMER + ", \"currency\": \"USD\", \"items\": [null]}",
                        "items[0]"),
                Arguments.of(
                        "a key given twice",
                        "{\"workflow\": \"standard\", \"workflow\": \"checkout\", " + CUSTOMER + "}",
                        "workflow"),
                Arguments.of(
                        "a quantity as a string",
                        order("standard", "\"USD\"", "\"1.00\"").replace("\"quantity\": 1", "\"quantity\": \"2\""),
                        "items[0].quantity"),
                Arguments.of(
                        "a name as a number",
                        "{\"workflow\": \"standard\", \"customer\": {\"name\": 42}, \"deliveryAddress\": \"x\"}",
                        "customer.name"),
                Arguments.of(
                        "a description as a boolean",
                        "{\"workflow\": \"standard\", " + CUSTOMER + ", \"description\": false}",
                        "description"),
                Arguments.of("a price with a space", order("standard", "\"USD\"", "\" 1.00\""), "items[0].unitPrice"),
                Arguments.of("a price with a plus", order("standard", "\"USD\"", "\"+1.00\""), "items[0].unitPrice"),
                Arguments.of("a price with an exponent", order("standard", "\"USD\"", "\"1e2\""), "items[0].unitPrice"),
                Arguments.of(
                        "a price number with an exponent", order("standard", "\"USD\"", "1e2"), "items[0].unitPrice"),
                Arguments.of("three decimals for USD", order("standard", "\"USD\"", "\"1.000\""), "items[0].unitPrice"),
                Arguments.of("decimals for JPY", order("standard", "\"JPY\"", "\"1.00\""), "items[0].unitPrice"),
                Arguments.of(
                        "half a surrogate pair",
                        "{\"workflow\": \"standard\", \"customer\": {\"name\": \"Jane \\ud800\"}, \"deliveryAddress\": \"x\"}",
                        "customer.name"),
                Arguments.of(
                        "a date of a far year",
                        "{\"workflow\": \"lead_campaign\", \"leadsPurchased\": 1, \"targetDeliveryDate\": \"+999999999-12-31\"}",
                        "targetDeliveryDate"),
                Arguments.of(
                        "an empty date",
                        "{\"workflow\": \"lead_campaign\", \"leadsPurchased\": 1, \"targetDeliveryDate\": \"\"}",
                        "targetDeliveryDate"));
    }

    @ParameterizedTest(name = "create with {0}")
    @MethodSource("creates")
    void a_create_body_read_leniently_elsewhere_is_a_400_naming_the_field(String what, String body, String field) {
        long before = events();
        refused(agent.post("/api/orders", body), field);
        assertThat(events()).as("events after " + what).isEqualTo(before);
    }

    @Test
    void single_field_bodies_with_a_key_twice_are_400_not_500() {
        long before = events();
        refused(agent.post("/api/orders/" + orderId + "/notes", "{\"text\": \"a\", \"text\": \"b\"}"), "text");
        refused(agent.post("/api/orders/" + orderId + "/cancel", "{\"reason\": \"a\", \"reason\": \"b\"}"), "reason");
        refused(agent.post("/api/orders/" + campaignId + "/leads", "{\"leadId\": \"a\", \"leadId\": \"b\"}"), "leadId");
        refused(agent.patch("/api/orders/" + orderId, "{\"notes\": \"a\", \"notes\": \"b\"}", null), "notes");
        refused(agent.post("/api/orders/" + orderId + "/notes", "{\"text\": 1}"), "text");
        refused(agent.post("/api/orders/" + orderId + "/notes", "{\"text\": false}"), "text");
        refused(agent.patch("/api/orders/" + orderId, "{\"description\": \"\\udc00 alone\"}", null), "description");
        refused(
                agent.patch("/api/orders/" + campaignId, "{\"targetDeliveryDate\": \"+999999999-12-31\"}", null),
                "targetDeliveryDate");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void money_written_as_the_contract_writes_it_is_taken_exactly() {
        var answer = agent.post("/api/orders", order("standard", "\"USD\"", "0.30"));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(answer.json().get("totalAmount").asText()).isEqualTo("0.30");
        var yen = agent.post("/api/orders", order("standard", "\"JPY\"", "\"1500\""));
        assertThat(yen.status()).as(yen.toString()).isEqualTo(201);
        assertThat(yen.json().get("totalAmount").asText()).isEqualTo("1500");
    }

    private static void refused(Http.Answer answer, String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.header("X-Content-Type-Options")).contains("nosniff");
        JsonNode body = answer.json();
        assertThat(body.get("code").asText()).isEqualTo("VALIDATION_FAILED");
        var fields = new ArrayList<String>();
        body.path("errors").forEach(error -> fields.add(error.get("field").asText()));
        assertThat(fields).as(answer.toString()).contains(field);
    }

    private long events() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry")
                .query(Long.class)
                .single();
    }
}

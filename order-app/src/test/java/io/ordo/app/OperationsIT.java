package io.ordo.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ordo.app.support.Http;
import io.ordo.app.support.OrdoIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What operators and API clients rely on before the first order: health, the API description, workflows. */
@OrdoIntegrationTest
class OperationsIT {

    @LocalServerPort
    int port;

    @Test
    void health_liveness_and_readiness_answer_without_credentials() {
        var anonymous = new Http(port, null);
        var health = anonymous.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void openapi_describes_the_order_endpoints() {
        var docs = new Http(port, null).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("openapi").asText()).startsWith("3.");
        assertThat(docs.json().get("paths").has("/api/orders/{id}/status")).isTrue();
        assertThat(docs.json().at("/servers/0/url").asText())
                .as("the server comes from configuration, not from the request's Host")
                .isEqualTo("/");
        assertThat(new Http(port, null).get("/swagger-ui.html").status()).isIn(200, 302);
    }

    @Test
    void the_api_description_states_statuses_problems_headers_and_both_sign_ins() {
        var docs = new Http(port, null).get("/v3/api-docs").json();
        var ids = new ArrayList<String>();
        docs.get("paths").fields().forEachRemaining(path -> {
            if (!path.getKey().startsWith("/api/")) {
                return;
            }
            path.getValue().fields().forEachRemaining(operation -> {
                String where = operation.getKey() + " " + path.getKey();
                ids.add(operation.getValue().path("operationId").asText());
                var responses = operation.getValue().get("responses");
                assertThat(responses.has("401")).as(where + " documents 401").isTrue();
                assertThat(responses
                                .at("/404/content/application~1problem+json/schema/$ref")
                                .asText())
                        .as(where + " answers refusals as problems")
                        .isEqualTo("#/components/schemas/Problem");
            });
        });
        assertThat(ids).doesNotHaveDuplicates().doesNotContain("", "all", "one", "get", "search");
        var create = docs.at("/paths/~1api~1orders/post/responses");
        assertThat(create.has("201")).isTrue();
        assertThat(create.has("200"))
                .as("a create answers 201, its lost answer's retry too")
                .isFalse();
        assertThat(docs.at("/paths/~1api~1orders~1{id}~1notes/post/responses/200/description")
                        .asText())
                .as("a note answers 200 only to a retry whose first answer was lost")
                .startsWith("An Idempotency-Key retry");
        assertThat(create.at("/201/headers").has("Location")).isTrue();
        assertThat(create.at("/201/headers").has("ETag")).isTrue();
        assertThat(docs.at("/paths/~1api~1orders~1{id}~1notes/post/responses").has("201"))
                .isTrue();
        assertThat(docs.at("/paths/~1api~1admin~1projections~1{name}~1replay/post/responses")
                        .has("202"))
                .isTrue();
        assertThat(docs.at("/paths/~1api~1orders~1{id}~1status/post/responses").has("412"))
                .isTrue();
        var order = docs.at("/components/schemas/OrderView");
        assertThat(order.get("required"))
                .as("every field of an order is always answered")
                .hasSize(25);
        assertThat(order.at("/properties/notes/nullable").asBoolean()).isTrue();
        assertThat(order.at("/properties/id/nullable").asBoolean()).isFalse();
        assertThat(order.at("/properties/workflow/enum")).hasSize(5);
        assertThat(docs.at("/components/schemas/ItemRequest/properties/unitPrice/anyOf/0/type")
                        .asText())
                .as("money is a decimal string")
                .isEqualTo("string");
        assertThat(docs.at("/paths/~1api~1orders/get/parameters").findValuesAsText("type"))
                .as("limit is an integer")
                .contains("integer");
        assertThat(docs.at("/components/securitySchemes").has("basic")).isTrue();
        assertThat(docs.at("/components/securitySchemes/bearer/bearerFormat").asText())
                .isEqualTo("JWT");
    }

    /**
     * docs/openapi.json is the document the service serves, for readers of the repository and for the client that
     * order-api-client-test generates from it. A change to the API shows up here first: copy target/openapi.json
     * over docs/openapi.json and review the difference.
     */
    @Test
    void the_served_description_is_the_one_in_docs() throws IOException {
        var served = new Http(port, null).get("/v3/api-docs");
        var json = new ObjectMapper();
        Files.writeString(
                Path.of("target", "openapi.json"),
                json.writerWithDefaultPrettyPrinter().writeValueAsString(served.json()) + "\n");
        assertThat(served.json())
                .as("docs/openapi.json is stale: copy order-app/target/openapi.json over it")
                .isEqualTo(json.readTree(Path.of("..", "docs", "openapi.json").toFile()));
    }

    @Test
    void an_unknown_workflow_is_named_as_a_workflow_and_a_wrong_method_names_the_right_ones() {
        var viewer = new Http(port, "viewer");
        var unknown = viewer.get("/api/workflows/nope");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asText()).isEqualTo("No workflow 'nope'.");
        var wrongMethod = viewer.send("DELETE", "/api/workflows", null, null);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.contentType()).startsWith("application/problem+json");
        assertThat(wrongMethod.header("Allow"))
                .hasValueSatisfying(allow -> assertThat(allow).contains("GET"));
    }

    @Test
    void marketplace_workflow_is_the_contract_table() {
        var answer = new Http(port, "viewer").get("/api/workflows/marketplace");
        assertThat(answer.status()).isEqualTo(200);
        var transitions = answer.json().get("transitions");
        assertThat(transitions.toString()).isEqualTo("""
                {"payment_pending":["cancelled","escrow_locked","failed","payment_confirmed"],\
                "payment_confirmed":["cancelled","order_confirmed","refunded"],\
                "escrow_locked":["cancelled","disputed","order_confirmed"],\
                "order_confirmed":["cancelled","processing"],\
                "processing":["cancelled","ready_to_ship"],\
                "ready_to_ship":["cancelled","shipped"],\
                "shipped":["delivered","in_transit"],\
                "in_transit":["delivered","out_for_delivery"],\
                "out_for_delivery":["delivered"],\
                "delivered":["completed","disputed"],\
                "disputed":["cancelled","completed","refunded"]}""");
        assertThat(answer.json().get("terminalStatuses").toString())
                .isEqualTo("[\"completed\",\"cancelled\",\"refunded\",\"failed\"]");
        assertThat(answer.json().get("initialStatuses").toString()).isEqualTo("[\"payment_pending\"]");
        assertThat(answer.json().get("cancelledStatus").asText()).isEqualTo("cancelled");
        assertThat(new Http(port, "viewer").get("/api/workflows/barter").status())
                .isEqualTo(404);
    }
}

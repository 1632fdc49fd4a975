package io.ordo.app;

import static io.ordo.app.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ordo.adapters.persistence.testing.TestDatabase;
import io.ordo.app.support.OrdoProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.Driver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Ordo started as an operator starts it for a log shipper, with {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs}
 * (and DEBUG for Ordo's own loggers, so that the handling of each event is logged): a create and a status
 * change, then every line the two requests and the handling of their events wrote is one JSON object carrying
 * the correlation id its events' metadata carries, the tenant, the user and the order.
 */
class StructuredLogsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OrdoProcess ordo;

    @AfterEach
    void stop() throws InterruptedException {
        if (ordo != null) {
            ordo.kill();
        }
    }

    @Test
    void every_line_of_a_request_and_of_its_event_handling_carries_its_correlation_id_tenant_and_user()
            throws Exception {
        var server = TestDatabase.server();
        String url = TestDatabase.newDatabase("logs");
        var jdbc = JdbcClient.create(new SimpleDriverDataSource(new Driver(), url, server.user(), server.password()));
        ordo = OrdoProcess.start(
                url,
                server,
                "structured-logs.log",
                Map.of("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs", "LOGGING_LEVEL_IO_ORDO", "DEBUG"),
                "--ordo.node-id=logs");
        var agent = ordo.as("agent");
        int before = ordo.logLines().size();

        var created = agent.post("/api/orders", OrderFlowIT.standardOrder("Logs"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asText();
        var moved = agent.post("/api/orders/" + id + "/status", "{\"status\": \"pending\"}");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);

        List<String> correlationIds =
                jdbc.sql("""
                        SELECT convert_from(meta_data, 'UTF8')::json ->> 'correlationId' FROM domain_event_entry
                        WHERE aggregate_identifier = :id ORDER BY sequence_number""").param("id", id).query(String.class).list();
        assertThat(correlationIds).hasSize(2).doesNotContainNull().doesNotHaveDuplicates();

        // the streaming projections handle both events behind the answers
        List<JsonNode> lines = eventually(
                () -> linesSince(before),
                written -> written.stream()
                                .filter(line ->
                                        line.path("message").asText().startsWith("streaming-projections handled "))
                                .count()
                        >= 2,
                Duration.ofSeconds(30));

        var ofRequests = new ArrayList<JsonNode>();
        for (JsonNode line : lines) {
            String thread = line.path("process").path("thread").path("name").asText();
            String logger = line.path("log").path("logger").asText();
            if (thread.startsWith("http-nio") || logger.endsWith("MessageLogContext")) {
                ofRequests.add(line);
            }
        }
        assertThat(ofRequests)
                .as("every line of the requests and of their event handling")
                .isNotEmpty()
                .allSatisfy(line -> {
                    assertThat(line.path("correlationId").asText()).isIn(correlationIds);
                    assertThat(line.path("tenant").asText()).isEqualTo("acme");
                    assertThat(line.path("user").asText()).isEqualTo("agent");
                    assertThat(line.path("orderId").asText()).isEqualTo(id);
                });
        for (int event = 0; event < 2; event++) {
            String correlationId = correlationIds.get(event);
            var messages = ofRequests.stream()
                    .filter(line -> line.path("correlationId").asText().equals(correlationId))
                    .map(line -> line.path("message").asText())
                    .toList();
            String request =
                    event == 0 ? "POST /api/orders answered 201" : "POST /api/orders/" + id + "/status answered 200";
            String type = event == 0 ? "OrderCreated #0" : "OrderStatusChanged #1";
            assertThat(messages)
                    .as("the lines of request %d", event + 1)
                    .anyMatch(message -> message.startsWith(request))
                    .anyMatch(message -> message.startsWith("command-transaction handled " + type))
                    .anyMatch(message -> message.startsWith("streaming-projections handled " + type));
        }
        Set<String> streamingThreads = new java.util.HashSet<>();
        ofRequests.stream()
                .filter(line -> line.path("message").asText().startsWith("streaming-projections handled"))
                .forEach(line -> streamingThreads.add(
                        line.path("process").path("thread").path("name").asText()));
        assertThat(streamingThreads)
                .as("handled on the processor's own thread")
                .isNotEmpty()
                .noneMatch(t -> t.startsWith("http-nio"));
    }

    private List<JsonNode> linesSince(int before) {
        try {
            List<String> all = ordo.logLines();
            var parsed = new ArrayList<JsonNode>();
            for (String line : all.subList(before, all.size())) {
                JsonNode json = JSON.readTree(line);
                assertThat(json.isObject())
                        .as("one JSON object per line: %s", line)
                        .isTrue();
                parsed.add(json);
            }
            return parsed;
        } catch (java.io.IOException e) {
            throw new AssertionError("a log line is not JSON", e);
        }
    }
}

package io.ordo.app;

import static io.ordo.app.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.app.support.Http;
import io.ordo.app.support.OwnService;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A scripted session (creates, moves, a refused move, a parked event), then {@code /actuator/prometheus} as an
 * operator's Prometheus reads it: each of Ordo's series with the right count, and no label carrying an order id.
 */
class PrometheusIT {

    static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Test
    void the_scrape_counts_the_session_and_names_no_order() throws Exception {
        try (var service = OwnService.start("prometheus")) {
            var agent = new Http(service.httpPort(), "agent");
            var jdbc = service.app().getBean(JdbcClient.class);
            String[] ids = new String[3];
            for (int i = 0; i < 3; i++) {
                var created = agent.post("/api/orders", OrderFlowIT.standardOrder("Scraped " + i));
                assertThat(created.status()).isEqualTo(201);
                ids[i] = created.json().get("id").asText();
            }
            for (int i = 0; i < 2; i++) {
                assertThat(agent.post("/api/orders/" + ids[i] + "/status", "{\"status\": \"pending\"}")
                                .status())
                        .isEqualTo(200);
            }
            var refused = agent.post("/api/orders/" + ids[0] + "/status", "{\"status\": \"delivered\"}");
            assertThat(refused.status()).isEqualTo(409);

            // a fault in the list for the third order: its next event is parked
            eventually(
                    () -> agent.get("/api/orders?q=Scraped").json().get("items").size(),
                    n -> n == 3,
                    Duration.ofSeconds(10));
            jdbc.sql("""
                    CREATE FUNCTION fail_scraped() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        IF NEW.order_id = '%s'::uuid THEN RAISE EXCEPTION 'list refuses the order'; END IF;
                        RETURN NEW;
                    END $$""".formatted(ids[2])).update();
            jdbc.sql("CREATE TRIGGER fail_scraped BEFORE UPDATE ON order_list_blue FOR EACH ROW "
                            + "EXECUTE FUNCTION fail_scraped()")
                    .update();
            assertThat(agent.post("/api/orders/" + ids[2] + "/status", "{\"status\": \"pending\"}")
                            .status())
                    .isEqualTo(200);

            var ops = agent.as("ops");
            String scrape = eventually(
                    () -> ops.get("/actuator/prometheus").text(),
                    text -> text.contains("ordo_dead_letters{projection=\"order-list\"} 1.0"),
                    Duration.ofSeconds(20));
            assertThat(scrape)
                    .contains("ordo_commands_total{outcome=\"accepted\",type=\"CreateOrderCommand\"} 3.0")
                    .contains("ordo_commands_total{outcome=\"accepted\",type=\"ChangeOrderStatusCommand\"} 3.0")
                    .contains(
                            "ordo_commands_total{outcome=\"invalid_transition\",type=\"ChangeOrderStatusCommand\"} 1.0")
                    .contains("ordo_events_appended_total{type=\"OrderCreated\"} 3.0")
                    .contains("ordo_events_appended_total{type=\"OrderStatusChanged\"} 3.0")
                    .contains("ordo_dead_letters{projection=\"order-list\"} 1.0")
                    .contains("ordo_dead_letters{projection=\"audit\"} 0.0")
                    .contains("ordo_projection_lag_seconds{projection=\"order-list\"}")
                    .contains("ordo_projection_lag_seconds{projection=\"audit\"}")
                    .contains("ordo_outbox_pending ")
                    .contains("uri=\"/api/orders/{id}/status\"")
                    .contains("hikaricp_connections_active");
            // every series the Grafana dashboard in docs/ draws exists (those counted on first use aside)
            var lazily = java.util.Set.of(
                    "ordo_webhooks_received_total",
                    "ordo_notifications_total",
                    "ordo_kafka_published_total",
                    "ordo_orders_stuck");
            String dashboard = java.nio.file.Files.readString(
                    java.nio.file.Path.of("..", "docs", "grafana", "ordo-dashboard.json"));
            var used = Pattern.compile("\\b((?:ordo|http_server_requests|hikaricp|jvm)_[a-z_]+)\\{")
                    .matcher(dashboard);
            int checked = 0;
            while (used.find()) {
                String series = used.group(1);
                if (!lazily.contains(series)) {
                    assertThat(scrape.contains(series + "{") || scrape.contains(series + " "))
                            .as("the dashboard's " + series + " is scraped")
                            .isTrue();
                    checked++;
                }
            }
            assertThat(checked).isGreaterThan(10);
            // Axon's own (axon-micrometer, dimensional): the command bus and the streaming processors; those in the
            // command's transaction are timed with the command
            assertThat(scrape)
                    .contains("commandBus_successCounter_total{")
                    .containsPattern(
                            "eventProcessor_successCounter_total\\{[^}]*processorName=\"streaming-projections\"")
                    .doesNotContainPattern("eventProcessor_[a-zA-Z_]+\\{[^}]*processorName=\"command-transaction\"");
            assertThat(UUID.matcher(scrape).find())
                    .as("an order id in a label: "
                            + (UUID.matcher(scrape).find()
                                    ? scrape.substring(Math.max(0, scrapeIndex(scrape) - 200), scrapeIndex(scrape) + 60)
                                    : ""))
                    .isFalse();
        }
    }

    private static int scrapeIndex(String scrape) {
        var matcher = UUID.matcher(scrape);
        return matcher.find() ? matcher.start() : 0;
    }
}

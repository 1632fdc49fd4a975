package io.ordo.app;

import static io.ordo.app.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ordo.app.support.Http;
import io.ordo.app.support.OrdoIntegrationTest;
import io.ordo.projections.Projection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A projection that fails on one order's event parks it (and the order's later events), keeps projecting
 * other orders, and projects the parked events once the fault is fixed and the operator retries.
 */
@OrdoIntegrationTest
class DeadLetterIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    private static JsonNode lettersOf(Http ops, String orderId) {
        var mine = JsonNodeFactory.instance.arrayNode();
        ops.get("/api/admin/dead-letters").json().forEach(letter -> {
            if (letter.get("orderId").asText().equals(orderId)) {
                mine.add(letter);
            }
        });
        return mine;
    }

    @AfterEach
    void removeFault() {
        for (String slot : new String[] {"blue", "green"}) {
            jdbc.sql("DROP TRIGGER IF EXISTS fail_one_order ON order_list_" + slot)
                    .update();
        }
    }

    /** The fault: the list refuses any change to one order (a stand-in for a bug in a handler). */
    private void breakListFor(String orderId) {
        breakList(orderId, "UPDATE", "blue", "green");
    }

    /** The list's tables {@code slots} refuse the row of one order on {@code operations}. */
    /** The types of an order's audit entries, newest first. */
    private static List<String> auditTypesOf(Http admin, String orderId) {
        var types = new ArrayList<String>();
        admin.get("/api/audit?orderId=" + orderId)
                .json()
                .get("items")
                .forEach(item -> types.add(item.get("type").asText()));
        return types;
    }

    private void breakList(String orderId, String operations, String... slots) {
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION fail_one_order() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.order_id = '%s'::uuid THEN RAISE EXCEPTION 'list refuses order %%', NEW.order_id; END IF;
                    RETURN NEW;
                END $$""".formatted(orderId)).update();
        for (String slot : slots) {
            jdbc.sql("CREATE TRIGGER fail_one_order BEFORE " + operations + " ON order_list_" + slot
                            + " FOR EACH ROW EXECUTE FUNCTION fail_one_order()")
                    .update();
        }
    }

    /**
     * Two failing events in one batch, each failing in its handler: the batch stops at the first, which is then
     * retried alone and parked; the retry's batch stops at the second. Parking the first must not be undone by
     * the second failure (it once was, and the two alternated for ever while the projection stood still).
     */
    @Test
    void two_failing_events_in_one_batch_are_both_parked_and_the_projection_goes_on() {
        var admin = new Http(port, "admin");
        var ops = new Http(port, "ops");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String first = admin.post("/api/orders", OrderFlowIT.standardOrder("Twin A " + tag))
                .json()
                .get("id")
                .asText();
        String second = admin.post("/api/orders", OrderFlowIT.standardOrder("Twin B " + tag))
                .json()
                .get("id")
                .asText();
        String healthy = admin.post("/api/orders", OrderFlowIT.standardOrder("Twin C " + tag))
                .json()
                .get("id")
                .asText();
        eventually(
                () -> admin.get("/api/orders?q=" + tag).json(),
                page -> page.get("items").size() == 3);
        // the fault: the two orders' list rows cannot be read back, so their next events fail in the handler
        for (String slot : new String[] {"blue", "green"}) {
            jdbc.sql("UPDATE order_list_" + slot + " SET document = '[]'::jsonb WHERE order_id IN (:a, :b)")
                    .param("a", UUID.fromString(first))
                    .param("b", UUID.fromString(second))
                    .update();
        }

        // held while the three changes are stored, so that the list's next batch has all of them
        var list = processing
                .eventProcessor(Projection.STREAMING_PROCESSOR, StreamingEventProcessor.class)
                .orElseThrow();
        list.shutDown();
        try {
            admin.post("/api/orders/" + first + "/status", "{\"status\": \"pending\"}");
            admin.post("/api/orders/" + second + "/status", "{\"status\": \"pending\"}");
            admin.post("/api/orders/" + healthy + "/status", "{\"status\": \"pending\"}");
        } finally {
            list.start();
        }

        JsonNode healthyRow = eventually(
                () -> admin.get("/api/orders?q=Twin%20C%20" + tag)
                        .json()
                        .get("items")
                        .path(0),
                row -> row.path("status").asText().equals("pending"));
        assertThat(healthyRow.get("status").asText()).isEqualTo("pending");
        assertThat(eventually(() -> lettersOf(ops, first), letters -> letters.size() == 1))
                .hasSize(1);
        assertThat(eventually(() -> lettersOf(ops, second), letters -> letters.size() == 1))
                .hasSize(1);

        // and the projection keeps going: a later change of the healthy order is listed
        admin.post("/api/orders/" + healthy + "/status", "{\"status\": \"confirmed\"}");
        eventually(
                () -> admin.get("/api/orders?q=Twin%20C%20" + tag)
                        .json()
                        .get("items")
                        .path(0),
                row -> row.path("status").asText().equals("confirmed"));
        assertThat(lettersOf(ops, first)).hasSize(1);
        assertThat(lettersOf(ops, second)).hasSize(1);
    }

    @Test
    void a_failing_event_is_parked_others_flow_and_a_retry_after_the_fix_projects_it() {
        var admin = new Http(port, "admin");
        var ops = new Http(port, "ops");
        String broken = admin.post("/api/orders", OrderFlowIT.standardOrder("Poisoned"))
                .json()
                .get("id")
                .asText();
        String healthy = admin.post("/api/orders", OrderFlowIT.standardOrder("Healthy"))
                .json()
                .get("id")
                .asText();
        eventually(
                () -> admin.get("/api/orders?q=Poisoned").json(),
                page -> page.get("items").size() == 1);
        breakListFor(broken);

        admin.post("/api/orders/" + broken + "/status", "{\"status\": \"pending\"}");
        admin.post("/api/orders/" + broken + "/status", "{\"status\": \"confirmed\"}");
        admin.post("/api/orders/" + healthy + "/status", "{\"status\": \"pending\"}");

        JsonNode healthyRow = eventually(
                () -> admin.get("/api/orders?q=Healthy").json().get("items").path(0),
                row -> row.path("status").asText().equals("pending"));
        assertThat(healthyRow.get("status").asText())
                .as("other orders keep flowing")
                .isEqualTo("pending");
        // only this test's letters: other tests share the database
        JsonNode letters = eventually(() -> lettersOf(ops, broken), list -> list.size() == 2);
        assertThat(letters).hasSize(2);
        assertThat(letters.get(0).get("projection").asText()).isEqualTo("order-list");
        assertThat(letters.get(0).get("orderId").asText()).isEqualTo(broken);
        assertThat(letters.get(0).get("eventType").asText()).isEqualTo("OrderStatusChanged");
        assertThat(letters.get(0).get("error").asText())
                .contains("list refuses order")
                .as("no order data in a letter")
                .doesNotContain("Poisoned")
                .doesNotContain("poisoned");
        assertThat(letters.get(0).get("attempts").asInt()).isEqualTo(1);
        assertThat(letters.get(0).has("payload")).isFalse();
        assertThat(admin.get("/api/orders?q=Poisoned")
                        .json()
                        .get("items")
                        .get(0)
                        .get("status")
                        .asText())
                .isEqualTo("draft");
        assertThat(admin.get("/api/orders/" + broken).json().get("status").asText())
                .as("the detail is not the list: it answered the write")
                .isEqualTo("confirmed");
        assertThat(auditTypesOf(admin, broken))
                .as("the audit shares the list's processor: the order's parked events wait for it too")
                .containsExactly("OrderCreated");

        String id = letters.get(0).get("id").asText();
        var stillBroken = ops.post("/api/admin/dead-letters/" + id + "/retry", "{}");
        assertThat(stillBroken.json().get("projected").asInt()).isZero();
        assertThat(lettersOf(ops, broken).get(0).get("attempts").asInt()).isEqualTo(2);

        removeFault();
        var retried = ops.post("/api/admin/dead-letters/" + id + "/retry", "{}");
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().get("projected").asInt()).isEqualTo(2);
        assertThat(lettersOf(ops, broken)).isEmpty();
        assertThat(auditTypesOf(admin, broken))
                .as("the retry projects the parked events into every projection of the processor")
                .containsExactly("OrderStatusChanged", "OrderStatusChanged", "OrderCreated");
        assertThat(admin.get("/api/orders?q=Poisoned")
                        .json()
                        .get("items")
                        .get(0)
                        .get("status")
                        .asText())
                .isEqualTo("confirmed");

        assertThat(ops.post("/api/admin/dead-letters/999999/retry", "{}").status())
                .isEqualTo(404);
        assertThat(admin.get("/api/admin/dead-letters").status()).isEqualTo(403);
    }

    /**
     * The rebuilds share one processor: an event that a projection's rebuild cannot project is parked there under
     * that projection's name (with the order's later events behind it), the rebuild does not take over while it is
     * parked, and once the fault is fixed a retry projects the events and the rebuild takes over.
     */
    @Test
    void a_rebuild_parks_what_it_cannot_project_and_takes_over_only_after_the_retry() {
        var admin = new Http(port, "admin");
        var ops = new Http(port, "ops");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String broken = admin.post("/api/orders", OrderFlowIT.standardOrder("Rebuild poisoned " + tag))
                .json()
                .get("id")
                .asText();
        admin.post("/api/orders/" + broken + "/status", "{\"status\": \"pending\"}");
        eventually(
                () -> admin.get("/api/orders?q=" + tag).json().get("items").path(0),
                row -> row.path("status").asText().equals("pending"));
        String idle = jdbc.sql("SELECT CASE active_slot WHEN 'blue' THEN 'green' ELSE 'blue' END FROM projection_slot"
                        + " WHERE name = 'order-list'")
                .query(String.class)
                .single();
        // the fault: the rebuilt list cannot take the order's row
        breakList(broken, "INSERT OR UPDATE", idle);

        assertThat(ops.post("/api/admin/projections/order-list/replay", "{}").status())
                .isEqualTo(202);
        // a rebuild streams every event in the shared database: more patience than for one order's write
        JsonNode letters = eventually(() -> lettersOf(ops, broken), found -> found.size() == 2, REBUILD);
        assertThat(letters)
                .extracting(letter -> letter.get("processor").asText())
                .containsOnly("projection-rebuild");
        assertThat(letters)
                .extracting(letter -> letter.get("projection").asText())
                .containsOnly("order-list");
        assertThat(letters)
                .extracting(letter -> letter.get("eventType").asText())
                .containsExactly("OrderCreated", "OrderStatusChanged");
        assertThat(letters.get(0).get("error").asText())
                .contains("list refuses order")
                .as("no order data in a letter")
                .doesNotContain(tag);
        // the rebuild reaches the head, but with a parked event it must not take over
        eventually(
                () -> ops.get("/api/admin/projections").json(), statuses -> progressOfList(statuses) == 100.0, REBUILD);
        sleep(Duration.ofSeconds(2));
        assertThat(stateOfList(ops.get("/api/admin/projections").json())).isEqualTo("replaying");

        removeFault();
        var retried =
                ops.post("/api/admin/dead-letters/" + letters.get(0).get("id").asText() + "/retry", "{}");
        assertThat(retried.json().get("projected").asInt()).isEqualTo(2);
        eventually(
                () -> ops.get("/api/admin/projections").json(),
                statuses -> stateOfList(statuses).equals("live"),
                REBUILD);
        assertThat(jdbc.sql("SELECT active_slot FROM projection_slot WHERE name = 'order-list'")
                        .query(String.class)
                        .single())
                .isEqualTo(idle);
        assertThat(admin.get("/api/orders?q=" + tag)
                        .json()
                        .get("items")
                        .get(0)
                        .get("status")
                        .asText())
                .isEqualTo("pending");
        assertThat(lettersOf(ops, broken)).isEmpty();
    }

    private static final Duration REBUILD = Duration.ofSeconds(60);

    private static JsonNode listStatus(JsonNode statuses) {
        for (JsonNode status : statuses) {
            if (status.get("name").asText().equals("order-list")) {
                return status;
            }
        }
        throw new AssertionError("no order-list in " + statuses);
    }

    private static double progressOfList(JsonNode statuses) {
        return listStatus(statuses).get("progress").asDouble();
    }

    private static String stateOfList(JsonNode statuses) {
        return listStatus(statuses).get("state").asText();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

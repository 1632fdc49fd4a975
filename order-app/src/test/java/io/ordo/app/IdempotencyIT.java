package io.ordo.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.app.support.Http;
import io.ordo.app.support.OrdoIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Idempotency-Key: a retried or duplicated POST creates nothing twice and gets the first answer again. */
@OrdoIntegrationTest
class IdempotencyIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IdempotencyHousekeeping housekeeping;

    /** How many orders of this customer name were stored (the detail holds the name open; the events seal it). */
    private long ordersNamed(String name) {
        return jdbc.sql("""
                        SELECT count(DISTINCT order_id) FROM (
                            SELECT order_id, document FROM order_detail_blue
                            UNION ALL SELECT order_id, document FROM order_detail_green) d
                        WHERE document -> 'customer' ->> 'name' = :name""").param("name", name).query(Long.class).single();
    }

    @Test
    void a_hundred_concurrent_posts_with_one_key_create_one_order_and_get_one_answer() throws Exception {
        var agent = new Http(port, "agent");
        String name = "Once " + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String body = OrderFlowIT.standardOrder(name);
        var pool = Executors.newFixedThreadPool(100);
        var start = new CountDownLatch(1);
        try {
            List<Future<Http.Answer>> futures = new ArrayList<>();
            Callable<Http.Answer> post = () -> {
                start.await();
                return agent.postOnce("/api/orders", body, key);
            };
            for (int i = 0; i < 100; i++) {
                futures.add(pool.submit(post));
            }
            start.countDown();
            var answers = new ArrayList<Http.Answer>();
            for (var future : futures) {
                answers.add(future.get());
            }
            assertThat(answers)
                    .allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(201));
            assertThat(answers)
                    .extracting(Http.Answer::text)
                    .containsOnly(answers.get(0).text());
            assertThat(answers)
                    .extracting(a -> a.header("Location").orElse(null))
                    .containsOnly(answers.get(0).header("Location").orElseThrow());
            assertThat(answers).extracting(a -> a.header("ETag").orElse(null)).containsOnly("\"0\"");
            assertThat(answers.stream()
                            .filter(a -> a.header("Idempotent-Replayed").isPresent())
                            .count())
                    .isEqualTo(99);
        } finally {
            pool.shutdownNow();
        }
        assertThat(ordersNamed(name)).isEqualTo(1);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry
                        WHERE convert_from(meta_data, 'UTF8')::jsonb ->> 'idempotencyKey' = :key""").param("key", key).query(Long.class).single())
                .as("the key travels with the event it caused, committed in the same transaction")
                .isEqualTo(1);
    }

    @Test
    void the_same_key_with_another_body_is_refused_and_keys_belong_to_their_user() {
        var agent = new Http(port, "agent");
        String key = UUID.randomUUID().toString();
        String name = "Keyed " + UUID.randomUUID();
        var first = agent.postOnce("/api/orders", OrderFlowIT.standardOrder(name), key);
        assertThat(first.status()).isEqualTo(201);
        // the same JSON, keys reordered and spaced differently, is the same request
        var reordered = agent.postOnce(
                "/api/orders",
                OrderFlowIT.standardOrder(name)
                        .replace("\"workflow\": \"standard\", ", "")
                        .replaceFirst("\\{", "{\"workflow\":\"standard\",  "),
                key);
        assertThat(reordered.status()).isEqualTo(201);
        assertThat(reordered.text()).isEqualTo(first.text());
        var other = agent.postOnce("/api/orders", OrderFlowIT.standardOrder("Someone else"), key);
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        var anotherUser = new Http(port, "agent2").postOnce("/api/orders", OrderFlowIT.standardOrder(name), key);
        assertThat(anotherUser.status()).as("keys are scoped to the user").isEqualTo(201);
        assertThat(ordersNamed(name)).isEqualTo(2);
        assertThat(agent.postOnce("/api/orders", OrderFlowIT.standardOrder(name), "x".repeat(256))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void after_its_customer_is_erased_the_same_request_still_replays_its_answer_erased() {
        var agent = new Http(port, "agent");
        String key = UUID.randomUUID().toString();
        String customer = "cust-keyed-" + UUID.randomUUID();
        String body = """
                {"workflow": "standard", "customer": {"id": "%s", "name": "Keyla Forgotten", "phone": "+15550142"},
                 "deliveryAddress": "4 Key Road", "currency": "USD",
                 "items": [{"sku": "K-1", "name": "Key", "quantity": 1, "unitPrice": "5.00"}]}""".formatted(customer);
        var first = agent.postOnce("/api/orders", body, key);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        var erased = agent.as("admin").post("/api/customers/" + customer + "/erase", "{\"reason\": \"asked\"}");
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);

        var retried = agent.postOnce("/api/orders", body, key);

        assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).contains("true");
        assertThat(retried.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retried.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(retried.json().at("/customer/name").asText()).isEqualTo("[erased]");
        assertThat(retried.json().get("deliveryAddress").asText()).isEqualTo("[erased]");
        assertThat(retried.text()).doesNotContain("Keyla", "Key Road");
        var otherLines = agent.postOnce("/api/orders", body.replace("\"quantity\": 1", "\"quantity\": 2"), key);
        assertThat(otherLines.status())
                .as("a different request is still refused")
                .isEqualTo(409);
        assertThat(otherLines.json().get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(jdbc.sql("""
                                SELECT count(*) FROM order_data_key WHERE customer_id = :customer""").param("customer", customer).query(Long.class).single())
                .as("one order of this customer")
                .isEqualTo(1);
    }

    @Test
    void refusals_are_replayed_too_and_writes_on_orders_happen_once() {
        var agent = new Http(port, "agent");
        String id = agent.post("/api/orders", OrderFlowIT.standardOrder("Moved once"))
                .json()
                .get("id")
                .asText();
        String key = UUID.randomUUID().toString();
        var moved = agent.postOnce("/api/orders/" + id + "/status", "{\"status\": \"pending\"}", key);
        var again = agent.postOnce("/api/orders/" + id + "/status", "{\"status\": \"pending\"}", key);
        assertThat(moved.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text()).isEqualTo(moved.text());
        assertThat(agent.get("/api/orders/" + id).json().get("version").asLong())
                .isEqualTo(1);

        String refusedKey = UUID.randomUUID().toString();
        var refused = agent.postOnce("/api/orders/" + id + "/status", "{\"status\": \"delivered\"}", refusedKey);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(agent.postOnce("/api/orders/" + id + "/status", "{\"status\": \"delivered\"}", refusedKey)
                        .text())
                .isEqualTo(refused.text());
    }

    @Test
    void keys_older_than_24_hours_are_deleted_with_the_bodies_they_hold_and_younger_ones_still_replay() {
        var agent = new Http(port, "agent");
        String fresh = "purge-fresh-" + UUID.randomUUID();
        String old = "purge-old-" + UUID.randomUUID();
        var first = agent.postOnce("/api/orders", OrderFlowIT.standardOrder("Purge Fresh"), fresh);
        assertThat(first.status()).isEqualTo(201);
        assertThat(agent.postOnce("/api/orders", OrderFlowIT.standardOrder("Purge Old"), old)
                        .status())
                .isEqualTo(201);
        jdbc.sql("UPDATE idempotency_key SET created_at = now() - interval '25 hours' WHERE idempotency_key = :key")
                .param("key", old)
                .update();

        housekeeping.purge();

        assertThat(jdbc.sql("SELECT count(*) FROM idempotency_key WHERE idempotency_key IN (:keys)")
                        .param("keys", List.of(fresh, old))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        var replayed = agent.postOnce("/api/orders", OrderFlowIT.standardOrder("Purge Fresh"), fresh);
        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.text()).isEqualTo(first.text());
        assertThat(ordersNamed("Purge Fresh")).isEqualTo(1);
    }

    @Test
    void a_key_whose_answer_was_lost_after_its_commit_answers_the_order_as_it_is_now() {
        var agent = new Http(port, "agent");
        String key = "lost-answer-" + UUID.randomUUID();
        var created = agent.postOnce("/api/orders", OrderFlowIT.standardOrder("Lost Answer"), key);
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(jdbc.sql("SELECT order_id FROM idempotency_key WHERE idempotency_key = :key")
                        .param("key", key)
                        .query(String.class)
                        .single())
                .as("the key knows its order from the commit on")
                .isEqualTo(id);
        // the node stopped between storing the events and storing the answer, a minute ago
        jdbc.sql("""
                        UPDATE idempotency_key SET state = 'committed', response_status = NULL, response_body = NULL,
                               content_type = NULL, location = NULL, etag = NULL,
                               claimed_at = now() - interval '1 minute'
                        WHERE idempotency_key = :key""").param("key", key).update();
        assertThat(agent.post("/api/orders/" + id + "/status", "{\"status\": \"pending\"}")
                        .status())
                .isEqualTo(200);

        var retried = agent.postOnce("/api/orders", OrderFlowIT.standardOrder("Lost Answer"), key);

        assertThat(retried.status())
                .as("a create's status, as its first answer had")
                .isEqualTo(201);
        assertThat(retried.header("Location")).isEqualTo(created.header("Location"));
        assertThat(retried.header("Idempotent-Replayed")).contains("true");
        assertThat(retried.header("Content-Location")).contains("/api/orders/" + id);
        assertThat(retried.header("ETag")).contains("\"1\"");
        assertThat(retried.json().get("id").asText()).isEqualTo(id);
        assertThat(retried.json().get("status").asText()).isEqualTo("pending");
        assertThat(ordersNamed("Lost Answer")).as("nothing ran again").isEqualTo(1);
    }
}

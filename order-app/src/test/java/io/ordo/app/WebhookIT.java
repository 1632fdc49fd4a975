package io.ordo.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.app.support.Http;
import io.ordo.app.support.OrdoIntegrationTest;
import io.ordo.application.service.signing.Signatures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Providers' webhooks over HTTP, signed as a provider signs them: a valid signature moves the order as the mapping
 * says; anything else about the signature is a 401 that leaves no event; an event id applies once, also when two
 * deliveries of it race; a word the mapping or the workflow refuses is a 200 {@code rejected} that changes nothing.
 */
@OrdoIntegrationTest
class WebhookIT {

    static final String PAYMENTS_SECRET = "whsec_payments_0123456789";
    static final String SHIPPING_SECRET = "whsec_shipping_0123456789";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http admin;
    Http provider;

    @BeforeEach
    void registerProviders() {
        admin = new Http(port, "admin");
        provider = new Http(port, null);
        assertThat(admin.put("/api/webhook-providers/payflow", """
                        {"kind": "payments", "secret": "%s"}""".formatted(PAYMENTS_SECRET))
                        .status())
                .isEqualTo(200);
        assertThat(admin.put("/api/webhook-providers/parcelnet", """
                        {"kind": "shipping", "secret": "%s"}""".formatted(SHIPPING_SECRET))
                        .status())
                .isEqualTo(200);
    }

    static String order(String workflow, String initial) {
        return """
                {"workflow": "%s", "status": "%s", "customer": {"id": "cust-1", "name": "Webhook Customer"},
                 "deliveryAddress": "1 Main St", "description": "Parcel", "currency": "USD",
                 "items": [{"sku": "SKU-1", "name": "Lamp", "quantity": 1, "unitPrice": "200.00"}]}""".formatted(workflow, initial);
    }

    private JsonNode create(String workflow, String initial, String... moves) {
        var created = admin.post("/api/orders", order(workflow, initial));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asText();
        for (String move : moves) {
            var moved = admin.post("/api/orders/" + id + "/status", "{\"status\": \"" + move + "\"}");
            assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        }
        return admin.get("/api/orders/" + id).json();
    }

    private Http.Answer deliver(String name, String secret, String body) {
        return signedAt(name, secret, body, Instant.now());
    }

    private Http.Answer signedAt(String name, String secret, String body, Instant at) {
        String signature = Signatures.sign(secret, at, body.getBytes(StandardCharsets.UTF_8));
        return provider.postWith("/api/webhooks/acme/" + name, body, Map.of("Ordo-Signature", signature));
    }

    private long events(String orderId) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = :id")
                .param("id", orderId)
                .query(Long.class)
                .single();
    }

    private static String eventId() {
        return "evt_" + UUID.randomUUID();
    }

    @Test
    void a_signed_payment_moves_a_pending_checkout_to_paid_as_the_provider() {
        String id = create("checkout", "created", "pending").get("id").asText();
        String body = """
                {"id": "%s", "status": "succeeded", "orderId": "%s", "paymentIntentId": "pi_1",
                 "amount": "200.00", "currency": "USD"}""".formatted(eventId(), id);

        var answer = deliver("payflow", PAYMENTS_SECRET, body);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().get("outcome").asText()).isEqualTo("applied");
        assertThat(answer.json().get("status").asText()).isEqualTo("paid");
        JsonNode order = admin.get("/api/orders/" + id).json();
        assertThat(order.get("status").asText()).isEqualTo("paid");
        assertThat(order.at("/payment/status").asText()).isEqualTo("succeeded");
        assertThat(order.at("/payment/intentId").asText()).isEqualTo("pi_1");
        JsonNode last = last(admin.get("/api/orders/" + id + "/timeline").json());
        assertThat(last.get("source").asText()).isEqualTo("webhook");
        assertThat(last.get("by").asText()).isEqualTo("payflow");
        var applied = new Http(port, "ops")
                .get("/actuator/metrics/ordo.webhooks.received?tag=provider:payflow&tag=outcome:applied");
        assertThat(applied.status()).isEqualTo(200);
        assertThat(applied.json().at("/measurements/0/value").asDouble()).isPositive();
    }

    private static JsonNode last(JsonNode timeline) {
        JsonNode entries = timeline.isArray() ? timeline : timeline.get("items");
        return entries.get(entries.size() - 1);
    }

    @Test
    void anything_wrong_with_the_signature_is_a_401_and_leaves_no_event() {
        String id = create("checkout", "created", "pending").get("id").asText();
        long before = events(id);
        String body = """
                {"id": "%s", "status": "succeeded", "orderId": "%s"}""".formatted(eventId(), id);
        String good = Signatures.sign(PAYMENTS_SECRET, Instant.now(), body.getBytes(StandardCharsets.UTF_8));
        String tampered = body.replace("succeeded", "succeedeD");

        var refusals = List.of(
                provider.postWith("/api/webhooks/acme/payflow", tampered, Map.of("Ordo-Signature", good)),
                deliver("payflow", "a-wrong-secret-0123456789", body),
                signedAt("payflow", PAYMENTS_SECRET, body, Instant.now().minusSeconds(301)),
                signedAt("payflow", PAYMENTS_SECRET, body, Instant.now().plusSeconds(301)),
                provider.postWith("/api/webhooks/acme/payflow", body, Map.of()),
                provider.postWith("/api/webhooks/acme/payflow", body, Map.of("Ordo-Signature", "t=1,v1=zz")),
                provider.postWith("/api/webhooks/globex/payflow", body, Map.of("Ordo-Signature", good)),
                provider.postWith("/api/webhooks/acme/nobody", body, Map.of("Ordo-Signature", good)));

        assertThat(refusals).allSatisfy(refused -> {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("code").asText()).isEqualTo("UNAUTHENTICATED");
        });
        assertThat(events(id)).isEqualTo(before);
        assertThat(admin.get("/api/orders/" + id).json().get("status").asText()).isEqualTo("pending");
        JsonNode received = new Http(port, "ops")
                .get("/actuator/metrics/ordo.webhooks.received")
                .json();
        var providers = new ArrayList<String>();
        received.get("availableTags").forEach(tag -> {
            if (tag.get("tag").asText().equals("provider")) {
                tag.get("values").forEach(value -> providers.add(value.asText()));
            }
        });
        assertThat(providers)
                .as("a name nobody proved is no label")
                .contains("-")
                .doesNotContain("nobody");
    }

    @Test
    void one_of_several_signatures_during_a_rotation_is_enough() {
        String id = create("checkout", "created", "pending").get("id").asText();
        String body = """
                {"id": "%s", "status": "failed", "orderId": "%s"}""".formatted(eventId(), id);
        Instant now = Instant.now();
        String old = Signatures.sign("the-old-secret-0123456789", now, body.getBytes(StandardCharsets.UTF_8));
        String current = Signatures.sign(PAYMENTS_SECRET, now, body.getBytes(StandardCharsets.UTF_8));
        String both = old + "," + current.substring(current.indexOf("v1="));

        var answer = provider.postWith("/api/webhooks/acme/payflow", body, Map.of("Ordo-Signature", both));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().get("status").asText()).isEqualTo("payment_failed");
    }

    @Test
    void the_same_provider_event_twice_is_one_event_also_when_both_arrive_at_once() throws Exception {
        String id = create("checkout", "created", "pending").get("id").asText();
        long before = events(id);
        String body = """
                {"id": "%s", "status": "succeeded", "orderId": "%s"}""".formatted(eventId(), id);

        assertThat(deliver("payflow", PAYMENTS_SECRET, body)
                        .json()
                        .get("outcome")
                        .asText())
                .isEqualTo("applied");
        var again = deliver("payflow", PAYMENTS_SECRET, body);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("outcome").asText()).isEqualTo("duplicate");
        assertThat(events(id)).isEqualTo(before + 2); // the status change and the provider's facts

        String raced = create("checkout", "created", "pending").get("id").asText();
        long racedBefore = events(raced);
        String racedBody = """
                {"id": "%s", "status": "succeeded", "orderId": "%s"}""".formatted(eventId(), raced);
        var pool = Executors.newFixedThreadPool(8);
        try {
            var start = new CountDownLatch(1);
            var calls = new ArrayList<Future<Http.Answer>>();
            for (int i = 0; i < 8; i++) {
                calls.add(pool.submit((Callable<Http.Answer>) () -> {
                    start.await();
                    return deliver("payflow", PAYMENTS_SECRET, racedBody);
                }));
            }
            start.countDown();
            var outcomes = new ArrayList<String>();
            for (var call : calls) {
                var answer = call.get();
                assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
                outcomes.add(answer.json().get("outcome").asText());
            }
            assertThat(outcomes).containsOnlyOnce("applied").containsOnly("applied", "duplicate");
        } finally {
            pool.shutdownNow();
        }
        assertThat(events(raced)).isEqualTo(racedBefore + 2);
    }

    @Test
    void an_unknown_word_or_a_refused_move_is_rejected_and_changes_nothing() {
        String id = create("checkout", "created").get("id").asText();
        long before = events(id);

        var unknown = deliver("payflow", PAYMENTS_SECRET, """
                {"id": "%s", "status": "teleported", "orderId": "%s"}""".formatted(eventId(), id));
        var noMapping = deliver("payflow", PAYMENTS_SECRET, """
                {"id": "%s", "status": "escrow_created", "orderId": "%s"}""".formatted(eventId(), id));
        var refusedMove = deliver("payflow", PAYMENTS_SECRET, """
                {"id": "%s", "status": "succeeded", "orderId": "%s"}""".formatted(eventId(), id));

        for (var answer : List.of(unknown, noMapping, refusedMove)) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(answer.json().get("outcome").asText()).isEqualTo("rejected");
            assertThat(answer.json().get("reason").asText()).isNotBlank();
        }
        assertThat(refusedMove.json().get("reason").asText())
                .contains("created")
                .contains("paid");
        assertThat(events(id)).isEqualTo(before);
        JsonNode order = admin.get("/api/orders/" + id).json();
        assertThat(order.get("status").asText()).isEqualTo("created");
        assertThat(order.get("payment").isNull()).isTrue();

        JsonNode kept = new Http(port, "auditor")
                .get("/api/webhook-providers/payflow/deliveries?limit=100")
                .json()
                .get("items");
        assertThat(kept.findValuesAsText("reason"))
                .contains(refusedMove.json().get("reason").asText());
    }

    @Test
    void the_carrier_walks_a_marketplace_order_from_ready_to_ship_to_delivered() {
        JsonNode created = create(
                "marketplace",
                "payment_pending",
                "payment_confirmed",
                "order_confirmed",
                "processing",
                "ready_to_ship");
        String id = created.get("id").asText();
        String number = created.get("orderNumber").asText();

        for (String word : List.of("picked_up", "in_transit", "out_for_delivery", "delivered")) {
            var answer = deliver("parcelnet", SHIPPING_SECRET, """
                    {"id": "%s", "status": "%s", "orderNumber": "%s", "carrier": "UPS", "trackingNumber": "1Z999",
                     "location": "Newark, NJ", "estimatedDelivery": "2026-12-09"}""".formatted(eventId(), word, number));
            assertThat(answer.json().get("outcome").asText())
                    .as(answer.toString())
                    .isEqualTo("applied");
        }

        JsonNode order = admin.get("/api/orders/" + id).json();
        assertThat(order.get("status").asText()).isEqualTo("delivered");
        assertThat(order.at("/shipping/carrier").asText()).isEqualTo("UPS");
        assertThat(order.at("/shipping/trackingNumber").asText()).isEqualTo("1Z999");
        assertThat(order.at("/shipping/location").asText()).isEqualTo("Newark, NJ");
        assertThat(order.at("/shipping/estimatedDelivery").asText()).isEqualTo("2026-12-09");
        JsonNode timeline = admin.get("/api/orders/" + id + "/timeline").json();
        JsonNode entries = timeline.isArray() ? timeline : timeline.get("items");
        var byWebhook = new ArrayList<String>();
        for (JsonNode entry : entries) {
            if (entry.get("source").asText().equals("webhook")) {
                assertThat(entry.get("by").asText()).isEqualTo("parcelnet");
                assertThat(entry.get("trackingNumber").asText()).isEqualTo("1Z999");
                byWebhook.add(entry.get("status").asText());
            }
        }
        assertThat(byWebhook).containsExactly("shipped", "in_transit", "out_for_delivery", "delivered");
    }

    @Test
    void an_unknown_order_is_404_and_a_body_without_id_is_400() {
        var unknown = deliver("payflow", PAYMENTS_SECRET, """
                {"id": "%s", "status": "succeeded", "orderId": "%s"}""".formatted(eventId(), UUID.randomUUID()));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(unknown.json().get("code").asText()).isEqualTo("NOT_FOUND");

        var noId = deliver("payflow", PAYMENTS_SECRET, """
                {"status": "succeeded", "orderNumber": "ORD-1"}""");
        assertThat(noId.status()).as(noId.toString()).isEqualTo(400);
        assertThat(noId.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");

        var notJson = deliver("payflow", PAYMENTS_SECRET, "{\"id\": ");
        assertThat(notJson.status()).as(notJson.toString()).isEqualTo(400);
        assertThat(notJson.json().get("code").asText()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void the_secret_is_never_answered_and_is_not_stored_in_clear() {
        var listed = admin.get("/api/webhook-providers");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.text()).contains("payflow").doesNotContain(PAYMENTS_SECRET);
        byte[] stored = jdbc.sql("SELECT secret FROM webhook_provider WHERE tenant_id = 'acme' AND name = 'payflow'")
                .query(byte[].class)
                .single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(PAYMENTS_SECRET);
        assertThat(new Http(port, "agent").get("/api/webhook-providers").status())
                .isEqualTo(403);
        assertThat(admin.put("/api/webhook-providers/Bad_Name", """
                        {"kind": "payments", "secret": "short"}""").status()).isEqualTo(400);
    }
}

package io.ordo.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordo.app.support.Http;
import io.ordo.app.support.OrdoIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Thousands of generated and mutated bodies thrown at create, patch and status: every answer is 2xx or 4xx
 * (never a 5xx), and no refused request leaves an event behind.
 */
@OrdoIntegrationTest
class FuzzIT {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIELDS = List.of(
            "workflow",
            "orderNumber",
            "customer",
            "contactId",
            "conversationId",
            "deliveryAddress",
            "description",
            "notes",
            "location",
            "priority",
            "status",
            "currency",
            "items",
            "leadsPurchased",
            "targetDeliveryDate",
            "justification",
            "reason",
            "note",
            "carrier",
            "trackingNumber",
            "id",
            "name",
            "phone",
            "sku",
            "quantity",
            "unitPrice",
            "tenantId",
            "version");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** Any JSON value, of any type and size, nested a little. */
    static Arbitrary<JsonNode> values(int depth) {
        var scalars = Arbitraries.oneOf(
                Arbitraries.just((JsonNode) NODES.nullNode()),
                Arbitraries.of(true, false).map(b -> (JsonNode) NODES.booleanNode(b)),
                Arbitraries.integers().map(i -> (JsonNode) NODES.numberNode(i)),
                Arbitraries.longs().map(l -> (JsonNode) NODES.numberNode(l)),
                Arbitraries.doubles().map(d -> (JsonNode) NODES.numberNode(d)),
                Arbitraries.bigDecimals().map(d -> (JsonNode) NODES.numberNode(d)),
                Arbitraries.strings().ofMaxLength(50).map(s -> (JsonNode) NODES.textNode(s)),
                Arbitraries.of(
                                "standard",
                                "checkout",
                                "lead_campaign",
                                "production",
                                "marketplace",
                                "USD",
                                "JPY",
                                "BHD",
                                "XXX",
                                "draft",
                                "pending",
                                "cancelled",
                                "canceled",
                                "active",
                                "2026-12-31",
                                "ORD-1",
                                "12.345",
                                "-1",
                                "1e3",
                                "=cmd",
                                "\u0000",
                                "\uD83D\uDE00")
                        .map(s -> (JsonNode) NODES.textNode(s)),
                Arbitraries.strings().ofLength(5000).map(s -> (JsonNode) NODES.textNode(s)));
        if (depth == 0) {
            return scalars;
        }
        var arrays = values(depth - 1).list().ofMaxSize(3).map(list -> {
            ArrayNode array = NODES.arrayNode();
            list.forEach(array::add);
            return (JsonNode) array;
        });
        var objects = Arbitraries.of(FIELDS)
                .flatMap(key -> values(depth - 1).map(value -> {
                    ObjectNode object = NODES.objectNode();
                    object.set(key, value);
                    return (JsonNode) object;
                }));
        return Arbitraries.frequencyOf(Tuple.of(6, scalars), Tuple.of(1, arrays), Tuple.of(2, objects));
    }

    static ObjectNode validCreate() {
        try {
            return (ObjectNode) JSON.readTree(OrderFlowIT.standardOrder("Fuzz"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid body with a few fields removed, replaced or added; sometimes cut short or not JSON at all. */
    static List<String> mutations(ObjectNode base, int count, long seed) {
        var random = new Random(seed);
        var valueSamples = values(2).sampleStream().limit(count * 3L).iterator();
        var bodies = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            ObjectNode body = base.deepCopy();
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                String field = FIELDS.get(random.nextInt(FIELDS.size()));
                switch (random.nextInt(4)) {
                    case 0 -> body.remove(field);
                    case 1 -> body.set(field, valueSamples.next());
                    case 2 -> {
                        if (body.get("items") instanceof ArrayNode items
                                && !items.isEmpty()
                                && items.get(0) instanceof ObjectNode item) {
                            item.set(FIELDS.get(random.nextInt(FIELDS.size())), valueSamples.next());
                        }
                    }
                    default -> {
                        if (body.get("customer") instanceof ObjectNode customer) {
                            customer.set(FIELDS.get(random.nextInt(FIELDS.size())), valueSamples.next());
                        }
                    }
                }
            }
            String text = body.toString();
            int shape = random.nextInt(20);
            if (shape == 0) {
                text = text.substring(0, random.nextInt(text.length()));
            } else if (shape == 1) {
                text = "[" + text + "]";
            } else if (shape == 2) {
                text = "{".repeat(2000) + "}".repeat(2000);
            }
            bodies.add(text);
        }
        return bodies;
    }

    private long events() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry")
                .query(Long.class)
                .single();
    }

    private void fire(String what, List<String> bodies, Function<String, Http.Answer> call) {
        var failures = new ArrayList<String>();
        int accepted = 0;
        for (String body : bodies) {
            long before = events();
            Http.Answer answer = call.apply(body);
            if (answer.status() >= 500) {
                failures.add(what + " " + answer.status() + " for " + body.substring(0, Math.min(300, body.length())));
            } else if (answer.status() >= 400 && events() != before) {
                failures.add(what + " refused with " + answer.status() + " but stored an event: " + body);
            } else if (answer.status() < 300) {
                accepted++;
            }
        }
        assertThat(failures).as(what).isEmpty();
        assertThat(accepted)
                .as(what + ": some mutations are still valid requests")
                .isPositive();
    }

    @Test
    void create_patch_and_status_never_answer_5xx_nor_store_what_they_refuse() {
        long parkedBefore = parked();
        var agent = new Http(port, "agent");
        fire("create", mutations(validCreate(), 1500, 7), body -> agent.post("/api/orders", body));

        String id = agent.post("/api/orders", OrderFlowIT.standardOrder("Fuzz target"))
                .json()
                .get("id")
                .asText();
        ObjectNode patch =
                NODES.objectNode().put("notes", "n").put("priority", 2).put("description", "d");
        patch.set("customer", NODES.objectNode().put("phone", "+1"));
        fire("patch", mutations(patch, 750, 11), body -> agent.patch("/api/orders/" + id, body, null));

        String moving = agent.post("/api/orders", OrderFlowIT.standardOrder("Fuzz mover"))
                .json()
                .get("id")
                .asText();
        ObjectNode status =
                NODES.objectNode().put("status", "pending").put("reason", "r").put("note", "n");
        fire("status", mutations(status, 750, 13), body -> agent.post("/api/orders/" + moving + "/status", body));
        // what was accepted, the streaming projections could also take: nothing parked
        assertThat(eventuallyParked(parkedBefore))
                .as("events the list or audit could not project")
                .isEqualTo(parkedBefore);
    }

    private long parked() {
        return jdbc.sql("SELECT count(*) FROM projection_dead_letter")
                .query(Long.class)
                .single();
    }

    private long eventuallyParked(long before) {
        long deadline = System.currentTimeMillis() + 3000;
        long now = parked();
        while (now == before && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            now = parked();
        }
        return now;
    }
}

package io.ordo.app;

import static io.ordo.app.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ordo.app.support.Http;
import io.ordo.app.support.OrdoProcess;
import io.ordo.app.support.OwnService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The company's event bus: a real Kafka broker (KRaft) in the test JVM. Every event reaches the topic keyed by its
 * order and in order per order; while the broker is away writes still succeed, and what they did arrives once a
 * broker is back on the same address, without the personal data of a customer erased meanwhile.
 */
class KafkaIT {

    static final String TOPIC = "ordo.order-events";
    static final ObjectMapper JSON = new ObjectMapper();

    /** What a consumer of the topic saw: per order id (the key), the events' sequences in arrival order. */
    static final class Seen {
        final Map<String, List<Long>> sequences = new LinkedHashMap<>();
        final Set<String> eventIds = new HashSet<>();
        final List<String> problems = new ArrayList<>();
        final Map<String, List<JsonNode>> bodies = new LinkedHashMap<>();

        void add(ConsumerRecord<String, String> record) throws IOException {
            JsonNode body = JSON.readTree(record.value());
            bodies.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(body);
            if (!body.get("orderId").asText().equals(record.key())) {
                problems.add("key " + record.key() + " is not the order " + body.get("orderId"));
            }
            var tenant = record.headers().lastHeader("tenant");
            if (tenant == null || !new String(tenant.value(), StandardCharsets.UTF_8).equals("acme")) {
                problems.add("no tenant header on " + body.get("eventId"));
            }
            if (eventIds.add(body.get("eventId").asText())) {
                sequences
                        .computeIfAbsent(record.key(), k -> new ArrayList<>())
                        .add(body.get("sequence").asLong());
            }
        }
    }

    static EmbeddedKafkaKraftBroker broker(int port) {
        // the KRaft broker ignores kafkaPorts(): its listener is set directly, so a second broker takes the same
        // address
        var broker = new EmbeddedKafkaKraftBroker(1, 3, TOPIC);
        broker.brokerProperty("listeners", "EXTERNAL://localhost:" + port + ",CONTROLLER://localhost:0");
        // the topic is this broker's to create (3 partitions): a send of the service's outbox that reaches a broker
        // started again before its topic would otherwise create it, and the broker's own creation then fails
        broker.brokerProperty("auto.create.topics.enable", "false");
        broker.afterPropertiesSet();
        return broker;
    }

    static KafkaConsumer<String, String> consumer(String servers) {
        var properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "kafka-it-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        var consumer = new KafkaConsumer<String, String>(properties);
        consumer.subscribe(List.of(TOPIC));
        return consumer;
    }

    static void consume(KafkaConsumer<String, String> consumer, Seen seen, int events) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (seen.eventIds.size() < events && System.nanoTime() < deadline) {
            for (var record : consumer.poll(Duration.ofMillis(200))) {
                seen.add(record);
            }
        }
    }

    /** Orders each created and changed five times (six events, sequences 0 to 5), from four clients at once. */
    static List<String> ordersWithFiveChanges(Http agent, int orders) throws Exception {
        var pool = Executors.newFixedThreadPool(4);
        try {
            var calls = new ArrayList<java.util.concurrent.Future<String>>();
            for (int i = 0; i < orders; i++) {
                calls.add(pool.submit((Callable<String>) () -> {
                    var created = agent.post("/api/orders", OrderFlowIT.standardOrder("Bus rider"));
                    assertThat(created.status()).as(created.toString()).isEqualTo(201);
                    String id = created.json().get("id").asText();
                    for (String status : List.of("pending", "confirmed", "shipped", "delivered")) {
                        if (status.equals("delivered")) {
                            var noted = agent.post("/api/orders/" + id + "/notes", "{\"text\": \"Leave at the door\"}");
                            assertThat(noted.status()).as(noted.toString()).isEqualTo(201);
                        }
                        var moved = agent.post("/api/orders/" + id + "/status", "{\"status\": \"" + status + "\"}");
                        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
                    }
                    return id;
                }));
            }
            var ids = new ArrayList<String>();
            for (var call : calls) {
                ids.add(call.get());
            }
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }

    static void assertInOrder(Seen seen, List<String> orders) {
        assertThat(seen.problems).isEmpty();
        assertThat(seen.sequences.keySet()).containsExactlyInAnyOrderElementsOf(orders);
        seen.sequences.forEach((order, sequences) -> assertThat(sequences)
                .as("order %s, in the order the topic gave them", order)
                .containsExactly(LongStream.range(0, 6).boxed().toArray(Long[]::new)));
    }

    @Test
    void every_event_is_on_the_topic_in_order_per_order_and_a_broker_outage_only_delays_them() throws Exception {
        int port = OrdoProcess.freePort();
        String servers = "localhost:" + port;
        var broker = broker(port);
        try (var service = OwnService.start(
                "kafka", "--spring.kafka.bootstrap-servers=" + servers, "--ordo.outbox.poll-interval=50ms")) {
            var agent = new Http(service.httpPort(), "agent");

            List<String> first = ordersWithFiveChanges(agent, 100);
            var seenFirst = new Seen();
            try (var consumer = consumer(servers)) {
                consume(consumer, seenFirst, 600);
            }
            assertThat(seenFirst.eventIds).hasSize(600);
            assertInOrder(seenFirst, first);

            broker.destroy();
            List<String> during = ordersWithFiveChanges(agent, 20);
            // an order whose customer is erased before the broker is back: its waiting messages are scrubbed
            var created = agent.post("/api/orders", """
                    {"workflow": "standard", "customer": {"id": "kafka-erased", "name": "Kafka Erasmus",
                     "phone": "+15550199", "email": "erasmus@example.com"}, "contactId": "contact-k",
                     "deliveryAddress": "3 Queue Street", "currency": "USD",
                     "items": [{"sku": "K-1", "name": "Kettle", "quantity": 1, "unitPrice": "30.00"}]}""");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String erased = created.json().get("id").asText();
            var erasure = agent.as("admin").post("/api/customers/kafka-erased/erase", "{\"reason\": \"asked\"}");
            assertThat(erasure.status()).as(erasure.toString()).isEqualTo(200);
            var ops = new Http(service.httpPort(), "ops");
            double pending = eventually(
                    () -> ops.get("/actuator/metrics/ordo.outbox.pending")
                            .json()
                            .at("/measurements/0/value")
                            .asDouble(),
                    waiting -> waiting > 0,
                    Duration.ofSeconds(10));
            assertThat(pending)
                    .as("events wait in the outbox while the broker is away")
                    .isPositive();

            broker = broker(port);
            var seenAfter = new Seen();
            try (var consumer = consumer(servers)) {
                consume(consumer, seenAfter, 122);
            }
            assertThat(seenAfter.eventIds).hasSize(122);
            assertThat(seenAfter.sequences.remove(erased)).containsExactly(0L, 1L);
            assertInOrder(seenAfter, during);
            List<JsonNode> erasedMessages = seenAfter.bodies.get(erased);
            assertThat(erasedMessages.get(0).get("type").asText()).isEqualTo("OrderCreated");
            JsonNode createdPayload = erasedMessages.get(0).get("payload");
            for (String path : ErasureIT.PERSONAL_FIELDS) {
                assertThat(createdPayload.at(path).asText()).as(path).isEqualTo("[erased]");
            }
            assertThat(createdPayload.at("/customer/id").asText()).isEqualTo("kafka-erased");
            assertThat(erasedMessages.get(erasedMessages.size() - 1).get("type").asText())
                    .isEqualTo("CustomerErased");
            assertThat(erasedMessages.toString())
                    .as("no message on the topic holds the erased customer")
                    .doesNotContain("Erasmus", "15550199", "erasmus@", "Queue Street");
        } finally {
            broker.destroy();
        }
    }
}

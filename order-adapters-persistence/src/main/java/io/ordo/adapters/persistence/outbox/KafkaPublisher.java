package io.ordo.adapters.persistence.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes outbox rows to the company's Kafka topic: key the order id (so an order's events share a partition and
 * keep their order), value the notification JSON, header {@code tenant}. A round's rows are the heads of distinct
 * orders, so they are sent together and then waited for; the producer is idempotent. After a failure the producer
 * is closed and made anew, so a broker that comes back (or is replaced) is met by a fresh session.
 */
final class KafkaPublisher {

    private final KafkaTemplate<String, String> kafka;
    private final DefaultKafkaProducerFactory<String, String> producers;
    private final String topic;
    private final Duration timeout;

    KafkaPublisher(DefaultKafkaProducerFactory<String, String> producers, String topic, Duration timeout) {
        this.producers = producers;
        this.kafka = new KafkaTemplate<>(producers);
        this.topic = topic;
        this.timeout = timeout;
    }

    Map<OutboxRow, Attempt> publish(List<OutboxRow> rows) {
        var sent = new LinkedHashMap<OutboxRow, CompletableFuture<SendResult<String, String>>>();
        var outcomes = new LinkedHashMap<OutboxRow, Attempt>();
        for (OutboxRow row : rows) {
            var record = new ProducerRecord<String, String>(topic, row.orderId().toString(), row.body());
            record.headers().add("tenant", row.tenant().getBytes(StandardCharsets.UTF_8));
            record.headers().add("Ordo-Event-Id", row.eventId().getBytes(StandardCharsets.UTF_8));
            try {
                sent.put(row, kafka.send(record));
            } catch (RuntimeException e) {
                outcomes.put(row, Attempt.failed(null, e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean anyFailed = !outcomes.isEmpty();
        for (var entry : new ArrayList<>(sent.entrySet())) {
            try {
                long left = Math.max(1, deadline - System.nanoTime());
                entry.getValue().get(left, TimeUnit.NANOSECONDS);
                outcomes.put(entry.getKey(), Attempt.delivered(null));
            } catch (ExecutionException | TimeoutException e) {
                Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                outcomes.put(
                        entry.getKey(),
                        Attempt.failed(null, cause.getClass().getSimpleName() + ": " + cause.getMessage()));
                anyFailed = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcomes.put(entry.getKey(), Attempt.failed(null, "Interrupted: Ordo is stopping"));
                anyFailed = true;
            }
        }
        if (anyFailed) {
            producers.reset();
        }
        return outcomes;
    }

    void close() {
        producers.reset();
    }
}

package io.ordo.adapters.persistence.outbox;

import java.time.Instant;
import java.util.UUID;

/** A claimed outbox row: one event on its way to one destination (a subscription, or {@link #KAFKA}). */
public record OutboxRow(
        long id,
        String destination,
        UUID subscriptionId,
        String tenant,
        UUID orderId,
        String eventId,
        String body,
        int attempts,
        Instant createdAt) {

    public static final String KAFKA = "kafka";

    public boolean toKafka() {
        return KAFKA.equals(destination);
    }
}

package io.ordo.application.port.in.subscription;

import java.time.Instant;

/**
 * One event on its way to a subscriber: {@code pending} (waiting for its turn or its next attempt),
 * {@code delivered} (a 2xx came back) or {@code failed} (given up after 24 hours).
 */
public record NotificationDeliveryView(
        String eventId,
        String orderId,
        long sequence,
        String type,
        String state,
        int attempts,
        Integer lastStatus,
        String lastError,
        Instant nextAttemptAt,
        Instant deliveredAt) {}

package io.ordo.application.port.in.webhook;

import java.time.Instant;

/** One event a provider sent, kept with its outcome; {@code status} is the provider's own word. */
public record WebhookDeliveryView(
        String eventId, Instant receivedAt, String orderId, String status, String outcome, String reason) {}

package io.ordo.application.port.in.webhook;

/**
 * The answer to a provider: {@code applied} (the order moved to {@code status}), {@code duplicate} (this event id
 * was heard before; nothing changed) or {@code rejected} (no such move; nothing changed, {@code reason} says why).
 */
public record WebhookOutcome(String outcome, String orderId, String status, String reason) {

    public static final String APPLIED = "applied";
    public static final String DUPLICATE = "duplicate";
    public static final String REJECTED = "rejected";
}

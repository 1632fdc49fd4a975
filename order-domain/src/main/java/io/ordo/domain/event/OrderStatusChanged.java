package io.ordo.domain.event;

import io.ordo.domain.OrderId;
import org.axonframework.serialization.Revision;

/**
 * An order moved from one status to another. {@code source} is {@code user} when a person asked for the
 * move, {@code system} when a rule made it, {@code webhook} when a provider reported it; {@code actor} is the user
 * whose command caused it, or the provider's name for a webhook.
 */
@Revision("1")
public record OrderStatusChanged(
        OrderId orderId,
        String from,
        String to,
        String reason,
        String note,
        String carrier,
        String trackingNumber,
        String source,
        String actor) {

    public static final String USER = "user";
    public static final String SYSTEM = "system";
    public static final String WEBHOOK = "webhook";
}

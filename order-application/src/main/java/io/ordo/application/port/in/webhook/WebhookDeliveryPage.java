package io.ordo.application.port.in.webhook;

import java.util.List;

/** One page of a provider's deliveries, newest first; {@code nextCursor} is opaque and null on the last page. */
public record WebhookDeliveryPage(List<WebhookDeliveryView> items, String nextCursor, boolean hasMore) {}

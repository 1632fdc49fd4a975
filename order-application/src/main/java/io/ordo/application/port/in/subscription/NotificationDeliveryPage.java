package io.ordo.application.port.in.subscription;

import java.util.List;

/** One page of a subscription's deliveries, newest first; {@code nextCursor} is null on the last page. */
public record NotificationDeliveryPage(List<NotificationDeliveryView> items, String nextCursor, boolean hasMore) {}

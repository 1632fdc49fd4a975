package io.ordo.application.port.in.history;

import java.util.List;

/** A page of an order's stored events, oldest first. */
public record EventPage(List<StoredEventView> items, String nextCursor, boolean hasMore) {}

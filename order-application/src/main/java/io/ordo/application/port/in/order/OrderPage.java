package io.ordo.application.port.in.order;

import io.ordo.application.port.in.OrderView;
import java.util.List;

/** One page of a list; {@code nextCursor} is opaque and null on the last page. */
public record OrderPage(List<OrderView> items, String nextCursor, boolean hasMore) {}

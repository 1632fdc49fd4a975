package io.ordo.domain.event;

import io.ordo.domain.OrderId;
import org.axonframework.serialization.Revision;

/** An order was cancelled: it moved from {@code from} to its workflow's cancelled status {@code to}. */
@Revision("1")
public record OrderCancelled(OrderId orderId, String from, String to, String reason, String note, String actor) {}

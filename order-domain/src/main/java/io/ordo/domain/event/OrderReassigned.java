package io.ordo.domain.event;

import io.ordo.domain.OrderId;
import org.axonframework.serialization.Revision;

/**
 * An order went from one assignee to another ({@code from} is null for an order created before assignment existed,
 * whose assignee was its creator).
 */
@Revision("1")
public record OrderReassigned(OrderId orderId, String from, String to, String reason, String actor) {}

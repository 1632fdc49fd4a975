package io.ordo.domain.event;

import io.ordo.domain.OrderId;
import org.axonframework.serialization.Revision;

/** A delivered lead was taken back; it may be delivered again. */
@Revision("1")
public record LeadWithdrawn(OrderId orderId, String leadId, String actor) {}

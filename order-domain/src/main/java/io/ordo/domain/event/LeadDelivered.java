package io.ordo.domain.event;

import io.ordo.domain.OrderId;
import org.axonframework.serialization.Revision;

/** A lead was delivered to a lead campaign. */
@Revision("1")
public record LeadDelivered(OrderId orderId, String leadId, String actor) {}

package io.ordo.domain.command;

import io.ordo.domain.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Deliver one lead to an active lead campaign. */
public record DeliverLeadCommand(
        @TargetAggregateIdentifier OrderId orderId,
        String leadId,
        String actor,
        @TargetAggregateVersion Long expectedVersion) {}

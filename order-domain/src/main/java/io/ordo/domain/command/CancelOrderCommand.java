package io.ordo.domain.command;

import io.ordo.domain.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Cancel an order: move it to its workflow's cancelled status, saying why. */
public record CancelOrderCommand(
        @TargetAggregateIdentifier OrderId orderId,
        String reason,
        String actor,
        @TargetAggregateVersion Long expectedVersion) {}

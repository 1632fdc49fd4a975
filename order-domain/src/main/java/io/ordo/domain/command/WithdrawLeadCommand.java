package io.ordo.domain.command;

import io.ordo.domain.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Take a delivered lead back from an active or paused campaign. */
public record WithdrawLeadCommand(
        @TargetAggregateIdentifier OrderId orderId,
        String leadId,
        String actor,
        @TargetAggregateVersion Long expectedVersion) {}

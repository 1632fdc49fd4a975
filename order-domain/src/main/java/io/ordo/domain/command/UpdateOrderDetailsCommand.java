package io.ordo.domain.command;

import io.ordo.domain.DetailsPatch;
import io.ordo.domain.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Change an order's details with a merge patch; {@code expectedVersion} (nullable) is the client's If-Match. */
public record UpdateOrderDetailsCommand(
        @TargetAggregateIdentifier OrderId orderId,
        DetailsPatch patch,
        String justification,
        String actor,
        @TargetAggregateVersion Long expectedVersion) {}

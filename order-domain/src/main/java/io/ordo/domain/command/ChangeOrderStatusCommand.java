package io.ordo.domain.command;

import io.ordo.domain.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Move an order to another status of its workflow; {@code note} is for the timeline entry, {@code carrier}
 * and {@code trackingNumber} record a shipment. Moving to the cancelled status is a cancellation.
 */
public record ChangeOrderStatusCommand(
        @TargetAggregateIdentifier OrderId orderId,
        String status,
        String reason,
        String note,
        String carrier,
        String trackingNumber,
        String actor,
        @TargetAggregateVersion Long expectedVersion) {}

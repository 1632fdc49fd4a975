package io.ordo.domain.command;

import io.ordo.domain.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Forget the personal data of the order's customer {@code customerId}, saying why. Nothing happens to an order whose
 * customer is already erased or is another one by now.
 */
public record EraseCustomerCommand(
        @TargetAggregateIdentifier OrderId orderId, String customerId, String reason, String actor) {}

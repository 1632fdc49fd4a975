package io.ordo.domain.command;

import io.ordo.domain.OrderId;
import io.ordo.domain.PaymentFacts;
import io.ordo.domain.ShippingFacts;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A webhook provider's event, mapped to the order's workflow: move to {@code status} and keep what the provider
 * said about the payment or the shipment. {@code provider} is the provider's name, the move's author.
 */
public record RecordProviderEventCommand(
        @TargetAggregateIdentifier OrderId orderId,
        String provider,
        String eventId,
        String providerStatus,
        String status,
        PaymentFacts payment,
        ShippingFacts shipping) {}

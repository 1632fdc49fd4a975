package io.ordo.domain.event;

import io.ordo.domain.OrderId;
import io.ordo.domain.PaymentFacts;
import io.ordo.domain.ShippingFacts;
import org.axonframework.serialization.Revision;

/**
 * What a webhook provider said about the order's payment or shipment, recorded with the status change it caused
 * (the {@link OrderStatusChanged} just before it, whose source is {@code webhook}). {@code eventId} is the
 * provider's own id of the event; one of {@code payment} and {@code shipping} is null.
 */
@Revision("1")
public record ProviderEventRecorded(
        OrderId orderId,
        String provider,
        String eventId,
        String providerStatus,
        PaymentFacts payment,
        ShippingFacts shipping) {}

package io.ordo.domain;

import java.time.LocalDate;

/** Where a shipment stands as its carrier last said: carrier, tracking number, last location, expected day. */
public record ShippingFacts(String carrier, String trackingNumber, String location, LocalDate estimatedDelivery) {

    /** These facts, with each field the newer ones give taking the place of this one's. */
    public ShippingFacts updatedBy(ShippingFacts newer) {
        if (newer == null) {
            return this;
        }
        return new ShippingFacts(
                PaymentFacts.first(newer.carrier, carrier),
                PaymentFacts.first(newer.trackingNumber, trackingNumber),
                PaymentFacts.first(newer.location, location),
                newer.estimatedDelivery != null ? newer.estimatedDelivery : estimatedDelivery);
    }
}

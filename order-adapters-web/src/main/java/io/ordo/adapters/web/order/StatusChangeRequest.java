package io.ordo.adapters.web.order;

import io.ordo.application.port.in.order.StatusChange;

/** Body of {@code POST /api/orders/{id}/status}. */
public record StatusChangeRequest(String status, String reason, String note, String carrier, String trackingNumber) {

    StatusChange toStatusChange() {
        return new StatusChange(status, reason, note, carrier, trackingNumber);
    }
}

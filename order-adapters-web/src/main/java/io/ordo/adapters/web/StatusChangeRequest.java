package io.ordo.adapters.web;

import io.ordo.application.port.in.StatusChange;

/** Body of {@code POST /api/orders/{id}/status}. */
public record StatusChangeRequest(String status, String reason, String note, String carrier, String trackingNumber) {

    StatusChange toStatusChange() {
        return new StatusChange(status, reason, note, carrier, trackingNumber);
    }
}

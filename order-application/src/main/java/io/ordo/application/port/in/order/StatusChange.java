package io.ordo.application.port.in.order;

/** A requested move to {@code status}, with an optional reason, timeline note and shipment details. */
public record StatusChange(String status, String reason, String note, String carrier, String trackingNumber) {}

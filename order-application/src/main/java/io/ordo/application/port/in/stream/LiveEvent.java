package io.ordo.application.port.in.stream;

import java.time.Instant;

/**
 * One event of an order as the live stream sends it: {@code position} is the event's global position in the store
 * (what a client sends back as {@code Last-Event-ID}); {@code status} the order's status after it.
 */
public record LiveEvent(
        long position,
        String orderId,
        String orderNumber,
        long sequence,
        String type,
        Instant at,
        String by,
        String status) {}

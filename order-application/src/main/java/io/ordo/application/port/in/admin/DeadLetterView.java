package io.ordo.application.port.in.admin;

import java.time.Instant;

/** An event a projection could not handle, parked with its error; never its payload. */
public record DeadLetterView(
        long id,
        String projection,
        String processor,
        String orderId,
        long sequence,
        String eventType,
        String error,
        int attempts,
        Instant parkedAt) {}

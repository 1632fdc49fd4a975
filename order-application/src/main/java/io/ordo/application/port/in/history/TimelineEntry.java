package io.ordo.application.port.in.history;

import java.time.Instant;

/** One status change of an order (creation included); {@code source} is user, system or webhook. */
public record TimelineEntry(
        String status,
        String previousStatus,
        Instant at,
        String by,
        String source,
        String reason,
        String note,
        String carrier,
        String trackingNumber) {}

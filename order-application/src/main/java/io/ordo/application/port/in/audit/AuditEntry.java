package io.ordo.application.port.in.audit;

import java.time.Instant;

/** One stored event as the audit trail shows it: who did what to which order, when, and why. */
public record AuditEntry(
        String orderId,
        String orderNumber,
        long sequence,
        String type,
        Instant at,
        String by,
        String source,
        String reason) {}

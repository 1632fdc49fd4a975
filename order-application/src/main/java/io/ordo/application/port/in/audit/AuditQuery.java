package io.ordo.application.port.in.audit;

import java.time.Instant;

/** Filters of the audit trail (null: any), its page and cursor; newest first. */
public record AuditQuery(
        String actor, String type, String orderId, Instant from, Instant to, String cursor, int limit) {

    public static final int MAX_LIMIT = 100;
}

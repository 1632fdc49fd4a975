package io.ordo.application.port.in.audit;

import java.time.Instant;

/** Filters of the read log (null: any), its page and cursor; newest first. */
public record ReadLogQuery(String actor, String orderId, Instant from, Instant to, String cursor, int limit) {}

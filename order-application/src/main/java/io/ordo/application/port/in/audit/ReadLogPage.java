package io.ordo.application.port.in.audit;

import java.time.Instant;
import java.util.List;

/** One page of the read log, newest first. */
public record ReadLogPage(List<Read> items, String nextCursor, boolean hasMore) {

    /**
     * One answer someone was given: when, to whom, about which order (null for an export), what ({@code detail},
     * {@code asOf}, {@code timeline}, {@code notes}, {@code events}, {@code export}), and an export's filters.
     */
    public record Read(Instant at, String by, String orderId, String what, String filters) {}
}

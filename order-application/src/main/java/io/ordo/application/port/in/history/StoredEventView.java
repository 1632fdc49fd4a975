package io.ordo.application.port.in.history;

import java.time.Instant;
import java.util.Map;

/**
 * One event as it is stored: its sequence in the order, short type name, revision, stored time, actor,
 * source, and the payload as stored ({@code null} with {@code readable=false} if the stored bytes no
 * longer parse, e.g. after tampering; {@code verify} tells which).
 */
public record StoredEventView(
        long sequence,
        String type,
        String revision,
        Instant at,
        String by,
        String source,
        Map<String, Object> payload,
        boolean readable) {}

package io.ordo.application.port.out;

import io.ordo.application.port.in.audit.ReadLogPage;
import io.ordo.application.port.in.audit.ReadLogQuery;

/**
 * Outgoing port: the read log (docs/api.md, "Who read what"). {@link #record} must not slow the read it
 * records: it may store later, but loses nothing acknowledged on a clean stop.
 */
public interface ReadLogPort {

    /** What was read. */
    enum What {
        DETAIL("detail"),
        AS_OF("asOf"),
        TIMELINE("timeline"),
        NOTES("notes"),
        EVENTS("events"),
        EXPORT("export");

        private final String word;

        What(String word) {
            this.word = word;
        }

        /** As the API writes it. */
        public String word() {
            return word;
        }
    }

    /** An answer given: to {@code actor} of {@code tenant}, about an order or (an export) with its filters. */
    record ReadAccess(String tenant, String actor, String orderId, What what, String filters) {}

    void record(ReadAccess access);

    ReadLogPage search(String tenant, ReadLogQuery query);
}

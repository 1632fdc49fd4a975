package io.ordo.application.port.in.audit;

import java.util.List;

/** One page of the audit trail. */
public record AuditPage(List<AuditEntry> items, String nextCursor, boolean hasMore) {}

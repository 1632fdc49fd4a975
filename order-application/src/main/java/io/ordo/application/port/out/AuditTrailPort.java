package io.ordo.application.port.out;

import io.ordo.application.port.in.audit.AuditEntry;
import io.ordo.application.port.in.audit.AuditPage;
import io.ordo.application.port.in.audit.AuditQuery;
import java.util.function.Consumer;

/** Outgoing port: the audit projection, always within one tenant. */
public interface AuditTrailPort {

    /** @throws io.ordo.domain.exception.InvalidOrderException for a cursor this port did not give out */
    AuditPage search(String tenantId, AuditQuery query);

    void stream(String tenantId, AuditQuery query, Consumer<AuditEntry> sink);
}

package io.ordo.application.service.audit;

import io.ordo.application.port.in.Caller;
import io.ordo.application.port.in.ForbiddenException;
import io.ordo.application.port.in.audit.AuditPage;
import io.ordo.application.port.in.audit.AuditQuery;
import io.ordo.application.port.in.audit.SearchAuditUseCase;
import io.ordo.application.port.out.AuditTrailPort;
import io.ordo.application.service.AccessPolicy;

/** The audit trail of the caller's tenant, for admins and compliance staff. */
public final class AuditService implements SearchAuditUseCase {

    private final AuditTrailPort trail;
    private final AccessPolicy policy;

    public AuditService(AuditTrailPort trail, AccessPolicy policy) {
        this.trail = trail;
        this.policy = policy;
    }

    @Override
    public AuditPage search(Caller caller, AuditQuery query) {
        return trail.search(tenantOf(caller), query);
    }

    @Override
    public AuditExport export(Caller caller, AuditQuery query) {
        String tenant = tenantOf(caller);
        return sink -> trail.stream(tenant, query, sink);
    }

    private String tenantOf(Caller caller) {
        if (!policy.may(caller, AccessPolicy.Action.AUDIT)) {
            throw new ForbiddenException("Role(s) %s may not read the audit trail.".formatted(caller.roles()));
        }
        return caller.tenantId();
    }
}

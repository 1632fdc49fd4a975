package io.ordo.application.service.audit;

import io.ordo.application.port.in.Caller;
import io.ordo.application.port.in.ForbiddenException;
import io.ordo.application.port.in.audit.AuditPage;
import io.ordo.application.port.in.audit.AuditQuery;
import io.ordo.application.port.in.audit.ReadLogPage;
import io.ordo.application.port.in.audit.ReadLogQuery;
import io.ordo.application.port.in.audit.SearchAuditUseCase;
import io.ordo.application.port.out.AuditTrailPort;
import io.ordo.application.port.out.ReadLogPort;
import io.ordo.application.port.out.ReadLogPort.ReadAccess;
import io.ordo.application.port.out.ReadLogPort.What;
import io.ordo.application.service.AccessPolicy;
import java.util.StringJoiner;

/** The audit trail of the caller's tenant, for admins and compliance staff. */
public final class AuditService implements SearchAuditUseCase {

    private final AuditTrailPort trail;
    private final AccessPolicy policy;
    private final ReadLogPort reads;

    public AuditService(AuditTrailPort trail, AccessPolicy policy, ReadLogPort reads) {
        this.trail = trail;
        this.policy = policy;
        this.reads = reads;
    }

    @Override
    public ReadLogPage reads(Caller caller, ReadLogQuery query) {
        return reads.search(tenantOf(caller), query);
    }

    @Override
    public AuditPage search(Caller caller, AuditQuery query) {
        return trail.search(tenantOf(caller), query);
    }

    @Override
    public AuditExport export(Caller caller, AuditQuery query) {
        String tenant = tenantOf(caller);
        reads.record(new ReadAccess(tenant, caller.userId(), null, What.EXPORT, filters(query)));
        return sink -> trail.stream(tenant, query, sink);
    }

    /** An export's filters as the read log keeps them, e.g. {@code actor=agent&from=2026-12-01T00:00:00Z}. */
    static String filters(AuditQuery query) {
        var filters = new StringJoiner("&");
        if (query.actor() != null) filters.add("actor=" + query.actor());
        if (query.type() != null) filters.add("type=" + query.type());
        if (query.orderId() != null) filters.add("orderId=" + query.orderId());
        if (query.from() != null) filters.add("from=" + query.from());
        if (query.to() != null) filters.add("to=" + query.to());
        return filters.toString();
    }

    private String tenantOf(Caller caller) {
        if (!policy.may(caller, AccessPolicy.Action.AUDIT)) {
            throw new ForbiddenException("Role(s) %s may not read the audit trail.".formatted(caller.roles()));
        }
        return caller.tenantId();
    }
}

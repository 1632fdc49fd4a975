package io.ordo.application.port.in.audit;

import io.ordo.application.port.in.Caller;
import java.util.function.Consumer;

/**
 * Use case: who did what, when and why, across the caller's tenant, as pages or as one stream; and who read what
 * (the read log).
 */
public interface SearchAuditUseCase {

    /** The answers given about the tenant's orders, and its exports, newest first (admins and compliance). */
    ReadLogPage reads(Caller caller, ReadLogQuery query);

    AuditPage search(Caller caller, AuditQuery query);

    /**
     * Every matching entry, newest first. The caller's rights are checked now; the entries flow later, one by
     * one, when the returned export is run, without all of them being held at once.
     */
    AuditExport export(Caller caller, AuditQuery query);

    /** A checked, not yet run, export of the audit trail. */
    interface AuditExport {
        void forEach(Consumer<AuditEntry> sink);
    }
}

package io.ordo.application.port.in.report;

import io.ordo.application.port.in.Caller;
import java.util.List;

/** Use case: the summary report over the orders the caller may report on (a location manager's: its location). */
public interface GetReportUseCase {
    ReportSummary summary(Caller caller);

    /** Time spent in each status, per workflow, over the same orders as the summary. */
    List<TimeInStatus> timeInStatus(Caller caller);

    /** The orders longer in their status than the tenant's limit for it, longest first, over the same orders. */
    StuckOrders stuck(Caller caller);
}

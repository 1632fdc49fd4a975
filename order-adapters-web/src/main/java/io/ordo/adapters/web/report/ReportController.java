package io.ordo.adapters.web.report;

import io.ordo.adapters.web.security.OrdoPrincipal;
import io.ordo.application.port.in.report.GetReportUseCase;
import io.ordo.application.port.in.report.ReportSummary;
import io.ordo.application.port.in.report.StuckOrders;
import io.ordo.application.port.in.report.TimeInStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reports over the orders the caller may report on. */
@RestController
@RequestMapping(path = "/api/reports", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Reports")
public class ReportController {

    private final GetReportUseCase reports;

    public ReportController(GetReportUseCase reports) {
        this.reports = reports;
    }

    @GetMapping("/summary")
    @Operation(
            operationId = "getReportSummary",
            summary = "Totals, open and overdue orders, money per currency, cancellation rate")
    public ReportSummary summary(Authentication auth) {
        return reports.summary(OrdoPrincipal.callerOf(auth));
    }

    @GetMapping("/time-in-status")
    @Operation(operationId = "getTimeInStatus", summary = "How long orders stay in each status, per workflow")
    public List<TimeInStatus> timeInStatus(Authentication auth) {
        return reports.timeInStatus(OrdoPrincipal.callerOf(auth));
    }

    @GetMapping("/stuck")
    @Operation(
            operationId = "getStuckOrders",
            summary = "Orders longer in their status than the tenant's limit for it, longest first")
    public StuckOrders stuck(Authentication auth) {
        return reports.stuck(OrdoPrincipal.callerOf(auth));
    }
}

package io.ordo.application.service.report;

import io.ordo.application.port.in.Caller;
import io.ordo.application.port.in.ForbiddenException;
import io.ordo.application.port.in.report.GetReportUseCase;
import io.ordo.application.port.in.report.ReportSummary;
import io.ordo.application.port.in.report.StuckLimitsUseCase;
import io.ordo.application.port.in.report.StuckOrders;
import io.ordo.application.port.in.report.TimeInStatus;
import io.ordo.application.port.out.OrderScope;
import io.ordo.application.port.out.ReportPort;
import io.ordo.application.port.out.StuckLimitPort;
import io.ordo.application.service.AccessPolicy;
import io.ordo.domain.Currencies;
import io.ordo.domain.workflow.StuckLimits;
import io.ordo.domain.workflow.Workflow;
import io.ordo.domain.workflow.Workflows;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The summary report. Money figures count the orders that are not cancelled (what the business still
 * expects to be paid), per currency; the average is their total over their number, half-even.
 */
public final class ReportService implements GetReportUseCase, StuckLimitsUseCase {

    private final ReportPort reports;
    private final StuckLimitPort stuckLimits;
    private final AccessPolicy policy;
    private final Clock clock;

    public ReportService(ReportPort reports, StuckLimitPort stuckLimits, AccessPolicy policy, Clock clock) {
        this.reports = reports;
        this.stuckLimits = stuckLimits;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public StuckOrders stuck(Caller caller) {
        var scope = scopeOf(caller);
        Instant now = clock.instant();
        var limits = StuckLimits.effective(stuckLimits.overrides(scope.tenantId()));
        var asked = limitsAt(limits, now);
        var items = new ArrayList<StuckOrders.StuckOrder>();
        for (var row : reports.stuck(scope, asked, StuckOrders.MAX)) {
            double inStatus = Duration.between(row.since(), now).toMillis() / 3_600_000.0;
            items.add(new StuckOrders.StuckOrder(
                    row.orderId(),
                    row.orderNumber(),
                    row.workflow(),
                    row.status(),
                    row.since(),
                    Math.round(inStatus * 100) / 100.0,
                    limits.get(row.workflow()).get(row.status()),
                    row.assignee(),
                    row.location()));
        }
        return new StuckOrders(items);
    }

    /**
     * Every tenant's stuck orders counted per workflow and status, as the gauges show them: a census for the
     * operators, not an answer to a caller (no access check; no order ids).
     */
    public Map<String, List<ReportPort.StuckCount>> stuckCensus() {
        Instant now = clock.instant();
        var census = new TreeMap<String, List<ReportPort.StuckCount>>();
        for (String tenant : reports.tenants()) {
            var limits = StuckLimits.effective(stuckLimits.overrides(tenant));
            census.put(tenant, reports.stuckCounts(tenant, limitsAt(limits, now)));
        }
        return census;
    }

    /** The limits above zero, as cut-off instants at {@code now}. */
    private static List<ReportPort.Limit> limitsAt(Map<String, Map<String, Double>> limits, Instant now) {
        var asked = new ArrayList<ReportPort.Limit>();
        limits.forEach((workflow, statuses) -> statuses.forEach((status, hours) -> {
            if (hours > 0) {
                asked.add(new ReportPort.Limit(workflow, status, now.minusMillis(Math.round(hours * 3_600_000))));
            }
        }));
        return asked;
    }

    @Override
    public Map<String, Map<String, Double>> limits(Caller caller) {
        var scope = scopeOf(caller);
        return StuckLimits.effective(stuckLimits.overrides(scope.tenantId()));
    }

    @Override
    public Map<String, Map<String, Double>> override(Caller caller, Map<String, Map<String, Double>> overrides) {
        StuckLimits.requireValid(overrides);
        policy.require(caller, AccessPolicy.Action.SETTINGS);
        stuckLimits.replace(caller.tenantId(), overrides);
        return StuckLimits.effective(stuckLimits.overrides(caller.tenantId()));
    }

    @Override
    public List<TimeInStatus> timeInStatus(Caller caller) {
        var scope = scopeOf(caller);
        var result = new ArrayList<TimeInStatus>();
        for (var row : reports.timeInStatus(scope, clock.instant())) {
            boolean terminal = Workflows.find(row.workflow())
                    .map(w -> w.isTerminal(row.status()))
                    .orElse(false);
            long current = terminal ? 0 : row.current();
            result.add(new TimeInStatus(
                    row.workflow(),
                    row.status(),
                    row.finished(),
                    row.finished() == 0 ? null : hours(row.averageFinishedSeconds()),
                    current,
                    current == 0 ? null : hours(row.averageCurrentSeconds())));
        }
        result.sort(Comparator.comparing(TimeInStatus::workflow).thenComparing(TimeInStatus::status));
        return result;
    }

    private static BigDecimal hours(double seconds) {
        return BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_EVEN);
    }

    private OrderScope scopeOf(Caller caller) {
        if (!policy.may(caller, AccessPolicy.Action.REPORTS)) {
            throw new ForbiddenException("Role(s) %s may not read reports.".formatted(caller.roles()));
        }
        return policy.scopeOf(caller).orElseThrow(() -> new ForbiddenException("No orders to report on."));
    }

    @Override
    public ReportSummary summary(Caller caller) {
        var scope = scopeOf(caller);
        long total = 0;
        long active = 0;
        long open = 0;
        long overdue = 0;
        Map<String, Map<String, Long>> byStatus = new TreeMap<>();
        Map<String, BigDecimal> sums = new TreeMap<>();
        Map<String, Long> priced = new TreeMap<>();
        for (var group : reports.groups(scope, LocalDate.now(clock.withZone(ZoneOffset.UTC)))) {
            Workflow workflow = Workflows.named(group.workflow());
            boolean terminal = workflow.isTerminal(group.status());
            total += group.orders();
            active += group.active() ? group.orders() : 0;
            open += terminal ? 0 : group.orders();
            overdue += terminal ? 0 : group.pastTargetDate();
            byStatus.computeIfAbsent(group.workflow(), w -> new TreeMap<>())
                    .merge(group.status(), group.orders(), Long::sum);
            if (group.active() && group.currency() != null && group.priced() > 0) {
                sums.merge(group.currency(), group.total(), BigDecimal::add);
                priced.merge(group.currency(), group.priced(), Long::sum);
            }
        }
        Map<String, String> totals = new TreeMap<>();
        Map<String, String> averages = new TreeMap<>();
        sums.forEach((currency, sum) -> {
            int decimals = Currencies.decimals(currency);
            totals.put(currency, sum.setScale(decimals, RoundingMode.HALF_EVEN).toPlainString());
            averages.put(
                    currency,
                    sum.divide(BigDecimal.valueOf(priced.get(currency)), decimals, RoundingMode.HALF_EVEN)
                            .toPlainString());
        });
        BigDecimal cancellationRate = total == 0
                ? BigDecimal.ZERO.setScale(4)
                : BigDecimal.valueOf(total - active).divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_EVEN);
        return new ReportSummary(total, active, open, byStatus, overdue, totals, averages, cancellationRate);
    }
}

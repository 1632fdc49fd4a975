package io.ordo.application.port.out;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Outgoing port: counts and sums over the order list, grouped, within a scope (computed in the database). */
public interface ReportPort {

    /** One group of orders sharing workflow, status, currency and activeness. */
    record Group(
            String workflow,
            String status,
            boolean active,
            String currency,
            long orders,
            long priced,
            BigDecimal total,
            long pastTargetDate) {}

    /** @param today the day against which campaign target dates count as past */
    List<Group> groups(OrderScope scope, LocalDate today);

    /**
     * Stays in a status, per workflow: finished stays (entered and left) with their average length, and
     * current stays (entered, not yet left) with their average age at {@code now}; in seconds.
     */
    record StatusTime(
            String workflow,
            String status,
            long finished,
            double averageFinishedSeconds,
            long current,
            double averageCurrentSeconds) {}

    List<StatusTime> timeInStatus(OrderScope scope, Instant now);

    /** A limit as the query takes it: orders of the workflow that entered the status before {@code enteredBefore}. */
    record Limit(String workflow, String status, Instant enteredBefore) {}

    /** A stuck order as the list read model holds it. */
    record Stuck(
            String orderId,
            String orderNumber,
            String workflow,
            String status,
            Instant since,
            String assignee,
            String location) {}

    /** The orders in the scope past one of the limits, longest in their status first, at most {@code max}. */
    List<Stuck> stuck(OrderScope scope, List<Limit> limits, int max);

    /** How many of a tenant's orders are past each limit, per workflow and status (for the gauges). */
    record StuckCount(String workflow, String status, long orders) {}

    List<StuckCount> stuckCounts(String tenant, List<Limit> limits);

    /** The tenants that have orders. */
    List<String> tenants();
}

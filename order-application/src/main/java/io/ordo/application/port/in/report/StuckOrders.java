package io.ordo.application.port.in.report;

import java.time.Instant;
import java.util.List;

/** The stuck orders, longest in their status first; at most {@link #MAX} of them. */
public record StuckOrders(List<StuckOrder> items) {

    public static final int MAX = 1000;

    /**
     * One stuck order: since when it is in its status, for how many hours (two decimals), over which limit, and
     * who works on it.
     */
    public record StuckOrder(
            String orderId,
            String orderNumber,
            String workflow,
            String status,
            Instant since,
            double hoursInStatus,
            double limitHours,
            String assignee,
            String location) {}
}

package io.ordo.application.port.in.report;

import java.math.BigDecimal;

/**
 * How long orders stay in one status of one workflow: finished stays and their average length, and orders
 * in it now (never for terminal statuses, where orders stay for good) with their average time so far; hours
 * with 2 decimals, null when there is nothing to average.
 */
public record TimeInStatus(
        String workflow,
        String status,
        long finishedStays,
        BigDecimal averageHours,
        long currentStays,
        BigDecimal averageCurrentHours) {}

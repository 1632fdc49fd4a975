package io.ordo.application.port.in.report;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The summary report of the API (docs/api.md). Money per currency as strings with the currency's decimals;
 * {@code cancellationRate} a fraction 0–1 with 4 decimals.
 */
public record ReportSummary(
        long totalOrders,
        long activeOrders,
        long openOrders,
        Map<String, Map<String, Long>> byStatus,
        long overdueCampaigns,
        Map<String, String> totalAmountByCurrency,
        Map<String, String> averageOrderValueByCurrency,
        BigDecimal cancellationRate) {}

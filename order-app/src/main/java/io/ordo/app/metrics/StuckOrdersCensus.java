package io.ordo.app.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.ordo.app.NodeTask;
import io.ordo.application.service.report.ReportService;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gauge {@code ordo.orders.stuck{tenant, workflow, status}} ({@code ordo_orders_stuck} in Prometheus): counted
 * every {@code ordo.stuck.census-interval} by one indexed query per tenant, so a scrape only reads the last count.
 * A series whose orders are no longer stuck reads 0.
 */
public final class StuckOrdersCensus extends NodeTask {

    private static final Logger log = LoggerFactory.getLogger(StuckOrdersCensus.class);

    private final ReportService reports;
    private final MeterRegistry registry;
    private final Map<List<String>, AtomicLong> counts = new ConcurrentHashMap<>();

    public StuckOrdersCensus(ReportService reports, MeterRegistry registry, Duration interval) {
        super("stuck-orders-census", Duration.ofSeconds(1), interval);
        this.reports = reports;
        this.registry = registry;
    }

    @Override
    protected void run() {
        try {
            var seen = new HashSet<List<String>>();
            reports.stuckCensus()
                    .forEach((tenant, rows) -> rows.forEach(row -> {
                        var key = List.of(tenant, row.workflow(), row.status());
                        seen.add(key);
                        counts.computeIfAbsent(key, this::register).set(row.orders());
                    }));
            counts.forEach((key, count) -> {
                if (!seen.contains(key)) {
                    count.set(0);
                }
            });
        } catch (RuntimeException e) {
            log.warn("Counting the stuck orders failed; the gauges keep their last counts: {}", e.toString());
        }
    }

    private AtomicLong register(List<String> key) {
        var count = new AtomicLong();
        Gauge.builder("ordo.orders.stuck", count, AtomicLong::get)
                .description("Orders longer in their status than the tenant's limit for it")
                .tags("tenant", key.get(0), "workflow", key.get(1), "status", key.get(2))
                .register(registry);
        return count;
    }
}

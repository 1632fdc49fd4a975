package io.ordo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark, tiny (a second per phase), so that it cannot rot; its figures mean nothing at this size. */
class BenchmarkSmokeIT {

    @Test
    void the_benchmark_runs_end_to_end_reports_every_figure_and_leaves_no_database_behind(@TempDir Path scratch)
            throws Exception {
        var figures = new OrdoBenchmark(new OrdoBenchmark.Settings(Duration.ofSeconds(1), 20, 2_000, 5, 50))
                .run(Path.of("target"), scratch);
        try (var left = Files.list(scratch)) {
            assertThat(left).as("the benchmark's database, deleted at the end").isEmpty();
        }
        assertThat(figures)
                .extracting(OrdoBenchmark.Figure::what)
                .anyMatch(w -> w.startsWith("raw JDBC"))
                .anyMatch(w -> w.equals("CRUD reference: POST /orders, 16 clients"))
                .anyMatch(w -> w.equals("CRUD reference: status changes, 16 clients"))
                .anyMatch(w -> w.startsWith("POST /api/orders, 16"))
                .anyMatch(w -> w.equals("POST /api/orders, 16 clients, one subscription"))
                .anyMatch(w -> w.startsWith("notifications sent"))
                .anyMatch(w -> w.startsWith("status changes, 16 clients, orders of"))
                .anyMatch(w -> w.startsWith("projection lag"))
                .anyMatch(w -> w.startsWith("list, status filter, deep page"))
                .anyMatch(w -> w.startsWith("list, status + q, first page") && w.endsWith("after VACUUM"))
                .anyMatch(w -> w.startsWith("POST /api/orders/reassign, 50 orders"))
                .anyMatch(w -> w.startsWith("replay"))
                .anyMatch(w -> w.startsWith("peak RSS"));
        assertThat(figures).allSatisfy(f -> assertThat(f.value()).as(f.what()).isPositive());
        if (CpuMeter.available()) {
            assertThat(figures)
                    .filteredOn(f -> f.what().equals("POST /api/orders, 16 clients"))
                    .singleElement()
                    .satisfies(f -> assertThat(f.note()).contains("CPU per create: service", "statements"));
            assertThat(figures)
                    .filteredOn(f -> f.what().startsWith("replay"))
                    .singleElement()
                    .satisfies(f -> assertThat(f.note()).contains("CPU: service"));
        }
        System.out.println(OrdoBenchmark.table(figures));
    }
}

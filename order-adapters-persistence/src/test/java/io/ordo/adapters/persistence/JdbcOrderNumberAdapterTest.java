package io.ordo.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.adapters.persistence.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Order numbers against real PostgreSQL: per tenant and year, never the same twice, even when raced. */
class JdbcOrderNumberAdapterTest {

    private final JdbcClient jdbc = JdbcClient.create(TestDatabase.newMigratedDataSource("numbers"));
    private final JdbcOrderNumberAdapter numbers = new JdbcOrderNumberAdapter(jdbc);

    @Test
    void numbers_count_per_tenant_and_year_with_six_digits() {
        assertThat(numbers.next("acme", 2026)).isEqualTo("ORD-2026-000001");
        assertThat(numbers.next("acme", 2026)).isEqualTo("ORD-2026-000002");
        assertThat(numbers.next("globex", 2026)).isEqualTo("ORD-2026-000001");
        assertThat(numbers.next("acme", 2027)).isEqualTo("ORD-2027-000001");
    }

    @Test
    void a_database_upgraded_from_the_counter_rows_goes_on_where_its_counter_stopped() {
        jdbc.sql("INSERT INTO order_number_counter (tenant_id, year, last_value) VALUES ('initech', 2026, 41)")
                .update();

        assertThat(numbers.next("initech", 2026)).isEqualTo("ORD-2026-000042");
        assertThat(numbers.next("initech", 2026)).isEqualTo("ORD-2026-000043");
        assertThat(numbers.next("initech", 2027)).isEqualTo("ORD-2027-000001");
    }

    @Test
    void numbers_go_on_past_six_digits() {
        jdbc.sql("INSERT INTO order_number_counter (tenant_id, year, last_value) VALUES ('hooli', 2026, 999999)")
                .update();

        assertThat(numbers.next("hooli", 2026)).isEqualTo("ORD-2026-1000000");
    }

    @Test
    void tenant_ids_that_are_not_identifiers_count_apart() {
        assertThat(numbers.next("Acme Corp.", 2026)).isEqualTo("ORD-2026-000001");
        assertThat(numbers.next("acme corp.", 2026)).isEqualTo("ORD-2026-000001");
        assertThat(numbers.next("Acme Corp.", 2026)).isEqualTo("ORD-2026-000002");
    }

    @Test
    void callers_racing_for_a_years_first_number_each_get_one() throws Exception {
        var pool = Executors.newFixedThreadPool(8);
        try {
            for (int year = 2030; year < 2040; year++) {
                int forYear = year;
                var start = new CountDownLatch(1);
                List<Future<String>> futures = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    // all eight find no sequence for the year and create it at once: the losers take from the winner's
                    futures.add(pool.submit(() -> {
                        start.await();
                        return numbers.next("first", forYear);
                    }));
                }
                start.countDown();
                var taken = new ArrayList<String>();
                for (Future<String> f : futures) {
                    taken.add(f.get());
                }
                assertThat(taken)
                        .containsExactlyInAnyOrder(IntStream.rangeClosed(1, 8)
                                .mapToObj(n -> "ORD-%d-%06d".formatted(forYear, n))
                                .toArray(String[]::new));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void racing_callers_never_get_the_same_number() throws Exception {
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> futures = new ArrayList<>();
            // the year's first numbers, so the callers also race to create its sequence
            Callable<String> take = () -> numbers.next("race", 2026);
            for (int i = 0; i < 400; i++) {
                futures.add(pool.submit(take));
            }
            var taken = new ArrayList<String>();
            for (Future<String> f : futures) {
                taken.add(f.get());
            }
            assertThat(taken).doesNotHaveDuplicates().hasSize(400).contains("ORD-2026-000400");
        } finally {
            pool.shutdownNow();
        }
    }
}

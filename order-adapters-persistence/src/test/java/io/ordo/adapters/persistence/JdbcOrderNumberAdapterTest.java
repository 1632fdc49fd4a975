package io.ordo.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.adapters.persistence.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Order numbers against real PostgreSQL: per tenant and year, never the same twice, even when raced. */
class JdbcOrderNumberAdapterTest {

    private final JdbcOrderNumberAdapter numbers =
            new JdbcOrderNumberAdapter(JdbcClient.create(TestDatabase.newMigratedDataSource("numbers")));

    @Test
    void numbers_count_per_tenant_and_year_with_six_digits() {
        assertThat(numbers.next("acme", 2026)).isEqualTo("ORD-2026-000001");
        assertThat(numbers.next("acme", 2026)).isEqualTo("ORD-2026-000002");
        assertThat(numbers.next("globex", 2026)).isEqualTo("ORD-2026-000001");
        assertThat(numbers.next("acme", 2027)).isEqualTo("ORD-2027-000001");
    }

    @Test
    void racing_callers_never_get_the_same_number() throws Exception {
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> futures = new ArrayList<>();
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

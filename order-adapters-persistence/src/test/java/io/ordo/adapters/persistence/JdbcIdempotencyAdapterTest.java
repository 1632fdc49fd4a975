package io.ordo.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.adapters.persistence.testing.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Idempotency keys against real PostgreSQL: the purge of expired keys. */
class JdbcIdempotencyAdapterTest {

    private static final Duration DAY = Duration.ofHours(24);

    private final JdbcClient jdbc = JdbcClient.create(TestDatabase.newMigratedDataSource("idempotency"));
    private final JdbcIdempotencyAdapter keys = new JdbcIdempotencyAdapter(jdbc);

    @Test
    void the_purge_deletes_keys_older_than_the_ttl_in_batches_and_keeps_the_others() {
        for (int i = 0; i < 5; i++) {
            stored("old-" + i, "25 hours");
        }
        stored("fresh", "23 hours");
        stored("running", "1 minute");

        assertThat(keys.purgeExpired(DAY, 3)).isEqualTo(3);
        assertThat(keys.purgeExpired(DAY, 3)).isEqualTo(2);
        assertThat(keys.purgeExpired(DAY, 3)).isZero();

        assertThat(jdbc.sql("SELECT idempotency_key FROM idempotency_key ORDER BY 1")
                        .query(String.class)
                        .list())
                .containsExactly("fresh", "running");
        assertThat(keys.find("acme", "agent", "fresh")).isPresent();
    }

    private void stored(String key, String age) {
        jdbc.sql("""
                        INSERT INTO idempotency_key (tenant_id, user_id, idempotency_key, request, state, response_status,
                                                     response_body, created_at, claimed_at)
                        VALUES ('acme', 'agent', :key, 'POST /api/orders\n{"customer": {"name": "Jane Roe"}}', 'done', 201,
                                '{"customerName": "Jane Roe"}', now() - CAST(:age AS interval), now() - CAST(:age AS interval))""").param("key", key).param("age", age).update();
    }
}

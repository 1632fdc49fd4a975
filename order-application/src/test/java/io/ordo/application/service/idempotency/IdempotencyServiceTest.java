package io.ordo.application.service.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.application.port.in.idempotency.IdempotentRequestsUseCase.StoredAnswer;
import io.ordo.application.port.out.IdempotencyPort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The purge of expired idempotency keys: batch after batch until none is left. */
class IdempotencyServiceTest {

    /** A store holding {@code expired} keys past their 24 hours; it records each purge call's limit. */
    private static final class ExpiredKeys implements IdempotencyPort {
        int expired;
        final List<Integer> limits = new ArrayList<>();

        ExpiredKeys(int expired) {
            this.expired = expired;
        }

        @Override
        public int purgeExpired(Duration ttl, int limit) {
            assertThat(ttl).isEqualTo(Duration.ofHours(24));
            limits.add(limit);
            int deleted = Math.min(limit, expired);
            expired -= deleted;
            return deleted;
        }

        @Override
        public boolean claim(
                String tenant, String user, String key, String request, Duration ttl, Duration abandonAfter) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Entry> find(String tenant, String user, String key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void complete(String tenant, String user, String key, StoredAnswer answer) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void release(String tenant, String user, String key) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void the_purge_goes_on_batch_after_batch_until_a_batch_is_not_full() {
        var keys = new ExpiredKeys(2500);

        assertThat(new IdempotencyService(keys, String::equals).purgeExpired()).isEqualTo(2500);

        assertThat(keys.expired).isZero();
        assertThat(keys.limits).containsExactly(1000, 1000, 1000);
    }

    @Test
    void with_nothing_expired_one_statement_finds_nothing() {
        var keys = new ExpiredKeys(0);

        assertThat(new IdempotencyService(keys, String::equals).purgeExpired()).isZero();
        assertThat(keys.limits).containsExactly(1000);
    }
}

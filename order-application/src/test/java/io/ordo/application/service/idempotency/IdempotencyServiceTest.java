package io.ordo.application.service.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.application.port.in.Caller;
import io.ordo.application.port.in.idempotency.IdempotentRequestsUseCase.AnswerLost;
import io.ordo.application.port.in.idempotency.IdempotentRequestsUseCase.Claim;
import io.ordo.application.port.in.idempotency.IdempotentRequestsUseCase.InProgress;
import io.ordo.application.port.in.idempotency.IdempotentRequestsUseCase.Mismatch;
import io.ordo.application.port.in.idempotency.IdempotentRequestsUseCase.Replay;
import io.ordo.application.port.in.idempotency.IdempotentRequestsUseCase.StoredAnswer;
import io.ordo.application.port.out.IdempotencyPort;
import io.ordo.application.port.out.IdempotencyPort.Entry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a request meets when its key is taken, and the purge of expired idempotency keys: batch after batch until
 * none is left.
 */
class IdempotencyServiceTest {

    /** A store holding {@code expired} keys past their 24 hours; it records each purge call's limit. */
    private static class ExpiredKeys implements IdempotencyPort {
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

    private static final String REQUEST = "POST /api/orders\n{}";
    private static final Caller AGENT = new Caller("agent", "acme", Set.of("agent"), null, null);

    /** A store in which the key is already taken, by {@code entry}. */
    private static IdempotencyPort taken(Entry entry) {
        return new ExpiredKeys(0) {
            @Override
            public boolean claim(
                    String tenant, String user, String key, String request, Duration ttl, Duration abandonAfter) {
                return false;
            }

            @Override
            public Optional<Entry> find(String tenant, String user, String key) {
                return Optional.of(entry);
            }
        };
    }

    private static Claim claimAgainst(Entry entry) {
        return new IdempotencyService(taken(entry), String::equals).claim(AGENT, "k", "POST", "/api/orders", "{}");
    }

    @Test
    void a_committed_key_whose_answer_never_came_answers_its_order_once_its_request_is_surely_gone() {
        assertThat(claimAgainst(new Entry(REQUEST, "committed", null, "order-1", Duration.ofSeconds(11))))
                .isEqualTo(new AnswerLost("order-1"));
        assertThat(claimAgainst(new Entry(REQUEST, "committed", null, "order-1", Duration.ofSeconds(2))))
                .as("its request may still be storing the answer")
                .isEqualTo(new InProgress());
        assertThat(claimAgainst(new Entry(REQUEST, "running", null, null, Duration.ofSeconds(30))))
                .isEqualTo(new InProgress());
    }

    @Test
    void a_stored_answer_is_replayed_and_another_request_is_refused() {
        var answer = new StoredAnswer(201, "{}", "application/json", "/api/orders/order-1", "\"0\"");
        assertThat(claimAgainst(new Entry(REQUEST, "done", answer, "order-1", Duration.ofMinutes(5))))
                .isEqualTo(new Replay(answer));
        assertThat(claimAgainst(
                        new Entry("POST /api/orders\n{\"a\": 1}", "committed", null, "order-1", Duration.ofMinutes(5))))
                .isEqualTo(new Mismatch());
    }
}

package io.ordo.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.ordo.application.port.in.idempotency.IdempotentRequestsUseCase;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired idempotency keys on this node every {@code ordo.idempotency.purge-interval} once the service is
 * up. A key is kept 24 hours, with the request and the answer it stores (customer names, phones, e-mail addresses);
 * after that nothing reads it. Every node may purge: deleting a deleted row changes nothing. The count goes to the
 * counter {@code ordo.idempotency.keys.purged}.
 */
class IdempotencyHousekeeping extends NodeTask {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyHousekeeping.class);

    private final IdempotentRequestsUseCase keys;
    private final Duration interval;
    private final Counter purged;

    IdempotencyHousekeeping(IdempotentRequestsUseCase keys, Duration interval, MeterRegistry registry) {
        super("idempotency-housekeeping", interval, interval);
        this.keys = keys;
        this.interval = interval;
        this.purged = Counter.builder("ordo.idempotency.keys.purged")
                .description("Idempotency keys deleted after their 24 hours")
                .register(registry);
    }

    @Override
    protected void run() {
        purge();
    }

    void purge() {
        try {
            int deleted = keys.purgeExpired();
            purged.increment(deleted);
            if (deleted > 0) {
                log.info("Deleted {} idempotency keys older than 24 hours", deleted);
            }
        } catch (RuntimeException e) {
            log.warn("Could not delete expired idempotency keys, retrying in {}: {}", interval, e.getMessage());
        }
    }
}

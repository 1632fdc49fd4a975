package io.ordo.application.port.out;

import io.ordo.application.port.in.idempotency.IdempotentRequestsUseCase.StoredAnswer;
import java.time.Duration;
import java.util.Optional;

/** Outgoing port: the stored idempotency keys. */
public interface IdempotencyPort {

    /**
     * A key as stored: the request it was first used with, its state ({@code running}, {@code committed},
     * {@code done}), the answer (when done), the order its events belong to (once committed) and how long ago it
     * was claimed.
     */
    record Entry(String request, String state, StoredAnswer answer, String orderId, Duration sinceClaimed) {}

    /**
     * Takes the key for this request if it is free (or expired after {@code ttl}, or left running longer than
     * {@code abandonAfter} by a request that never committed); true when taken.
     */
    boolean claim(String tenant, String user, String key, String request, Duration ttl, Duration abandonAfter);

    Optional<Entry> find(String tenant, String user, String key);

    void complete(String tenant, String user, String key, StoredAnswer answer);

    void release(String tenant, String user, String key);

    /** Deletes up to {@code limit} keys created more than {@code ttl} ago; how many it deleted. */
    int purgeExpired(Duration ttl, int limit);
}

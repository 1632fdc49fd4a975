package io.ordo.application.service.idempotency;

import io.ordo.application.port.in.Caller;
import io.ordo.application.port.in.idempotency.IdempotentRequestsUseCase;
import io.ordo.application.port.out.IdempotencyPort;
import java.time.Duration;
import java.util.function.BiPredicate;

/** Idempotency keys: claim, compare the request JSON-equal, replay the stored answer. */
public final class IdempotencyService implements IdempotentRequestsUseCase {

    static final Duration TTL = Duration.ofHours(24);
    /** A claim that neither committed nor answered in this long belongs to a request that died. */
    static final Duration ABANDONED_AFTER = Duration.ofSeconds(60);
    /**
     * A committed key without an answer this long after its claim lost its answer: its request stores the answer
     * milliseconds after the commit, unless its node stopped in between.
     */
    static final Duration ANSWER_LOST_AFTER = Duration.ofSeconds(10);
    /** Expired keys deleted per statement: short transactions, however many have piled up. */
    static final int PURGE_BATCH = 1000;

    private final IdempotencyPort keys;
    private final BiPredicate<String, String> sameRequest;

    /** @param sameRequest whether two stored requests are the same (method, path and a JSON-equal body) */
    public IdempotencyService(IdempotencyPort keys, BiPredicate<String, String> sameRequest) {
        this.keys = keys;
        this.sameRequest = sameRequest;
    }

    static String request(String method, String path, String body) {
        return method + " " + path + "\n" + (body == null ? "" : body);
    }

    @Override
    public Claim claim(Caller caller, String key, String method, String path, String body) {
        String request = request(method, path, body);
        String tenant = tenantOf(caller);
        if (keys.claim(tenant, caller.userId(), key, request, TTL, ABANDONED_AFTER)) {
            return new Claimed();
        }
        var entry = keys.find(tenant, caller.userId(), key);
        if (entry.isEmpty()) {
            return new InProgress(); // released between our attempts: try again
        }
        if (!sameRequest.test(entry.get().request(), request)) {
            return new Mismatch();
        }
        if (entry.get().answer() != null) {
            return new Replay(entry.get().answer());
        }
        if ("committed".equals(entry.get().state())
                && entry.get().orderId() != null
                && entry.get().sinceClaimed().compareTo(ANSWER_LOST_AFTER) > 0) {
            return new AnswerLost(entry.get().orderId());
        }
        return new InProgress();
    }

    @Override
    public void complete(Caller caller, String key, StoredAnswer answer) {
        keys.complete(tenantOf(caller), caller.userId(), key, answer);
    }

    @Override
    public void abandon(Caller caller, String key) {
        keys.release(tenantOf(caller), caller.userId(), key);
    }

    @Override
    public int purgeExpired() {
        int purged = 0;
        int deleted;
        do {
            deleted = keys.purgeExpired(TTL, PURGE_BATCH);
            purged += deleted;
        } while (deleted == PURGE_BATCH);
        return purged;
    }

    private static String tenantOf(Caller caller) {
        return caller.tenantId() == null ? "-" : caller.tenantId();
    }
}

package io.ordo.application.port.in.idempotency;

import io.ordo.application.port.in.Caller;

/**
 * Use case: POSTs with an {@code Idempotency-Key}, scoped to (tenant, user, key) for 24 hours. A request
 * first claims its key; the same key with a JSON-equal request replays the stored answer, with another
 * request it is refused, and while the first is still running a duplicate is told to wait.
 */
public interface IdempotentRequestsUseCase {

    int MAX_KEY_LENGTH = 255;

    /** What became of a claim. */
    sealed interface Claim permits Claimed, Replay, Mismatch, InProgress, AnswerLost {}

    /** The key is this request's: run it, then {@link #complete} or {@link #abandon}. */
    record Claimed() implements Claim {}

    /** A request with this key was answered: answer the same. */
    record Replay(StoredAnswer answer) implements Claim {}

    /** The key was used for a different request: 409 IDEMPOTENCY_KEY_REUSED. */
    record Mismatch() implements Claim {}

    /** The first request with this key is still running: wait and claim again. */
    record InProgress() implements Claim {}

    /**
     * The first request with this key stored its events on {@code orderId}, but its answer was never stored (its
     * node stopped in between): answer the order as it is now.
     */
    record AnswerLost(String orderId) implements Claim {}

    /** An answer as it went to the client. */
    record StoredAnswer(int status, String body, String contentType, String location, String etag) {}

    /** @param request the request as the client sent it: method, path and JSON body (compared JSON-equal) */
    Claim claim(Caller caller, String key, String method, String path, String body);

    void complete(Caller caller, String key, StoredAnswer answer);

    /** The request failed with a 5xx: nothing is recorded, the key is free again. */
    void abandon(Caller caller, String key);

    /**
     * Deletes every key older than the 24 hours a key is kept, with the request and answer it holds (customer
     * names, phones, e-mail addresses); how many. Such keys are no longer used: a claim treats them as free.
     */
    int purgeExpired();
}

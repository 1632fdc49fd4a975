package io.ordo.application.port.in.idempotency;

/**
 * The Idempotency-Key of the request this thread is serving, if any. The command carries it as metadata,
 * so the key is marked committed in the very transaction that stores the command's events.
 */
public final class IdempotencyContext {

    private static final ThreadLocal<String> KEY = new ThreadLocal<>();

    private IdempotencyContext() {}

    public static void set(String key) {
        KEY.set(key);
    }

    public static String current() {
        return KEY.get();
    }

    public static void clear() {
        KEY.remove();
    }
}

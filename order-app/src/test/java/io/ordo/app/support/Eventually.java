package io.ordo.app.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls a read model that may lag (lists, audit, reports) until it shows what a test waits for, or 10 s pass. */
public final class Eventually {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private Eventually() {}

    /** The first value {@code probe} gives that satisfies {@code done}, else the last one after 10 s. */
    public static <T> T eventually(Supplier<T> probe, Predicate<T> done) {
        return eventually(probe, done, PATIENCE);
    }

    /** As above, with its own patience (recovering processors back off for a while). */
    public static <T> T eventually(Supplier<T> probe, Predicate<T> done, Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        T value = probe.get();
        while (!done.test(value) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            value = probe.get();
        }
        return value;
    }
}

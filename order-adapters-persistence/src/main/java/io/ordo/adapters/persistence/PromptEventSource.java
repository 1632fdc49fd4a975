package io.ordo.adapters.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The event store as the source of the pooled streaming projections, made prompt. Axon's pooled processor
 * looks for new events every 500 ms when its stream cannot call it back (the embedded event store's cannot),
 * so an order took half a second on average to reach the list. This source's streams accept the callback and
 * a ticker calls every open stream's callback each {@code interval}; the processor then looks at its stream.
 * Lag from idle drops from ~500 ms to ~{@code interval}. Each look is a query of the event store (each processor
 * reads its own stream, see EventStoreConfiguration), so the ticker first asks {@code newCommits} whether anything
 * was committed since its last tick, one cheap statement, and wakes the streams only then. Axon's coordinator
 * also looks by itself every {@code token-claim-interval} (1 s), whatever the ticker does.
 * <p>
 * Axon's coordinator asks its stream whether an event is available several times per run, and the event store's
 * stream answers each time with a query in a transaction of its own, plus a second query when it finds nothing
 * (Axon's check for a gap wider than a batch): about 2.7 reads per create under load, most of them empty
 * (docs/benchmarks.md). So a stream that found nothing answers "nothing" without asking again until the ticker has
 * seen a commit since, on any node, or {@value #QUIET_MILLIS} ms have passed. A commit after an empty read is
 * always seen by a later tick, and the stream asks again after that tick: the generation it compares is read
 * before each read of the store.
 */
public final class PromptEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {

    /** The longest a stream that found nothing answers "nothing" without asking the store again. */
    static final long QUIET_MILLIS = 1_000;

    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final BooleanSupplier newCommits;
    private final LongSupplier nanoTime;
    private final AtomicLong commitsSeen = new AtomicLong();
    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        var thread = new Thread(runnable, "ordo-event-ticker");
        thread.setDaemon(true);
        return thread;
    });

    public PromptEventSource(StreamableMessageSource<TrackedEventMessage<?>> events, Duration interval,
                             BooleanSupplier newCommits) {
        this(events, interval, newCommits, System::nanoTime);
    }

    PromptEventSource(StreamableMessageSource<TrackedEventMessage<?>> events, Duration interval,
                      BooleanSupplier newCommits, LongSupplier nanoTime) {
        this.events = events;
        this.newCommits = newCommits;
        this.nanoTime = nanoTime;
        long millis = Math.max(1, interval.toMillis());
        ticker.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** One tick: if anything was committed since the last, every open stream may have events: wake them. */
    void tick() {
        if (!callbacks.isEmpty() && newCommits.getAsBoolean()) {
            commitsSeen.incrementAndGet();
            callbacks.forEach(PromptEventSource::call);
        }
    }

    private static void call(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            // a processor shutting down; the ticker must keep ticking for the others
        }
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new PromptStream(events.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return events.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return events.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return events.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return events.createTokenSince(duration);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (newCommits instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // closing at shutdown: nothing left to do about it
            }
        }
    }

    private final class PromptStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private volatile Runnable callback;
        /** The ticks' count of commits seen when a read found nothing; -1 after a read that found an event. */
        private volatile long emptyAt = -1;
        private volatile long emptySince;

        PromptStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            Runnable previous = this.callback;
            if (previous != null) {
                callbacks.remove(previous);
            }
            this.callback = callback;
            callbacks.add(callback);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            long seen = commitsSeen.get();
            if (knownEmpty(seen)) {
                return Optional.empty();
            }
            Optional<TrackedEventMessage<?>> next = delegate.peek();
            read(next.isPresent(), seen);
            return next;
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (timeout > 0) {
                return delegate.hasNextAvailable(timeout, unit);
            }
            long seen = commitsSeen.get();
            if (knownEmpty(seen)) {
                return false;
            }
            boolean available = delegate.hasNextAvailable(timeout, unit);
            read(available, seen);
            return available;
        }

        /** Whether the store was read and found empty since the last tick that saw a commit, and not long ago. */
        private boolean knownEmpty(long seen) {
            return emptyAt == seen && nanoTime.getAsLong() - emptySince < TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS);
        }

        private void read(boolean found, long seen) {
            if (found) {
                emptyAt = -1;
            } else {
                emptySince = nanoTime.getAsLong();
                emptyAt = seen;
            }
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            Runnable current = callback;
            if (current != null) {
                callbacks.remove(current);
            }
            delegate.close();
        }
    }
}

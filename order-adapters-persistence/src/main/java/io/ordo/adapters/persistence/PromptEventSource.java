package io.ordo.adapters.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
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
 */
public final class PromptEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {

    private final EventStore events;
    private final BooleanSupplier newCommits;
    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        var thread = new Thread(runnable, "ordo-event-ticker");
        thread.setDaemon(true);
        return thread;
    });

    public PromptEventSource(EventStore events, Duration interval, BooleanSupplier newCommits) {
        this.events = events;
        this.newCommits = newCommits;
        long millis = Math.max(1, interval.toMillis());
        ticker.scheduleWithFixedDelay(
                () -> {
                    if (!callbacks.isEmpty() && newCommits.getAsBoolean()) {
                        callbacks.forEach(PromptEventSource::call);
                    }
                },
                millis,
                millis,
                TimeUnit.MILLISECONDS);
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
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
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

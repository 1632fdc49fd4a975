package io.ordo.adapters.persistence.stream;

import io.ordo.application.port.out.stream.OrderEventFeed;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live stream's feed, read from the event store itself (not an in-memory bus), so a node sees every node's
 * events: while anyone listens, one thread per node reads what was committed after its gap-aware token every
 * {@code interval}, as a tracking processor would (an event that commits late, below events already read, still
 * comes through). A replay reads from a position to the newest event, at most {@code maxReplay} events back.
 */
public final class EventStoreFeed implements OrderEventFeed, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventStoreFeed.class);

    private final EventStorageEngine storage;
    private final Duration interval;
    private final long maxReplay;
    private final Set<Consumer<FeedEvent>> listeners = ConcurrentHashMap.newKeySet();
    private volatile boolean running = true;
    private Thread poller;
    /** Where the poller reads on from; set to the newest event when the first listener comes (guarded by this). */
    private TrackingToken token;

    private boolean positioned;

    public EventStoreFeed(EventStorageEngine storage, Duration interval, long maxReplay) {
        this.storage = storage;
        this.interval = interval;
        this.maxReplay = maxReplay;
    }

    @Override
    public void replay(long position, Consumer<FeedEvent> sink) {
        long head = storage.createHeadToken().position().orElse(-1);
        long from = Math.max(position, head - maxReplay);
        try (Stream<? extends TrackedEventMessage<?>> events =
                storage.readEvents(GapAwareTrackingToken.newInstance(from, Set.of()), false)) {
            events.map(EventStoreFeed::feedEvent).forEach(event -> {
                if (event != null) {
                    sink.accept(event);
                }
            });
        }
    }

    @Override
    public synchronized AutoCloseable listen(Consumer<FeedEvent> listener) {
        if (!positioned) {
            // from the newest event as of now, before the caller goes on: nothing committed after this returns is
            // missed
            token = storage.createHeadToken();
            positioned = true;
        }
        listeners.add(listener);
        if (poller == null) {
            poller = new Thread(this::poll, "ordo-live-feed");
            poller.setDaemon(true);
            poller.start();
        }
        return () -> listeners.remove(listener);
    }

    private void poll() {
        while (running) {
            try {
                TrackingToken from;
                synchronized (this) {
                    if (listeners.isEmpty()) {
                        positioned = false; // nobody to tell: the next listener starts from the newest event
                    }
                    from = positioned ? token : null;
                }
                if (from != null || positionedAtEmptyStore()) {
                    TrackingToken next = readAfter(from);
                    synchronized (this) {
                        if (positioned && token == from) {
                            token = next;
                        }
                    }
                }
            } catch (RuntimeException e) {
                log.warn("The live stream could not read the event store; trying again: {}", e.toString());
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Positioned while the store was empty: the head was no token at all, and reading starts at the first event. */
    private synchronized boolean positionedAtEmptyStore() {
        return positioned && token == null;
    }

    private TrackingToken readAfter(TrackingToken token) {
        TrackingToken last = token;
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(token, false)) {
            for (var iterator = events.iterator(); iterator.hasNext(); ) {
                TrackedEventMessage<?> message = iterator.next();
                last = message.trackingToken();
                FeedEvent event = feedEvent(message);
                if (event != null) {
                    for (Consumer<FeedEvent> listener : listeners) {
                        try {
                            listener.accept(event);
                        } catch (RuntimeException e) {
                            log.warn("A live stream listener failed: {}", e.toString());
                        }
                    }
                }
            }
        }
        return last;
    }

    private static FeedEvent feedEvent(TrackedEventMessage<?> message) {
        if (!(message instanceof DomainEventMessage<?> domain)) {
            return null;
        }
        Object tenant = message.getMetaData().get("tenant");
        if (tenant == null) {
            return null;
        }
        Object actor = message.getMetaData().get("actor");
        return new FeedEvent(
                message.trackingToken().position().orElse(-1),
                tenant.toString(),
                domain.getAggregateIdentifier(),
                domain.getSequenceNumber(),
                message.getPayloadType().getSimpleName(),
                message.getTimestamp(),
                actor == null ? null : actor.toString(),
                message.getPayload());
    }

    @Override
    public void close() {
        running = false;
        if (poller != null) {
            poller.interrupt();
        }
    }
}

package io.ordo.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A stream of the prompt source that found nothing does not read the store again until a tick has seen a commit
 * (or a second has passed), and then reads it at once: the event committed meanwhile is not missed. The ticks are
 * driven by the test (the source's own ticker is set to an hour), and so is the clock.
 */
class PromptEventSourceTest {

    private final Store store = new Store();
    private final AtomicBoolean committed = new AtomicBoolean();
    private final AtomicLong nanos = new AtomicLong();
    private PromptEventSource source;
    private BlockingStream<TrackedEventMessage<?>> stream;

    @BeforeEach
    void open() {
        source = new PromptEventSource(store, Duration.ofHours(1), () -> committed.getAndSet(false), nanos::get);
        stream = source.openStream(null);
        stream.setOnAvailableCallback(() -> { });
    }

    @AfterEach
    void close() {
        source.close();
    }

    @Test
    void after_an_empty_read_the_store_is_read_again_only_once_a_tick_has_seen_a_commit() throws Exception {
        assertThat(stream.hasNextAvailable()).isFalse();
        assertThat(stream.hasNextAvailable()).isFalse();
        assertThat(stream.peek()).isEmpty();
        assertThat(store.reads).as("one read: the others knew it was empty").hasValue(1);

        source.tick();
        assertThat(stream.hasNextAvailable()).isFalse();
        assertThat(store.reads).as("a tick without a commit").hasValue(1);

        store.commit(1);
        committed.set(true);
        source.tick();
        assertThat(stream.hasNextAvailable()).isTrue();
        assertThat(stream.nextAvailable().trackingToken()).isEqualTo(new GlobalSequenceTrackingToken(1));
        assertThat(store.reads).hasValue(2);
    }

    @Test
    void a_stream_that_found_an_event_reads_the_store_on_every_question() throws Exception {
        store.commit(1);
        store.commit(2);
        assertThat(stream.hasNextAvailable()).isTrue();
        stream.nextAvailable();
        assertThat(stream.hasNextAvailable()).isTrue();
        stream.nextAvailable();
        assertThat(stream.hasNextAvailable()).isFalse();
        assertThat(store.reads).hasValue(3);
    }

    @Test
    void without_any_tick_the_store_is_read_again_after_a_second() throws Exception {
        assertThat(stream.hasNextAvailable()).isFalse();
        store.commit(1);
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(PromptEventSource.QUIET_MILLIS - 1));
        assertThat(stream.hasNextAvailable()).isFalse();
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
        assertThat(stream.hasNextAvailable()).isTrue();
        assertThat(store.reads).hasValue(2);
    }

    @Test
    void a_commit_seen_by_a_tick_while_a_read_ran_is_read_by_the_next_question() throws Exception {
        // the read finds nothing, and the event's commit is seen by a tick before that read returns
        store.duringNextRead = () -> {
            store.commit(1);
            committed.set(true);
            source.tick();
        };
        assertThat(stream.hasNextAvailable()).isFalse();
        assertThat(stream.hasNextAvailable()).isTrue();
    }

    /** The event store's stream as the coordinator sees it: each question without an event at hand is a read. */
    private static final class Store implements StreamableMessageSource<TrackedEventMessage<?>> {

        final AtomicInteger reads = new AtomicInteger();
        final Deque<TrackedEventMessage<?>> committed = new ArrayDeque<>();
        Runnable duringNextRead;

        void commit(long index) {
            committed.add(new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(index),
                    GenericEventMessage.asEventMessage("event " + index)));
        }

        @Override
        public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
            return new BlockingStream<>() {
                @Override
                public Optional<TrackedEventMessage<?>> peek() {
                    Optional<TrackedEventMessage<?>> next = Optional.ofNullable(committed.peek());
                    read();
                    return next;
                }

                @Override
                public boolean hasNextAvailable(int timeout, TimeUnit unit) {
                    boolean found = !committed.isEmpty();
                    read();
                    return found;
                }

                @Override
                public TrackedEventMessage<?> nextAvailable() {
                    return committed.poll();
                }

                @Override
                public void close() {
                }
            };
        }

        /** A read: its answer is what was committed when it began. */
        private void read() {
            reads.incrementAndGet();
            if (duringNextRead != null) {
                Runnable during = duringNextRead;
                duringNextRead = null;
                during.run();
            }
        }

        @Override
        public TrackingToken createTailToken() {
            return null;
        }

        @Override
        public TrackingToken createHeadToken() {
            return null;
        }

        @Override
        public TrackingToken createTokenAt(Instant dateTime) {
            return null;
        }
    }
}

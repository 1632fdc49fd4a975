package io.ordo.application.port.out.stream;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * The order events as the event store holds them, by global position: those after a position, and each new one as
 * it is committed on any node (read from the store itself, so every node sees every node's events).
 */
public interface OrderEventFeed {

    /** Every stored event after {@code position}, oldest first, up to the newest now. */
    void replay(long position, Consumer<FeedEvent> sink);

    /** Each event committed from now on, in the order the store gives them; close the answer to stop. */
    AutoCloseable listen(Consumer<FeedEvent> listener);

    /** A stored event: its position, tenant, order, sequence, type, time, author and payload. */
    record FeedEvent(
            long position,
            String tenant,
            String orderId,
            long sequence,
            String type,
            Instant at,
            String actor,
            Object payload) {}
}

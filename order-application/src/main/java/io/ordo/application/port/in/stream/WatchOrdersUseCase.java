package io.ordo.application.port.in.stream;

import io.ordo.application.port.in.Caller;
import java.util.function.Consumer;

/**
 * Watching the orders a caller may see as they change: each new event of such an order goes to {@code sink}. With
 * {@code lastEventId} (a position the stream gave out), first the caller's events after it, then live ones.
 */
public interface WatchOrdersUseCase {

    /**
     * Starts a watch; close it when the client goes. A sink that throws ends its watch.
     *
     * @throws TooManyStreamsException when the caller has its most streams open already
     */
    Watch watch(Caller caller, Long lastEventId, Consumer<LiveEvent> sink);

    /** An open watch. */
    interface Watch extends AutoCloseable {
        @Override
        void close();
    }
}

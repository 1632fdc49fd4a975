package io.ordo.application.port.in.history;

import io.ordo.application.port.in.Caller;
import io.ordo.application.port.in.OrderView;
import java.time.Instant;

/** Use case: an order's stored history — its events, the order as it stood at an instant, and its proof. */
public interface GetOrderHistoryUseCase {

    /** The stored events after {@code cursor} (null: from the first), at most {@code limit} (1–1000). */
    EventPage events(Caller caller, String orderId, String cursor, int limit);

    /** The order as it stood at {@code instant} (inclusive); before its creation it did not exist (404). */
    OrderView asOf(Caller caller, String orderId, Instant instant);

    /** Re-computes the order's hash chain over its stored events. */
    ChainVerification verify(Caller caller, String orderId);
}

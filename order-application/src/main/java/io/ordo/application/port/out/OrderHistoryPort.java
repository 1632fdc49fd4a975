package io.ordo.application.port.out;

import io.ordo.application.port.in.history.ChainVerification;
import io.ordo.application.port.in.history.StoredEventView;
import io.ordo.domain.OrderId;
import java.util.List;

/**
 * Outgoing port: the event store itself, read as the stored truth (not a projection). Callers check the
 * order's visibility first; these methods take the order id only because an order id names one tenant's order.
 */
public interface OrderHistoryPort {

    /** Events with sequence greater than {@code afterSequence}, oldest first, at most {@code limit}. */
    List<StoredEventView> events(OrderId id, long afterSequence, int limit);

    ChainVerification verify(OrderId id);
}

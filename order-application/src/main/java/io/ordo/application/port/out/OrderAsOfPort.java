package io.ordo.application.port.out;

import io.ordo.application.port.in.OrderView;
import io.ordo.domain.OrderId;
import java.time.Instant;
import java.util.Optional;

/**
 * Outgoing port: an order as it stood at an instant, folded from its stored events with the same fold the
 * detail projection uses. Callers check visibility first.
 */
public interface OrderAsOfPort {

    /** The order folded from its events stamped at or before {@code instant}; empty if none were. */
    Optional<OrderView> asOf(OrderId id, Instant instant);
}

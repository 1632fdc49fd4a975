package io.ordo.application.port.in.order;

import io.ordo.application.port.in.Caller;
import io.ordo.application.port.in.OrderView;

/** Use case: cancel an order, saying why. */
public interface CancelOrderUseCase {
    OrderView cancel(Caller caller, String orderId, String reason, Long ifMatch);
}

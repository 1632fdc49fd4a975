package io.ordo.application.port.in.order;

import io.ordo.application.port.in.Caller;
import io.ordo.application.port.in.OrderView;

/** Use case: move an order within its workflow. */
public interface ChangeOrderStatusUseCase {
    OrderView changeStatus(Caller caller, String orderId, StatusChange change, Long ifMatch);
}

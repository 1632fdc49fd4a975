package io.ordo.application.port.in.order;

import io.ordo.application.port.in.Caller;
import io.ordo.application.port.in.OrderView;

/** Use case: take a new order in one of the workflows. */
public interface CreateOrderUseCase {
    OrderView create(Caller caller, NewOrder order);
}

package io.ordo.application.port.in.order;

import io.ordo.application.port.in.Caller;

/** Use case: list and search the orders the caller may see. */
public interface FindOrdersUseCase {
    OrderPage find(Caller caller, OrderQuery query);
}

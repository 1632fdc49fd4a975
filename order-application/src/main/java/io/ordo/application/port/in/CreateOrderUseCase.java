package io.ordo.application.port.in;

/** Use case: take a new order in one of the workflows. */
public interface CreateOrderUseCase {
    OrderView create(Caller caller, NewOrder order);
}

package io.ordo.application.port.in;

/** Use case: move an order within its workflow. */
public interface ChangeOrderStatusUseCase {
    OrderView changeStatus(Caller caller, String orderId, StatusChange change, Long ifMatch);
}

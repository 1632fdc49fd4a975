package io.ordo.application.port.in;

/** Use case: cancel an order, saying why. */
public interface CancelOrderUseCase {
    OrderView cancel(Caller caller, String orderId, String reason, Long ifMatch);
}

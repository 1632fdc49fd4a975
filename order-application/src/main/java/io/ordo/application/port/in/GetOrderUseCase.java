package io.ordo.application.port.in;

/** Use case: read one order as it stands now. */
public interface GetOrderUseCase {
    OrderView get(Caller caller, String orderId);
}

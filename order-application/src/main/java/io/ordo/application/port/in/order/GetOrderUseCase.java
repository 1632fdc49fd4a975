package io.ordo.application.port.in.order;

import io.ordo.application.port.in.Caller;
import io.ordo.application.port.in.OrderView;

/** Use case: read one order as it stands now. */
public interface GetOrderUseCase {
    OrderView get(Caller caller, String orderId);
}

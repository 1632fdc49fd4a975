package io.ordo.application.port.in.order;

import io.ordo.application.port.in.Caller;
import io.ordo.application.port.in.OrderView;
import io.ordo.domain.DetailsPatch;

/** Use case: change an order's details with a merge patch; {@code ifMatch} is the expected version or null. */
public interface UpdateOrderUseCase {
    OrderView update(Caller caller, String orderId, DetailsPatch patch, String justification, Long ifMatch);
}

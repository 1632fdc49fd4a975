package io.ordo.application.service.order;

import io.ordo.application.port.in.Caller;
import io.ordo.application.port.in.OrderView;
import io.ordo.application.port.in.order.CancelOrderUseCase;
import io.ordo.application.service.OrderWrite;
import io.ordo.application.service.OrderWrites;
import io.ordo.domain.Order;
import io.ordo.domain.command.CancelOrderCommand;

/** Cancels an order, saying why. */
public final class CancelOrderService implements CancelOrderUseCase {

    private final OrderWrites writes;

    public CancelOrderService(OrderWrites writes) {
        this.writes = writes;
    }

    @Override
    public OrderView cancel(Caller caller, String orderId, String reason, Long ifMatch) {
        Order.requireCancelReason(reason);
        return writes.apply(OrderWrite.to(orderId, caller)
                .ifMatch(ifMatch)
                .sending(id -> new CancelOrderCommand(id, reason, caller.userId(), ifMatch)));
    }
}

package io.ordo.application.service.order;

import io.ordo.application.port.in.Caller;
import io.ordo.application.port.in.OrderView;
import io.ordo.application.port.in.order.ChangeOrderStatusUseCase;
import io.ordo.application.port.in.order.StatusChange;
import io.ordo.application.service.OrderWrite;
import io.ordo.application.service.OrderWrites;
import io.ordo.domain.Order;
import io.ordo.domain.command.ChangeOrderStatusCommand;
import io.ordo.domain.workflow.Workflows;

/** Moves an order within its workflow. */
public final class ChangeOrderStatusService implements ChangeOrderStatusUseCase {

    private final OrderWrites writes;

    public ChangeOrderStatusService(OrderWrites writes) {
        this.writes = writes;
    }

    @Override
    public OrderView changeStatus(Caller caller, String orderId, StatusChange change, Long ifMatch) {
        Order.requireStatusNamed(change.status());
        return writes.apply(OrderWrite.to(orderId, caller)
                .ifMatch(ifMatch)
                .judgingBody(order ->
                        Order.requireValidMove(Workflows.named(order.workflow()), change.status(), change.reason()))
                .sending(id -> new ChangeOrderStatusCommand(
                        id,
                        change.status(),
                        change.reason(),
                        change.note(),
                        change.carrier(),
                        change.trackingNumber(),
                        caller.userId(),
                        ifMatch)));
    }
}

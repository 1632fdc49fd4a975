package io.ordo.application.service.order;

import io.ordo.application.port.in.Caller;
import io.ordo.application.port.in.OrderView;
import io.ordo.application.port.in.order.UpdateOrderUseCase;
import io.ordo.application.service.AccessPolicy;
import io.ordo.application.service.OrderWrite;
import io.ordo.application.service.OrderWrites;
import io.ordo.domain.DetailsPatch;
import io.ordo.domain.Order;
import io.ordo.domain.command.UpdateOrderDetailsCommand;
import io.ordo.domain.workflow.Workflows;

/** Changes an order's details with a merge patch. */
public final class UpdateOrderService implements UpdateOrderUseCase {

    private final OrderWrites writes;
    private final AccessPolicy policy;

    public UpdateOrderService(OrderWrites writes, AccessPolicy policy) {
        this.writes = writes;
        this.policy = policy;
    }

    @Override
    public OrderView update(Caller caller, String orderId, DetailsPatch patch, String justification, Long ifMatch) {
        return writes.apply(OrderWrite.to(orderId, caller)
                .ifMatch(ifMatch)
                .judgingBody(order -> Order.requireValidPatch(
                        Workflows.named(order.workflow()), order.details(), patch, justification))
                .judgingRights(order -> {
                    if (patch.mentions("location")) {
                        policy.requireWithinLocation(caller, patch.location());
                    }
                })
                .sending(id -> new UpdateOrderDetailsCommand(id, patch, justification, caller.userId(), ifMatch)));
    }
}

package io.ordo.application.service.order;

import io.ordo.application.port.in.Caller;
import io.ordo.application.port.in.ForbiddenException;
import io.ordo.application.port.in.OrderView;
import io.ordo.application.port.in.order.UpdateOrderUseCase;
import io.ordo.application.port.out.OrderReadModelPort;
import io.ordo.application.service.AccessPolicy;
import io.ordo.application.service.OrderCommands;
import io.ordo.domain.DetailsPatch;
import io.ordo.domain.OrderId;
import io.ordo.domain.command.UpdateOrderDetailsCommand;
import io.ordo.domain.exception.InvalidOrderException;
import io.ordo.domain.workflow.Workflows;
import org.axonframework.commandhandling.gateway.CommandGateway;

/** Changes an order's details with a merge patch. */
public final class UpdateOrderService implements UpdateOrderUseCase {

    private final OrderCommands commands;

    public UpdateOrderService(CommandGateway gateway, OrderReadModelPort readModel, AccessPolicy policy) {
        this.commands = new OrderCommands(gateway, readModel, policy);
    }

    /** A manager bound to a location keeps its orders there (the same bound as at creation). */
    private static void requireWithinLocation(Caller caller, DetailsPatch patch) {
        boolean bound = caller.hasRole(AccessPolicy.MANAGER)
                && !caller.hasRole(AccessPolicy.ADMIN)
                && caller.location() != null;
        if (bound && patch.mentions("location") && !caller.location().equals(patch.location())) {
            throw new ForbiddenException(
                    "A manager of location '%s' cannot move orders elsewhere.".formatted(caller.location()));
        }
    }

    @Override
    public OrderView update(Caller caller, String orderId, DetailsPatch patch, String justification, Long ifMatch) {
        return commands.write(
                caller,
                orderId,
                ifMatch,
                order -> Workflows.find(order.workflow())
                        .filter(workflow ->
                                workflow.justificationRequired() && (justification == null || justification.isBlank()))
                        .ifPresent(workflow -> {
                            throw InvalidOrderException.of(
                                    "justification", "is required to change a " + workflow.name() + " order");
                        }),
                order -> requireWithinLocation(caller, patch),
                expected -> new UpdateOrderDetailsCommand(
                        OrderId.parse(orderId).orElseThrow(), patch, justification, caller.userId(), expected));
    }
}

package io.ordo.application.service.order;

import io.ordo.application.port.in.Caller;
import io.ordo.application.port.in.OrderView;
import io.ordo.application.port.in.order.ChangeOrderStatusUseCase;
import io.ordo.application.port.in.order.StatusChange;
import io.ordo.application.port.out.OrderReadModelPort;
import io.ordo.application.service.AccessPolicy;
import io.ordo.application.service.OrderCommands;
import io.ordo.domain.OrderId;
import io.ordo.domain.command.ChangeOrderStatusCommand;
import io.ordo.domain.exception.InvalidOrderException;
import io.ordo.domain.workflow.Workflows;
import org.axonframework.commandhandling.gateway.CommandGateway;

/** Moves an order within its workflow. */
public final class ChangeOrderStatusService implements ChangeOrderStatusUseCase {

    private final OrderCommands commands;

    public ChangeOrderStatusService(CommandGateway gateway, OrderReadModelPort readModel, AccessPolicy policy) {
        this.commands = new OrderCommands(gateway, readModel, policy);
    }

    @Override
    public OrderView changeStatus(Caller caller, String orderId, StatusChange change, Long ifMatch) {
        return commands.write(
                caller,
                orderId,
                ifMatch,
                order -> Workflows.find(order.workflow())
                        .filter(workflow -> !workflow.hasStatus(change.status()))
                        .ifPresent(workflow -> {
                            throw InvalidOrderException.of(
                                    "status",
                                    "'%s' is not a status of workflow '%s'"
                                            .formatted(change.status(), workflow.name()));
                        }),
                expected -> new ChangeOrderStatusCommand(
                        OrderId.parse(orderId).orElseThrow(),
                        change.status(),
                        change.reason(),
                        change.note(),
                        change.carrier(),
                        change.trackingNumber(),
                        caller.userId(),
                        expected));
    }
}

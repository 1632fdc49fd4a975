package io.ordo.application.service.order;

import io.ordo.application.port.in.Caller;
import io.ordo.application.port.in.OrderView;
import io.ordo.application.port.in.order.CancelOrderUseCase;
import io.ordo.application.port.out.OrderReadModelPort;
import io.ordo.application.service.AccessPolicy;
import io.ordo.application.service.OrderCommands;
import io.ordo.domain.OrderId;
import io.ordo.domain.command.CancelOrderCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;

/** Cancels an order, saying why. */
public final class CancelOrderService implements CancelOrderUseCase {

    private final OrderCommands commands;

    public CancelOrderService(CommandGateway gateway, OrderReadModelPort readModel, AccessPolicy policy) {
        this.commands = new OrderCommands(gateway, readModel, policy);
    }

    @Override
    public OrderView cancel(Caller caller, String orderId, String reason, Long ifMatch) {
        return commands.write(
                caller,
                orderId,
                ifMatch,
                expected -> new CancelOrderCommand(
                        OrderId.parse(orderId).orElseThrow(), reason, caller.userId(), expected));
    }
}

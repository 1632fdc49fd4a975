package io.ordo.application.service.campaign;

import io.ordo.application.port.in.Caller;
import io.ordo.application.port.in.OrderView;
import io.ordo.application.port.in.campaign.DeliverLeadUseCase;
import io.ordo.application.port.in.campaign.WithdrawLeadUseCase;
import io.ordo.application.port.out.OrderReadModelPort;
import io.ordo.application.service.AccessPolicy;
import io.ordo.application.service.OrderCommands;
import io.ordo.domain.OrderId;
import io.ordo.domain.command.DeliverLeadCommand;
import io.ordo.domain.command.WithdrawLeadCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;

/** Delivers leads to campaigns and takes them back. */
public final class LeadDeliveryService implements DeliverLeadUseCase, WithdrawLeadUseCase {

    private final OrderCommands commands;

    public LeadDeliveryService(CommandGateway gateway, OrderReadModelPort readModel, AccessPolicy policy) {
        this.commands = new OrderCommands(gateway, readModel, policy);
    }

    @Override
    public OrderView deliverLead(Caller caller, String orderId, String leadId, Long ifMatch) {
        return commands.write(
                caller,
                orderId,
                ifMatch,
                expected -> new DeliverLeadCommand(
                        OrderId.parse(orderId).orElseThrow(), leadId, caller.userId(), expected));
    }

    @Override
    public OrderView withdrawLead(Caller caller, String orderId, String leadId, Long ifMatch) {
        return commands.write(
                caller,
                orderId,
                ifMatch,
                expected -> new WithdrawLeadCommand(
                        OrderId.parse(orderId).orElseThrow(), leadId, caller.userId(), expected));
    }
}

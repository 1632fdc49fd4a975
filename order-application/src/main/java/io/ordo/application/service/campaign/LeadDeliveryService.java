package io.ordo.application.service.campaign;

import io.ordo.application.port.in.Caller;
import io.ordo.application.port.in.OrderView;
import io.ordo.application.port.in.campaign.DeliverLeadUseCase;
import io.ordo.application.port.in.campaign.WithdrawLeadUseCase;
import io.ordo.application.service.OrderWrite;
import io.ordo.application.service.OrderWrites;
import io.ordo.domain.Order;
import io.ordo.domain.command.DeliverLeadCommand;
import io.ordo.domain.command.WithdrawLeadCommand;

/** Delivers leads to campaigns and takes them back. */
public final class LeadDeliveryService implements DeliverLeadUseCase, WithdrawLeadUseCase {

    private final OrderWrites writes;

    public LeadDeliveryService(OrderWrites writes) {
        this.writes = writes;
    }

    @Override
    public OrderView deliverLead(Caller caller, String orderId, String leadId, Long ifMatch) {
        Order.requireLeadId(leadId);
        return writes.apply(OrderWrite.to(orderId, caller)
                .ifMatch(ifMatch)
                .sending(id -> new DeliverLeadCommand(id, leadId, caller.userId(), ifMatch)));
    }

    @Override
    public OrderView withdrawLead(Caller caller, String orderId, String leadId, Long ifMatch) {
        Order.requireLeadId(leadId);
        return writes.apply(OrderWrite.to(orderId, caller)
                .ifMatch(ifMatch)
                .sending(id -> new WithdrawLeadCommand(id, leadId, caller.userId(), ifMatch)));
    }
}

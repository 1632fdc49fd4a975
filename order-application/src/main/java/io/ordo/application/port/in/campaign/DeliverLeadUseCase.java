package io.ordo.application.port.in.campaign;

import io.ordo.application.port.in.Caller;
import io.ordo.application.port.in.OrderView;

/** Use case: deliver a lead to an active lead campaign; the delivery that fills it completes it. */
public interface DeliverLeadUseCase {
    OrderView deliverLead(Caller caller, String orderId, String leadId, Long ifMatch);
}

package io.ordo.application.port.in.campaign;

import io.ordo.application.port.in.Caller;
import io.ordo.application.port.in.OrderView;

/** Use case: take a delivered lead back from an active or paused campaign. */
public interface WithdrawLeadUseCase {
    OrderView withdrawLead(Caller caller, String orderId, String leadId, Long ifMatch);
}

package io.ordo.application.service.erasure;

import io.ordo.application.port.in.Caller;
import io.ordo.application.port.in.erasure.EraseCustomerUseCase;
import io.ordo.application.port.in.erasure.ErasedCustomer;
import io.ordo.application.port.out.OrderReadModelPort;
import io.ordo.application.service.AccessPolicy;
import io.ordo.application.service.OrderWrites;
import io.ordo.domain.Order;
import io.ordo.domain.OrderId;
import io.ordo.domain.command.EraseCustomerCommand;
import java.time.Clock;
import java.time.Instant;

/**
 * Erasure. Judged like every write (400 for a missing reason, then 403 for anyone but an admin); then the orders whose
 * customer is {@code customerId}, read from the order details (consistent with every acknowledged write), are each
 * sent their own {@link EraseCustomerCommand}, in a transaction of its own, so a customer with many orders never holds
 * one lock for all. The order's event destroys its key and scrubs its copies in that transaction (ADR 0016).
 */
public final class ErasureService implements EraseCustomerUseCase {

    private final OrderWrites writes;
    private final OrderReadModelPort readModel;
    private final AccessPolicy policy;
    private final Clock clock;

    public ErasureService(OrderWrites writes, OrderReadModelPort readModel, AccessPolicy policy, Clock clock) {
        this.writes = writes;
        this.readModel = readModel;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public ErasedCustomer erase(Caller caller, String customerId, String reason) {
        Order.requireErasureReason(reason);
        policy.require(caller, AccessPolicy.Action.ERASE);
        var scope = policy.scopeOf(caller).orElseThrow();
        Instant erasedAt = clock.instant();
        int erased = 0;
        for (String orderId : readModel.ordersOfCustomer(scope, customerId)) {
            var command =
                    new EraseCustomerCommand(OrderId.parse(orderId).orElseThrow(), customerId, reason, caller.userId());
            if (Boolean.TRUE.equals(writes.sendRacing(command, caller, orderId))) {
                erased++;
            }
        }
        return new ErasedCustomer(customerId, erased, erasedAt);
    }
}

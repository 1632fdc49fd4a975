package io.ordo.application.service;

import io.ordo.application.port.in.Caller;
import io.ordo.application.port.in.OrderNotFoundException;
import io.ordo.application.port.in.OrderView;
import io.ordo.application.port.out.OrderReadModelPort;
import io.ordo.application.port.out.OrderScope;
import io.ordo.domain.OrderId;
import java.util.Optional;

/**
 * Finds the order a caller may see. Anything else, a malformed id included, is {@link OrderNotFoundException}:
 * never a 403, so that a caller cannot learn that an order it may not see exists.
 */
public final class VisibleOrders {

    private final OrderReadModelPort readModel;
    private final AccessPolicy policy;

    public VisibleOrders(OrderReadModelPort readModel, AccessPolicy policy) {
        this.readModel = readModel;
        this.policy = policy;
    }

    /** The order as stored, if this caller may see it. */
    public OrderView find(Caller caller, String orderId) {
        return find(caller, orderId, OrderReadModelPort::find);
    }

    /** The order as this caller is shown it: see {@link AccessPolicy#present}. */
    public OrderView show(Caller caller, String orderId) {
        return policy.present(caller, find(caller, orderId));
    }

    /**
     * {@link #show}, as the answer to a command to the order that answered {@code commandAnswer}: the read model
     * answers from the command's own result where it can ({@link OrderReadModelPort#findAfter}).
     */
    public OrderView showAfter(Object commandAnswer, Caller caller, String orderId) {
        return policy.present(
                caller, find(caller, orderId, (model, scope, id) -> model.findAfter(commandAnswer, scope, id)));
    }

    /** How the read model is asked for one order. */
    @FunctionalInterface
    private interface Lookup {
        Optional<OrderView> find(OrderReadModelPort readModel, OrderScope scope, OrderId id);
    }

    private OrderView find(Caller caller, String orderId, Lookup lookup) {
        var id = OrderId.parse(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
        var scope = policy.scopeOf(caller).orElseThrow(() -> new OrderNotFoundException(orderId));
        return lookup.find(readModel, scope, id).orElseThrow(() -> new OrderNotFoundException(orderId));
    }

    /** The id of an order the caller may see (else 404) and may do {@code action} to (else 403). */
    public OrderId require(Caller caller, String orderId, AccessPolicy.Action action) {
        OrderView order = find(caller, orderId);
        policy.require(caller, action);
        return OrderId.parse(order.id()).orElseThrow();
    }
}

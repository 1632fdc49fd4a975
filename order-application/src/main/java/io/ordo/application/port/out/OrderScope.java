package io.ordo.application.port.out;

import io.ordo.application.port.in.OrderView;
import java.util.Objects;

/**
 * The orders a query may touch: always one tenant, narrowed to an assignee (an agent's own orders), a location or
 * a customer when the caller's role says so. Every read-model query takes one; there is no query across tenants.
 */
public record OrderScope(String tenantId, String assignee, String location, String customerId) {

    public OrderScope {
        Objects.requireNonNull(tenantId, "every read-model query is bound to a tenant");
    }

    public static OrderScope tenant(String tenantId) {
        return new OrderScope(tenantId, null, null, null);
    }

    /** Whether an order of {@code tenant} is in this scope: the in-memory twin of the read models' query filter. */
    public boolean includes(String tenant, OrderView order) {
        return tenantId.equals(tenant)
                && (assignee == null || assignee.equals(order.assignee()))
                && (location == null || location.equals(order.location()))
                && (customerId == null
                        || (order.customer() != null
                                && customerId.equals(order.customer().id())));
    }
}

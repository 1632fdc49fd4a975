package io.ordo.application.port.out;

import java.util.Objects;

/**
 * The orders a query may touch: always one tenant, narrowed to a creator, a location or a customer when
 * the caller's role says so. Every read-model query takes one; there is no query across tenants.
 */
public record OrderScope(String tenantId, String createdBy, String location, String customerId) {

    public OrderScope {
        Objects.requireNonNull(tenantId, "every read-model query is bound to a tenant");
    }

    public static OrderScope tenant(String tenantId) {
        return new OrderScope(tenantId, null, null, null);
    }
}

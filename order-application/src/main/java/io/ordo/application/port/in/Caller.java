package io.ordo.application.port.in;

import java.util.Set;

/**
 * Who is calling, taken from the authentication only: user id, tenant (null for the platform operator),
 * roles, and the optional location and customer id that bound what the caller sees.
 */
public record Caller(String userId, String tenantId, Set<String> roles, String location, String customerId) {

    /** The role of a webhook provider whose signature verified: no person may have it. */
    public static final String WEBHOOK_PROVIDER = "webhook-provider";

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}

package io.ordo.application.service;

import io.ordo.application.port.in.Caller;
import io.ordo.application.port.in.ForbiddenException;
import io.ordo.application.port.in.OrderView;
import io.ordo.application.port.out.OrderScope;
import io.ordo.domain.workflow.Workflows;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The access policy of the API (docs/api.md), as data: which role may do which action, and which orders
 * each role sees. Read it side by side with the contract's action table.
 */
public final class AccessPolicy {

    /** What a caller may want to do to orders. */
    public enum Action {
        READ,
        CREATE,
        WRITE,
        READ_NOTES,
        POST_NOTES,
        READ_EVENTS,
        AUDIT,
        REPORTS,
        /** Register webhook providers and notification subscriptions. */
        INTEGRATIONS,
        /** Give orders to another user. */
        ASSIGN,
        /** Forget a customer's personal data. */
        ERASE,
        /** Change the tenant's settings (stuck limits). */
        SETTINGS,
        /** Read what webhook providers sent. */
        WEBHOOK_DELIVERIES,
        /** Apply a webhook provider's mapped move: a machine's action, no person's. */
        PROVIDER_MOVE
    }

    public static final String ADMIN = "admin";
    public static final String MANAGER = "manager";
    public static final String AGENT = "agent";
    public static final String VIEWER = "viewer";
    public static final String COMPLIANCE = "compliance";
    public static final String CUSTOMER = "customer";
    public static final String OPERATOR = "operator";
    /** No person: a webhook provider whose signature verified, acting in its own tenant only. */
    public static final String WEBHOOK_PROVIDER = Caller.WEBHOOK_PROVIDER;

    private static final Map<Action, Set<String>> ALLOWED = new EnumMap<>(Map.ofEntries(
            Map.entry(Action.READ, Set.of(ADMIN, MANAGER, AGENT, VIEWER, COMPLIANCE, CUSTOMER)),
            Map.entry(Action.CREATE, Set.of(ADMIN, MANAGER, AGENT)),
            Map.entry(Action.WRITE, Set.of(ADMIN, MANAGER, AGENT)),
            Map.entry(Action.READ_NOTES, Set.of(ADMIN, MANAGER, AGENT, VIEWER, COMPLIANCE)),
            Map.entry(Action.POST_NOTES, Set.of(ADMIN, MANAGER, AGENT)),
            Map.entry(Action.READ_EVENTS, Set.of(ADMIN, MANAGER, COMPLIANCE)),
            Map.entry(Action.AUDIT, Set.of(ADMIN, COMPLIANCE)),
            Map.entry(Action.REPORTS, Set.of(ADMIN, MANAGER, VIEWER, COMPLIANCE)),
            Map.entry(Action.ASSIGN, Set.of(ADMIN, MANAGER)),
            Map.entry(Action.INTEGRATIONS, Set.of(ADMIN)),
            Map.entry(Action.SETTINGS, Set.of(ADMIN)),
            Map.entry(Action.ERASE, Set.of(ADMIN)),
            Map.entry(Action.WEBHOOK_DELIVERIES, Set.of(ADMIN, COMPLIANCE)),
            Map.entry(Action.PROVIDER_MOVE, Set.of(WEBHOOK_PROVIDER))));

    /** 403 unless the caller may do {@code action} (call it once the caller is known to see the order). */
    public void require(Caller caller, Action action) {
        if (!may(caller, action)) {
            throw new ForbiddenException("Role(s) %s may not do this (%s).".formatted(caller.roles(), action));
        }
    }

    /**
     * The location a manager with one is bound to: it creates orders there only and cannot move them elsewhere.
     * Empty for every other caller (an admin who is also a manager is not bound).
     */
    public Optional<String> boundLocation(Caller caller) {
        boolean bound = caller.hasRole(MANAGER) && !caller.hasRole(ADMIN) && caller.location() != null;
        return bound ? Optional.of(caller.location()) : Optional.empty();
    }

    /** 403 when a caller bound to a location puts an order in another one ({@code null} included). */
    public void requireWithinLocation(Caller caller, String location) {
        boundLocation(caller).filter(bound -> !bound.equals(location)).ifPresent(bound -> {
            throw new ForbiddenException("A manager of location '%s' keeps orders there only.".formatted(bound));
        });
    }

    public boolean may(Caller caller, Action action) {
        return caller.tenantId() != null && caller.roles().stream().anyMatch(ALLOWED.get(action)::contains);
    }

    /**
     * The orders the caller sees, or empty for a caller who sees none (the platform operator). Roles
     * combine by the widest: an admin who is also an agent sees the whole tenant.
     */
    public Optional<OrderScope> scopeOf(Caller caller) {
        if (caller.tenantId() == null) {
            return Optional.empty();
        }
        var roles = caller.roles();
        if (roles.contains(ADMIN)
                || roles.contains(WEBHOOK_PROVIDER)
                || roles.contains(VIEWER)
                || roles.contains(COMPLIANCE)
                || (roles.contains(MANAGER) && caller.location() == null)) {
            return Optional.of(OrderScope.tenant(caller.tenantId()));
        }
        if (roles.contains(MANAGER)) {
            return Optional.of(new OrderScope(caller.tenantId(), null, caller.location(), null));
        }
        if (roles.contains(AGENT)) {
            return Optional.of(new OrderScope(caller.tenantId(), caller.userId(), null, null));
        }
        if (roles.contains(CUSTOMER) && caller.customerId() != null) {
            return Optional.of(new OrderScope(caller.tenantId(), null, null, caller.customerId()));
        }
        return Optional.empty();
    }

    /** The caller a verified webhook provider acts as: its tenant, its name, no person's roles. */
    public static Caller provider(String tenant, String name) {
        return new Caller(name, tenant, Set.of(WEBHOOK_PROVIDER), null, null);
    }

    /** The moves this caller may make on the order now: none for those who may not write. */
    public List<String> allowedTransitions(Caller caller, OrderView order) {
        if (!may(caller, Action.WRITE)) {
            return List.of();
        }
        return Workflows.find(order.workflow())
                .map(w -> w.transitionsFrom(order.status()))
                .orElse(List.of());
    }

    /** The order as this caller may see it: whoever may not read the discussion (customers) sees no staff notes. */
    public OrderView present(Caller caller, OrderView order) {
        OrderView shown = may(caller, Action.READ_NOTES) ? order : order.withNotes(null);
        return shown.withAllowedTransitions(allowedTransitions(caller, order));
    }
}

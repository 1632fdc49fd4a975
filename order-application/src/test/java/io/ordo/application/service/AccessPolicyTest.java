package io.ordo.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ordo.application.port.in.Caller;
import io.ordo.application.port.in.ForbiddenException;
import io.ordo.application.port.out.OrderScope;
import io.ordo.application.service.AccessPolicy.Action;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The policy read against the API guide (docs/api.md). */
class AccessPolicyTest {

    private final AccessPolicy policy = new AccessPolicy();

    @Test
    void each_role_sees_its_share_of_the_tenant() {
        assertThat(policy.scopeOf(Fakes.caller("admin", "acme", "admin"))).contains(OrderScope.tenant("acme"));
        assertThat(policy.scopeOf(Fakes.caller("viewer", "acme", "viewer"))).contains(OrderScope.tenant("acme"));
        assertThat(policy.scopeOf(Fakes.caller("auditor", "acme", "compliance")))
                .contains(OrderScope.tenant("acme"));
        assertThat(policy.scopeOf(Fakes.caller("manager", "acme", "manager"))).contains(OrderScope.tenant("acme"));
        assertThat(policy.scopeOf(new Caller("mn", "acme", Set.of("manager"), "north", null)))
                .contains(new OrderScope("acme", null, "north", null));
        assertThat(policy.scopeOf(Fakes.caller("agent", "acme", "agent")))
                .contains(new OrderScope("acme", "agent", null, null));
        assertThat(policy.scopeOf(new Caller("c", "acme", Set.of("customer"), null, "cust-1")))
                .contains(new OrderScope("acme", null, null, "cust-1"));
        assertThat(policy.scopeOf(new Caller("ops", null, Set.of("operator"), null, null)))
                .isEmpty();
    }

    @Test
    void who_may_write_and_who_may_only_read() {
        assertThat(policy.may(Fakes.caller("a", "acme", "agent"), Action.WRITE)).isTrue();
        assertThat(policy.may(Fakes.caller("m", "acme", "manager"), Action.CREATE))
                .isTrue();
        assertThat(policy.may(Fakes.caller("v", "acme", "viewer"), Action.WRITE))
                .isFalse();
        assertThat(policy.may(Fakes.caller("v", "acme", "viewer"), Action.READ)).isTrue();
        assertThat(policy.may(Fakes.caller("c", "acme", "compliance"), Action.AUDIT))
                .isTrue();
        assertThat(policy.may(Fakes.caller("a", "acme", "agent"), Action.AUDIT)).isFalse();
        assertThat(policy.may(Fakes.caller("c", "acme", "customer"), Action.READ_NOTES))
                .isFalse();
        assertThat(policy.may(new Caller("ops", null, Set.of("operator"), null, null), Action.READ))
                .isFalse();
    }

    @Test
    void viewers_get_no_transitions_and_customers_no_staff_notes() {
        var order = Fakes.order("id", "standard", "draft", 0);
        assertThat(policy.present(Fakes.caller("v", "acme", "viewer"), order).allowedTransitions())
                .isEmpty();
        assertThat(policy.present(Fakes.caller("a", "acme", "agent"), order).allowedTransitions())
                .containsExactly("cancelled", "pending");
        assertThat(policy.present(new Caller("c", "acme", Set.of("customer"), null, "cust-1"), order)
                        .notes())
                .isNull();
        assertThat(policy.present(Fakes.caller("a", "acme", "agent"), order).notes())
                .isEqualTo("staff only");
    }

    @Test
    void a_manager_with_a_location_keeps_orders_there_and_no_one_else_is_bound() {
        var north = new Caller("mn", "acme", Set.of("manager"), "north", null);
        policy.requireWithinLocation(north, "north");
        assertThatThrownBy(() -> policy.requireWithinLocation(north, "south")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> policy.requireWithinLocation(north, null)).isInstanceOf(ForbiddenException.class);
        var adminManager = new Caller("am", "acme", Set.of("admin", "manager"), "north", null);
        policy.requireWithinLocation(adminManager, "south");
        policy.requireWithinLocation(Fakes.caller("manager", "acme", "manager"), "south");
        assertThat(policy.boundLocation(north)).contains("north");
        assertThat(policy.boundLocation(adminManager)).isEmpty();
    }
}

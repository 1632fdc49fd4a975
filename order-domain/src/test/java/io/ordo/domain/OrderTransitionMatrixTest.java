package io.ordo.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.domain.command.CancelOrderCommand;
import io.ordo.domain.command.ChangeOrderStatusCommand;
import io.ordo.domain.event.OrderCancelled;
import io.ordo.domain.event.OrderStatusChanged;
import io.ordo.domain.exception.InvalidOrderException;
import io.ordo.domain.exception.InvalidTransitionException;
import io.ordo.domain.workflow.Workflow;
import io.ordo.domain.workflow.Workflows;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every workflow's whole from × to matrix, through the aggregate. The expected moves are written out
 * literally below, copied from the API guide (docs/api.md), so a wrong workflow definition cannot pass its own test.
 */
class OrderTransitionMatrixTest {

    /** from → to, as the contract lists them; cancellations included. */
    private static final Map<String, Map<String, String>> CONTRACT = Map.of(
            "standard", table("""
                    draft      -> pending cancelled
                    pending    -> confirmed cancelled
                    confirmed  -> shipped cancelled
                    shipped    -> delivered cancelled
                    delivered  ->
                    cancelled  ->
                    """),
            "checkout", table("""
                    created        -> pending canceled
                    pending        -> paid payment_failed canceled
                    payment_failed -> pending canceled
                    paid           -> processing canceled
                    processing     -> shipped canceled
                    shipped        -> delivered
                    delivered      ->
                    canceled       ->
                    """),
            "marketplace", table("""
                    payment_pending   -> payment_confirmed escrow_locked cancelled failed
                    payment_confirmed -> order_confirmed cancelled refunded
                    escrow_locked     -> order_confirmed disputed cancelled
                    order_confirmed   -> processing cancelled
                    processing        -> ready_to_ship cancelled
                    ready_to_ship     -> shipped cancelled
                    shipped           -> in_transit delivered
                    in_transit        -> out_for_delivery delivered
                    out_for_delivery  -> delivered
                    delivered         -> completed disputed
                    disputed          -> completed refunded cancelled
                    completed         ->
                    cancelled         ->
                    refunded          ->
                    failed            ->
                    """),
            "production", table("""
                    awaiting_procurement -> ready_for_production rejected cancelled
                    ready_for_production -> in_production cancelled
                    in_production        -> completed
                    completed            ->
                    rejected             ->
                    cancelled            ->
                    """),
            "lead_campaign", table("""
                    draft     -> active cancelled
                    active    -> paused completed cancelled
                    paused    -> active cancelled
                    completed ->
                    cancelled ->
                    """));

    private FixtureConfiguration<Order> fixture = new AggregateTestFixture<>(Order.class);

    static Stream<Arguments> every_from_and_to() {
        var cases = new ArrayList<Arguments>();
        for (Workflow workflow : Workflows.all()) {
            for (String from : workflow.statuses()) {
                for (String to : workflow.statuses()) {
                    cases.add(Arguments.of(workflow.name(), from, to));
                }
            }
        }
        return cases.stream();
    }

    @Test
    void workflow_definitions_equal_the_contract_tables() {
        for (Workflow workflow : Workflows.all()) {
            var defined = new TreeMap<String, String>();
            for (String status : workflow.statuses()) {
                defined.put(status, String.join(" ", workflow.transitionsFrom(status)));
            }
            assertThat(defined).as(workflow.name()).isEqualTo(CONTRACT.get(workflow.name()));
        }
        assertThat(Workflows.all()).extracting(Workflow::name).containsExactlyInAnyOrderElementsOf(CONTRACT.keySet());
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @MethodSource("every_from_and_to")
    void status_change_is_applied_exactly_when_the_contract_allows_it(String name, String from, String to) {
        Workflow workflow = Workflows.named(name);
        boolean allowed = Arrays.asList(CONTRACT.get(name).get(from).split(" ")).contains(to);
        var result = fixture.given(OrderEvents.orderIn(workflow, from))
                .when(new ChangeOrderStatusCommand(OrderEvents.ID, to, "because", null, null, null, "agent2", null));
        if (!allowed) {
            result.expectException(InvalidTransitionException.class).expectNoEvents();
        } else if (to.equals(workflow.cancelledStatus())) {
            result.expectSuccessfulHandlerExecution()
                    .expectEvents(new OrderCancelled(OrderEvents.ID, from, to, "because", null, "agent2"));
        } else {
            result.expectSuccessfulHandlerExecution()
                    .expectEvents(new OrderStatusChanged(
                            OrderEvents.ID, from, to, "because", null, null, null, OrderStatusChanged.USER, "agent2"));
        }
    }

    @ParameterizedTest(name = "{0}: cancel in {1}")
    @MethodSource("every_status")
    void cancel_is_applied_exactly_where_the_contract_lists_the_cancelled_status(String name, String from) {
        Workflow workflow = Workflows.named(name);
        boolean allowed = Arrays.asList(CONTRACT.get(name).get(from).split(" ")).contains(workflow.cancelledStatus());
        var result = fixture.given(OrderEvents.orderIn(workflow, from))
                .when(new CancelOrderCommand(OrderEvents.ID, "customer changed mind", "agent2", null));
        if (allowed) {
            result.expectEvents(new OrderCancelled(
                    OrderEvents.ID, from, workflow.cancelledStatus(), "customer changed mind", null, "agent2"));
        } else {
            result.expectException(InvalidTransitionException.class).expectNoEvents();
        }
    }

    static Stream<Arguments> every_status() {
        return Workflows.all().stream().flatMap(w -> w.statuses().stream().map(s -> Arguments.of(w.name(), s)));
    }

    private static Map<String, String> table(String text) {
        var rows = new TreeMap<String, String>();
        for (String line : text.strip().split("\n")) {
            String[] parts = line.split("->", -1);
            var targets = Arrays.stream(parts[1].trim().split("\\s+"))
                    .filter(s -> !s.isEmpty())
                    .sorted()
                    .toList();
            rows.put(parts[0].trim(), String.join(" ", targets));
        }
        return rows;
    }

    @Test
    void unknown_status_is_a_field_error_not_a_transition() {
        fixture.given(OrderEvents.orderIn(Workflows.STANDARD, "draft"))
                .when(new ChangeOrderStatusCommand(OrderEvents.ID, "teleported", null, null, null, null, "agent", null))
                .expectException(InvalidOrderException.class)
                .expectNoEvents();
    }
}

package io.ordo.domain;

import static io.ordo.domain.OrderEvents.ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.domain.command.RecordProviderEventCommand;
import io.ordo.domain.event.OrderStatusChanged;
import io.ordo.domain.event.ProviderEventRecorded;
import io.ordo.domain.exception.InvalidTransitionException;
import io.ordo.domain.workflow.ProviderKind;
import io.ordo.domain.workflow.ProviderMappings;
import io.ordo.domain.workflow.Workflows;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A webhook provider's report: the mapped move is checked against the workflow like any other, then recorded. */
class ProviderEventTest {

    private final FixtureConfiguration<Order> fixture = new AggregateTestFixture<>(Order.class);

    @Test
    void a_payment_moves_a_pending_checkout_to_paid_as_the_provider() {
        var payment = new PaymentFacts("succeeded", "pi_1", null, null);
        fixture.given(OrderEvents.orderIn(Workflows.CHECKOUT, "pending"))
                .when(new RecordProviderEventCommand(ID, "stripe", "evt_1", "succeeded", "paid", payment, null))
                .expectEvents(
                        new OrderStatusChanged(
                                ID, "pending", "paid", null, null, null, null, OrderStatusChanged.WEBHOOK, "stripe"),
                        new ProviderEventRecorded(ID, "stripe", "evt_1", "succeeded", payment, null));
    }

    @Test
    void a_scan_keeps_carrier_and_tracking_number_on_the_status_change() {
        var shipping = new ShippingFacts("UPS", "1Z999", "Newark, NJ", LocalDate.parse("2026-12-09"));
        fixture.given(OrderEvents.orderIn(Workflows.MARKETPLACE, "ready_to_ship"))
                .when(new RecordProviderEventCommand(ID, "ups", "evt_2", "picked_up", "shipped", null, shipping))
                .expectEvents(
                        new OrderStatusChanged(
                                ID,
                                "ready_to_ship",
                                "shipped",
                                null,
                                null,
                                "UPS",
                                "1Z999",
                                OrderStatusChanged.WEBHOOK,
                                "ups"),
                        new ProviderEventRecorded(ID, "ups", "evt_2", "picked_up", null, shipping));
    }

    @Test
    void a_move_the_workflow_does_not_have_from_here_is_refused() {
        fixture.given(OrderEvents.orderIn(Workflows.CHECKOUT, "created"))
                .when(new RecordProviderEventCommand(ID, "stripe", "evt_3", "succeeded", "paid", null, null))
                .expectException(InvalidTransitionException.class)
                .expectNoEvents();
    }

    static Stream<Arguments> every_mapped_move() {
        return Stream.of(
                Arguments.of(ProviderKind.PAYMENTS, "succeeded", "checkout", "paid"),
                Arguments.of(ProviderKind.PAYMENTS, "succeeded", "marketplace", "payment_confirmed"),
                Arguments.of(ProviderKind.PAYMENTS, "failed", "checkout", "payment_failed"),
                Arguments.of(ProviderKind.PAYMENTS, "failed", "marketplace", "failed"),
                Arguments.of(ProviderKind.PAYMENTS, "escrow_created", "marketplace", "escrow_locked"),
                Arguments.of(ProviderKind.PAYMENTS, "refunded", "marketplace", "refunded"),
                Arguments.of(ProviderKind.PAYMENTS, "disputed", "marketplace", "disputed"),
                Arguments.of(ProviderKind.SHIPPING, "picked_up", "checkout", "shipped"),
                Arguments.of(ProviderKind.SHIPPING, "picked_up", "marketplace", "shipped"),
                Arguments.of(ProviderKind.SHIPPING, "picked_up", "standard", "shipped"),
                Arguments.of(ProviderKind.SHIPPING, "in_transit", "marketplace", "in_transit"),
                Arguments.of(ProviderKind.SHIPPING, "out_for_delivery", "marketplace", "out_for_delivery"),
                Arguments.of(ProviderKind.SHIPPING, "delivered", "checkout", "delivered"),
                Arguments.of(ProviderKind.SHIPPING, "delivered", "marketplace", "delivered"),
                Arguments.of(ProviderKind.SHIPPING, "delivered", "standard", "delivered"));
    }

    @ParameterizedTest(name = "{0} {1}: {2} -> {3}")
    @MethodSource("every_mapped_move")
    void the_mapping_table_targets_a_status_of_the_workflow(
            ProviderKind kind, String said, String workflow, String target) {
        assertThat(ProviderMappings.target(kind, said, workflow)).contains(target);
        assertThat(Workflows.named(workflow).hasStatus(target)).isTrue();
    }

    @Test
    void words_and_workflows_outside_the_table_are_no_move() {
        assertThat(ProviderMappings.target(ProviderKind.PAYMENTS, "escrow_created", "checkout"))
                .isEmpty();
        assertThat(ProviderMappings.target(ProviderKind.PAYMENTS, "picked_up", "checkout"))
                .isEmpty();
        assertThat(ProviderMappings.knows(ProviderKind.SHIPPING, "teleported")).isFalse();
        assertThat(ProviderMappings.target(ProviderKind.SHIPPING, "delivered", "production"))
                .isEmpty();
    }
}

package io.ordo.domain;

import static io.ordo.domain.OrderEvents.ACTOR;
import static io.ordo.domain.OrderEvents.ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.domain.command.CancelOrderCommand;
import io.ordo.domain.command.ChangeOrderStatusCommand;
import io.ordo.domain.command.CreateOrderCommand;
import io.ordo.domain.command.UpdateOrderDetailsCommand;
import io.ordo.domain.event.OrderCreated;
import io.ordo.domain.event.OrderDetailsUpdated;
import io.ordo.domain.exception.FieldViolation;
import io.ordo.domain.exception.InvalidOrderException;
import io.ordo.domain.exception.InvalidTransitionException;
import io.ordo.domain.exception.NotEditableException;
import io.ordo.domain.workflow.Workflows;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Order aggregate for the standard workflow: every status × command pair, and the rules of creation. */
class OrderTest {

    private final FixtureConfiguration<Order> fixture = new AggregateTestFixture<>(Order.class);

    private static OrderDetails details(String currency, List<OrderLine> items) {
        return new OrderDetails(
                new Customer("cust-1", "Jane Doe", "+15550100", "jane@example.com"),
                "1 Main St, Springfield",
                "Headphones",
                null,
                null,
                0,
                currency,
                items,
                null,
                null);
    }

    private static CreateOrderCommand create(String workflow, String status, OrderDetails details) {
        return new CreateOrderCommand(
                ID, "acme", "ORD-2026-000001", workflow, status, details, "contact-7", "conv-9", ACTOR);
    }

    private static UpdateOrderDetailsCommand rename(String name) {
        var patch = new DetailsPatch(
                Set.of("customer.name"),
                new Customer(null, name, null, null),
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        return new UpdateOrderDetailsCommand(ID, patch, null, "agent2", null);
    }

    @Test
    void new_standard_order_starts_in_draft_with_its_contact_snapshot_and_total() {
        var items = List.of(
                new OrderLine("SKU-1", "Headphones", 2, new BigDecimal("100.00")),
                new OrderLine("SKU-2", "Cable", 3, new BigDecimal("0.5")));
        var customer = new Customer("cust-1", "Jane Doe", "+15550100", "jane@example.com");
        fixture.givenNoPriorActivity()
                .when(create("standard", null, details("USD", items)))
                .expectEvents(new OrderCreated(
                        ID,
                        "acme",
                        "ORD-2026-000001",
                        "standard",
                        "draft",
                        customer,
                        new Contact("contact-7", "conv-9", "Jane Doe", "+15550100"),
                        "1 Main St, Springfield",
                        "Headphones",
                        null,
                        null,
                        0,
                        "USD",
                        items,
                        new BigDecimal("201.50"),
                        null,
                        null,
                        ACTOR));
    }

    @Test
    void order_cannot_start_in_a_status_that_is_not_initial() {
        fixture.givenNoPriorActivity()
                .when(create("standard", "pending", details(null, List.of())))
                .expectException(InvalidOrderException.class)
                .expectNoEvents();
    }

    @Test
    void order_without_customer_name_or_address_names_both_fields() {
        var blank = new OrderDetails(Customer.NONE, " ", null, null, null, 0, null, List.of(), null, null);
        var violations = blank.violationsFor(Workflows.STANDARD);
        assertThat(violations).extracting(FieldViolation::field).containsExactly("customer.name", "deliveryAddress");
        fixture.givenNoPriorActivity()
                .when(create("standard", null, blank))
                .expectException(InvalidOrderException.class)
                .expectNoEvents();
    }

    @Test
    void price_with_more_decimals_than_the_currency_is_refused_on_its_path() {
        var items = List.of(new OrderLine("SKU-1", "Headphones", 1, new BigDecimal("1.5")));
        assertThat(details("JPY", items).violationsFor(Workflows.STANDARD))
                .containsExactly(
                        new FieldViolation("items[0].unitPrice", "must not have more than 0 decimals for JPY"));
        assertThat(details("BHD", List.of(new OrderLine("SKU-1", null, 1, new BigDecimal("1.125"))))
                        .violationsFor(Workflows.STANDARD))
                .isEmpty();
    }

    @Test
    void items_without_currency_are_refused() {
        var items = List.of(new OrderLine("SKU-1", "Headphones", 0, new BigDecimal("1.00")));
        assertThat(details(null, items).violationsFor(Workflows.STANDARD))
                .extracting(FieldViolation::field)
                .containsExactly("currency", "items[0].quantity");
    }

    @ParameterizedTest
    @ValueSource(strings = {"draft", "pending", "confirmed", "shipped"})
    void open_standard_order_takes_a_patch(String status) {
        fixture.given(OrderEvents.orderIn(Workflows.STANDARD, status))
                .when(rename("Janet Doe"))
                .expectEvents(new OrderDetailsUpdated(
                        ID,
                        List.of("customer"),
                        new Customer("cust-1", "Janet Doe", "+15550100", null),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "agent2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"delivered", "cancelled"})
    void terminal_standard_order_refuses_a_patch(String status) {
        fixture.given(OrderEvents.orderIn(Workflows.STANDARD, status))
                .when(rename("Janet Doe"))
                .expectException(NotEditableException.class)
                .expectNoEvents();
    }

    @Test
    void patch_that_changes_nothing_stores_nothing() {
        fixture.given(OrderEvents.orderIn(Workflows.STANDARD, "pending"))
                .when(rename("Jane Doe"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void patch_that_clears_a_required_field_is_refused() {
        var patch = new DetailsPatch(Set.of("deliveryAddress"), null, null, null, null, null, null, null, null);
        fixture.given(OrderEvents.orderIn(Workflows.STANDARD, "pending"))
                .when(new UpdateOrderDetailsCommand(ID, patch, null, ACTOR, null))
                .expectException(InvalidOrderException.class)
                .expectNoEvents();
    }

    @Test
    void delivered_order_cannot_be_cancelled() {
        fixture.given(OrderEvents.orderIn(Workflows.STANDARD, "delivered"))
                .when(new CancelOrderCommand(ID, "customer changed mind", ACTOR, null))
                .expectException(InvalidTransitionException.class)
                .expectNoEvents();
    }

    @Test
    void cancellation_needs_a_reason_also_through_the_status_call() {
        fixture.given(OrderEvents.orderIn(Workflows.STANDARD, "pending"))
                .when(new ChangeOrderStatusCommand(ID, "cancelled", null, null, null, null, ACTOR, null))
                .expectException(InvalidOrderException.class)
                .expectNoEvents();
    }

    @Test
    void production_patch_needs_a_justification() {
        var patch = new DetailsPatch(Set.of("description"), null, null, "Bigger", null, null, null, null, null);
        fixture.given(OrderEvents.orderIn(Workflows.PRODUCTION, "awaiting_procurement"))
                .when(new UpdateOrderDetailsCommand(ID, patch, null, ACTOR, null))
                .expectException(InvalidOrderException.class)
                .expectNoEvents();
    }

    @Test
    void production_order_in_production_refuses_a_justified_patch() {
        var patch = new DetailsPatch(Set.of("description"), null, null, "Bigger", null, null, null, null, null);
        fixture.given(OrderEvents.orderIn(Workflows.PRODUCTION, "in_production"))
                .when(new UpdateOrderDetailsCommand(ID, patch, "customer asked", ACTOR, null))
                .expectException(NotEditableException.class)
                .expectNoEvents();
    }
}

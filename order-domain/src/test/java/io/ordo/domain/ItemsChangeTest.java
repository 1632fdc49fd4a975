package io.ordo.domain;

import static io.ordo.domain.OrderEvents.ACTOR;
import static io.ordo.domain.OrderEvents.ID;

import io.ordo.domain.command.UpdateOrderDetailsCommand;
import io.ordo.domain.event.OrderDetailsUpdated;
import io.ordo.domain.event.OrderItemsChanged;
import io.ordo.domain.exception.InvalidOrderException;
import io.ordo.domain.exception.NotEditableException;
import io.ordo.domain.workflow.Workflows;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

/** The lines of an order change by a PATCH with {@code items}: the create's rules, where the workflow allows it. */
class ItemsChangeTest {

    private static final List<OrderLine> BEFORE =
            List.of(new OrderLine("SKU-1", "Headphones", 2, new BigDecimal("100.00")));
    private static final List<OrderLine> AFTER = List.of(
            new OrderLine("SKU-1", "Headphones", 1, new BigDecimal("100.00")),
            new OrderLine("SKU-2", "Cable", 3, new BigDecimal("9.50")));

    private final FixtureConfiguration<Order> fixture = new AggregateTestFixture<>(Order.class);

    private static UpdateOrderDetailsCommand lines(List<OrderLine> items, String justification) {
        var patch = new DetailsPatch(Set.of("items"), null, null, null, null, null, null, null, null, items);
        return new UpdateOrderDetailsCommand(ID, patch, justification, ACTOR, null);
    }

    @Test
    void new_lines_replace_the_old_ones_and_the_event_keeps_both_with_their_totals() {
        fixture.given(OrderEvents.orderIn(Workflows.STANDARD, "pending"))
                .when(lines(AFTER, null))
                .expectEvents(new OrderItemsChanged(
                        ID, BEFORE, AFTER, new BigDecimal("200.00"), new BigDecimal("128.50"), null, ACTOR));
    }

    @Test
    void lines_and_another_field_in_one_patch_store_both_events() {
        var patch = new DetailsPatch(
                Set.of("items", "description"),
                null,
                null,
                "Headphones and cables",
                null,
                null,
                null,
                null,
                null,
                AFTER);
        fixture.given(OrderEvents.orderIn(Workflows.STANDARD, "pending"))
                .when(new UpdateOrderDetailsCommand(ID, patch, null, ACTOR, null))
                .expectEvents(
                        new OrderItemsChanged(
                                ID, BEFORE, AFTER, new BigDecimal("200.00"), new BigDecimal("128.50"), null, ACTOR),
                        new OrderDetailsUpdated(
                                ID,
                                List.of("description"),
                                null,
                                null,
                                "Headphones and cables",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                ACTOR));
    }

    @Test
    void the_same_lines_store_nothing() {
        fixture.given(OrderEvents.orderIn(Workflows.STANDARD, "pending"))
                .when(lines(BEFORE, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void lines_follow_the_creates_rules() {
        fixture.given(OrderEvents.orderIn(Workflows.STANDARD, "pending"))
                .when(lines(List.of(new OrderLine("SKU-1", "Headphones", 0, new BigDecimal("100.00"))), null))
                .expectException(InvalidOrderException.class)
                .expectNoEvents();
        fixture.given(OrderEvents.orderIn(Workflows.STANDARD, "pending"))
                .when(lines(List.of(new OrderLine("SKU-1", "Headphones", 1, new BigDecimal("1.005"))), null))
                .expectException(InvalidOrderException.class);
        // a checkout needs at least one line
        fixture.given(OrderEvents.orderIn(Workflows.CHECKOUT, "pending"))
                .when(lines(List.of(), null))
                .expectException(InvalidOrderException.class);
    }

    @Test
    void production_changes_lines_before_production_only_and_with_a_justification() {
        fixture.given(OrderEvents.orderIn(Workflows.PRODUCTION, "ready_for_production"))
                .when(lines(AFTER, "customer wants fewer"))
                .expectEvents(new OrderItemsChanged(
                        ID,
                        BEFORE,
                        AFTER,
                        new BigDecimal("200.00"),
                        new BigDecimal("128.50"),
                        "customer wants fewer",
                        ACTOR));
        fixture.given(OrderEvents.orderIn(Workflows.PRODUCTION, "ready_for_production"))
                .when(lines(AFTER, null))
                .expectException(InvalidOrderException.class)
                .expectNoEvents();
        fixture.given(OrderEvents.orderIn(Workflows.PRODUCTION, "in_production"))
                .when(lines(AFTER, "too late"))
                .expectException(NotEditableException.class)
                .expectNoEvents();
    }
}

package io.ordo.domain;

import static io.ordo.domain.OrderEvents.ACTOR;
import static io.ordo.domain.OrderEvents.ID;

import io.ordo.domain.command.EraseCustomerCommand;
import io.ordo.domain.command.UpdateOrderDetailsCommand;
import io.ordo.domain.event.CustomerErased;
import io.ordo.domain.event.OrderCreated;
import io.ordo.domain.event.OrderDetailsUpdated;
import io.ordo.domain.exception.InvalidOrderException;
import io.ordo.domain.exception.NotEditableException;
import io.ordo.domain.workflow.Workflows;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

/** Forgetting an order's customer: once, with a reason, for the customer the order names, and for good. */
class ErasureTest {

    private final FixtureConfiguration<Order> fixture = new AggregateTestFixture<>(Order.class);

    private static List<Object> erasedOrder() {
        var history = new ArrayList<Object>();
        var created = OrderEvents.created(Workflows.STANDARD, "draft");
        history.add(new OrderCreated(
                created.orderId(),
                created.tenantId(),
                created.orderNumber(),
                created.workflow(),
                created.status(),
                new Customer("cust-1", "Jane Doe", "+15550100", "jane@example.com"),
                created.contact(),
                created.deliveryAddress(),
                created.description(),
                created.notes(),
                created.location(),
                created.priority(),
                created.currency(),
                created.items(),
                created.totalAmount(),
                created.leadsPurchased(),
                created.targetDeliveryDate(),
                created.actor()));
        history.add(new CustomerErased(ID, "cust-1", "asked to be forgotten", "admin"));
        return history;
    }

    @Test
    void an_order_of_the_customer_records_the_erasure_with_who_and_why() {
        fixture.given(OrderEvents.orderIn(Workflows.CHECKOUT, "processing"))
                .when(new EraseCustomerCommand(ID, "cust-1", "asked to be forgotten", "admin"))
                .expectResultMessagePayload(true)
                .expectEvents(new CustomerErased(ID, "cust-1", "asked to be forgotten", "admin"));
    }

    @Test
    void an_order_erased_already_or_of_another_customer_records_nothing() {
        fixture.given(erasedOrder())
                .when(new EraseCustomerCommand(ID, "cust-1", "again", "admin"))
                .expectResultMessagePayload(false)
                .expectNoEvents();
        fixture.given(OrderEvents.orderIn(Workflows.STANDARD, "pending"))
                .when(new EraseCustomerCommand(ID, "cust-2", "not this one", "admin"))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void an_erasure_says_why() {
        fixture.given(OrderEvents.orderIn(Workflows.STANDARD, "pending"))
                .when(new EraseCustomerCommand(ID, "cust-1", " ", "admin"))
                .expectException(InvalidOrderException.class)
                .expectNoEvents();
        fixture.given(OrderEvents.orderIn(Workflows.STANDARD, "pending"))
                .when(new EraseCustomerCommand(ID, "cust-1", "r".repeat(2001), "admin"))
                .expectException(InvalidOrderException.class);
    }

    @Test
    void after_the_erasure_personal_data_cannot_be_set_again() {
        var patch = new DetailsPatch(
                Set.of("customer.name"),
                new Customer(null, "Jane Doe", null, null),
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        fixture.given(erasedOrder())
                .when(new UpdateOrderDetailsCommand(ID, patch, null, ACTOR, null))
                .expectException(NotEditableException.class)
                .expectNoEvents();
    }

    @Test
    void other_details_still_change_and_carry_the_erased_customer() {
        var patch = new DetailsPatch(
                Set.of("customer.id", "description"),
                new Customer("cust-9", null, null, null),
                null,
                "Headset",
                null,
                null,
                null,
                null,
                null);
        fixture.given(erasedOrder())
                .when(new UpdateOrderDetailsCommand(ID, patch, null, ACTOR, null))
                .expectEvents(new OrderDetailsUpdated(
                        ID,
                        List.of("customer", "description"),
                        new Customer("cust-9", "[erased]", "[erased]", "[erased]"),
                        null,
                        "Headset",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        ACTOR));
    }
}

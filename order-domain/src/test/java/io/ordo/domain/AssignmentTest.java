package io.ordo.domain;

import static io.ordo.domain.OrderEvents.ACTOR;
import static io.ordo.domain.OrderEvents.ID;

import io.ordo.domain.command.AssignOrderCommand;
import io.ordo.domain.event.OrderReassigned;
import io.ordo.domain.exception.InvalidOrderException;
import io.ordo.domain.workflow.Workflows;
import java.util.ArrayList;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

/** Who works on an order: its creator first, then whoever it is given to, in any status. */
class AssignmentTest {

    private final FixtureConfiguration<Order> fixture = new AggregateTestFixture<>(Order.class);

    @Test
    void a_new_order_belongs_to_its_creator_and_goes_to_another_user_with_the_reason() {
        fixture.given(OrderEvents.orderIn(Workflows.STANDARD, "pending"))
                .when(new AssignOrderCommand(ID, "agent2", "agent on leave", "manager"))
                .expectEvents(new OrderReassigned(ID, ACTOR, "agent2", "agent on leave", "manager"));
    }

    @Test
    void the_next_assignment_starts_from_the_last_one_and_the_same_assignee_records_nothing() {
        var history = new ArrayList<>(OrderEvents.orderIn(Workflows.STANDARD, "pending"));
        history.add(new OrderReassigned(ID, ACTOR, "agent2", null, "manager"));
        fixture.given(history)
                .when(new AssignOrderCommand(ID, "agent3", null, "admin"))
                .expectEvents(new OrderReassigned(ID, "agent2", "agent3", null, "admin"));
        fixture.given(history)
                .when(new AssignOrderCommand(ID, "agent2", "again", "admin"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_move_of_one_users_orders_leaves_an_order_that_someone_gave_elsewhere_meanwhile() {
        var history = new ArrayList<>(OrderEvents.orderIn(Workflows.STANDARD, "pending"));
        history.add(new OrderReassigned(ID, ACTOR, "agent3", null, "admin"));
        fixture.given(history)
                .when(new AssignOrderCommand(ID, "agent2", "leaver", "manager", ACTOR))
                .expectResultMessagePayload(false)
                .expectNoEvents();
        fixture.given(OrderEvents.orderIn(Workflows.STANDARD, "pending"))
                .when(new AssignOrderCommand(ID, "agent2", "leaver", "manager", ACTOR))
                .expectResultMessagePayload(true)
                .expectEvents(new OrderReassigned(ID, ACTOR, "agent2", "leaver", "manager"));
    }

    @Test
    void a_closed_order_can_be_given_to_someone_else_too() {
        fixture.given(OrderEvents.orderIn(Workflows.STANDARD, "cancelled"))
                .when(new AssignOrderCommand(ID, "agent2", null, "manager"))
                .expectEvents(new OrderReassigned(ID, ACTOR, "agent2", null, "manager"));
    }

    @Test
    void an_assignee_is_a_user_id_and_a_reason_has_at_most_2000_characters() {
        fixture.given(OrderEvents.orderIn(Workflows.STANDARD, "pending"))
                .when(new AssignOrderCommand(ID, " ", null, "manager"))
                .expectException(InvalidOrderException.class)
                .expectNoEvents();
        fixture.given(OrderEvents.orderIn(Workflows.STANDARD, "pending"))
                .when(new AssignOrderCommand(ID, "x".repeat(256), null, "manager"))
                .expectException(InvalidOrderException.class);
        fixture.given(OrderEvents.orderIn(Workflows.STANDARD, "pending"))
                .when(new AssignOrderCommand(ID, "agent2", "r".repeat(2001), "manager"))
                .expectException(InvalidOrderException.class);
    }
}

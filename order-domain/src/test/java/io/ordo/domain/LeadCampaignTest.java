package io.ordo.domain;

import static io.ordo.domain.OrderEvents.ID;

import io.ordo.domain.command.DeliverLeadCommand;
import io.ordo.domain.command.UpdateOrderDetailsCommand;
import io.ordo.domain.command.WithdrawLeadCommand;
import io.ordo.domain.event.LeadDelivered;
import io.ordo.domain.event.LeadWithdrawn;
import io.ordo.domain.event.OrderDetailsUpdated;
import io.ordo.domain.event.OrderStatusChanged;
import io.ordo.domain.exception.CapacityExceededException;
import io.ordo.domain.exception.DuplicateLeadException;
import io.ordo.domain.exception.InvalidOrderException;
import io.ordo.domain.exception.LeadNotFoundException;
import io.ordo.domain.exception.NotEditableException;
import io.ordo.domain.workflow.Workflows;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lead campaigns: deliveries only while active, never twice, never beyond what was purchased. */
class LeadCampaignTest {

    private final FixtureConfiguration<Order> fixture = new AggregateTestFixture<>(Order.class);

    /** An active campaign of 10 leads (OrderEvents' default) with {@code delivered} leads delivered. */
    private static List<Object> activeWith(int delivered) {
        var events = new ArrayList<>(OrderEvents.orderIn(Workflows.LEAD_CAMPAIGN, "active"));
        for (int i = 1; i <= delivered; i++) {
            events.add(new LeadDelivered(ID, "lead-" + i, "agent"));
        }
        return events;
    }

    private static DeliverLeadCommand deliver(String lead) {
        return new DeliverLeadCommand(ID, lead, "agent2", null);
    }

    @Test
    void active_campaign_takes_a_lead() {
        fixture.given(activeWith(3)).when(deliver("lead-4")).expectEvents(new LeadDelivered(ID, "lead-4", "agent2"));
    }

    @Test
    void the_delivery_that_fills_the_campaign_completes_it_as_the_system_on_behalf_of_the_user() {
        fixture.given(activeWith(9))
                .when(deliver("lead-10"))
                .expectEvents(
                        new LeadDelivered(ID, "lead-10", "agent2"),
                        new OrderStatusChanged(
                                ID,
                                "active",
                                "completed",
                                "all purchased leads delivered",
                                null,
                                null,
                                null,
                                OrderStatusChanged.SYSTEM,
                                "agent2"));
    }

    @Test
    void a_lead_delivered_twice_is_refused() {
        fixture.given(activeWith(3))
                .when(deliver("lead-2"))
                .expectException(DuplicateLeadException.class)
                .expectNoEvents();
    }

    @Test
    void a_withdrawn_lead_may_be_delivered_again() {
        var history = activeWith(3);
        history.add(new LeadWithdrawn(ID, "lead-2", "agent"));
        fixture.given(history).when(deliver("lead-2")).expectEvents(new LeadDelivered(ID, "lead-2", "agent2"));
    }

    @Test
    void a_campaign_lowered_to_its_deliveries_while_paused_refuses_more_once_resumed() {
        var history = activeWith(5);
        history.add(OrderEvents.moved(Workflows.LEAD_CAMPAIGN, "active", "paused"));
        history.add(new OrderDetailsUpdated(
                ID, List.of("leadsPurchased"), null, null, null, null, null, null, 5, null, null, "manager"));
        history.add(OrderEvents.moved(Workflows.LEAD_CAMPAIGN, "paused", "active"));
        fixture.given(history)
                .when(deliver("lead-6"))
                .expectException(CapacityExceededException.class)
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"draft", "paused", "completed", "cancelled"})
    void deliveries_happen_only_while_active(String status) {
        fixture.given(OrderEvents.orderIn(Workflows.LEAD_CAMPAIGN, status))
                .when(deliver("lead-1"))
                .expectException(NotEditableException.class)
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"active", "paused"})
    void a_delivered_lead_can_be_taken_back_while_active_or_paused(String status) {
        var history = activeWith(2);
        if (status.equals("paused")) {
            history.add(OrderEvents.moved(Workflows.LEAD_CAMPAIGN, "active", "paused"));
        }
        fixture.given(history)
                .when(new WithdrawLeadCommand(ID, "lead-1", "agent2", null))
                .expectEvents(new LeadWithdrawn(ID, "lead-1", "agent2"));
    }

    @Test
    void an_unknown_lead_cannot_be_taken_back() {
        fixture.given(activeWith(2))
                .when(new WithdrawLeadCommand(ID, "lead-9", "agent", null))
                .expectException(LeadNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void a_completed_campaign_gives_no_lead_back() {
        var history = activeWith(10);
        history.add(new OrderStatusChanged(ID, "active", "completed", null, null, null, null, "system", "agent"));
        fixture.given(history)
                .when(new WithdrawLeadCommand(ID, "lead-1", "agent", null))
                .expectException(NotEditableException.class);
    }

    @Test
    void leads_belong_to_campaigns_only() {
        fixture.given(OrderEvents.orderIn(Workflows.STANDARD, "pending"))
                .when(deliver("lead-1"))
                .expectException(InvalidOrderException.class)
                .expectNoEvents();
    }

    private static UpdateOrderDetailsCommand purchase(int leads) {
        var patch = new DetailsPatch(Set.of("leadsPurchased"), null, null, null, null, null, null, leads, null);
        return new UpdateOrderDetailsCommand(ID, patch, null, "manager", null);
    }

    @Test
    void purchased_leads_never_drop_below_the_delivered_count() {
        fixture.given(activeWith(5))
                .when(purchase(4))
                .expectException(CapacityExceededException.class)
                .expectNoEvents();
    }

    @Test
    void lowering_purchased_leads_to_the_delivered_count_completes_an_active_campaign() {
        fixture.given(activeWith(5))
                .when(purchase(5))
                .expectEvents(
                        new OrderDetailsUpdated(
                                ID,
                                List.of("leadsPurchased"),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                5,
                                null,
                                null,
                                "manager"),
                        new OrderStatusChanged(
                                ID,
                                "active",
                                "completed",
                                "leadsPurchased lowered to the delivered count",
                                null,
                                null,
                                null,
                                OrderStatusChanged.SYSTEM,
                                "manager"));
    }

    @Test
    void lowering_purchased_leads_of_a_paused_campaign_does_not_complete_it() {
        var history = activeWith(5);
        history.add(OrderEvents.moved(Workflows.LEAD_CAMPAIGN, "active", "paused"));
        fixture.given(history)
                .when(purchase(5))
                .expectEvents(new OrderDetailsUpdated(
                        ID, List.of("leadsPurchased"), null, null, null, null, null, null, 5, null, null, "manager"));
    }
}

package io.ordo.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.domain.command.AddDiscussionNoteCommand;
import io.ordo.domain.command.CancelOrderCommand;
import io.ordo.domain.command.ChangeOrderStatusCommand;
import io.ordo.domain.command.CreateOrderCommand;
import io.ordo.domain.command.DeliverLeadCommand;
import io.ordo.domain.command.UpdateOrderDetailsCommand;
import io.ordo.domain.command.WithdrawLeadCommand;
import io.ordo.domain.event.DiscussionNoteAdded;
import io.ordo.domain.event.LeadDelivered;
import io.ordo.domain.event.LeadWithdrawn;
import io.ordo.domain.event.OrderCancelled;
import io.ordo.domain.event.OrderCreated;
import io.ordo.domain.event.OrderDetailsUpdated;
import io.ordo.domain.event.OrderStatusChanged;
import io.ordo.domain.exception.OrdoException;
import io.ordo.domain.workflow.Workflow;
import io.ordo.domain.workflow.Workflows;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

/**
 * Random command sequences against random workflows, through a real Axon command bus: whatever is asked,
 * a terminal order stays terminal, a campaign never delivers more than was purchased, totals are the sum of
 * the lines, and a cancelled order only ever got there by a cancellation.
 */
class OrderPropertiesTest {

    private static final Configuration AXON = DefaultConfigurer.defaultConfiguration()
            .configureAggregate(Order.class)
            .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
            .start();
    private static final CommandGateway COMMANDS = AXON.commandGateway();

    /** A command to fire at the order, built once its id is known. */
    interface Step {
        Object command(OrderId id);
    }

    /** A workflow and what to fire at one of its orders: mostly its own statuses, now and then a stranger's. */
    record Scenario(Workflow workflow, List<Step> steps) {
        @Override
        public String toString() {
            return workflow.name() + " × " + steps.size() + " steps";
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Arbitraries.of(Workflows.all())
                .flatMap(workflow -> steps(workflow).map(s -> new Scenario(workflow, s)));
    }

    private static Arbitrary<List<Step>> steps(Workflow workflow) {
        Arbitrary<String> status = Arbitraries.frequencyOf(
                Tuple.of(9, Arbitraries.of(workflow.statuses())),
                Tuple.of(1, Arbitraries.of("shipped", "paid", "teleported", "active")));
        Arbitrary<String> lead = Arbitraries.of("l1", "l2", "l3", "l4", "l5");
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                Tuple.of(
                        4,
                        status.map(s ->
                                id -> new ChangeOrderStatusCommand(id, s, "why", null, null, null, "agent", null))),
                Tuple.of(1, Arbitraries.just(id -> new CancelOrderCommand(id, "changed mind", "agent", null))),
                Tuple.of(4, lead.map(l -> id -> new DeliverLeadCommand(id, l, "agent", null))),
                Tuple.of(2, lead.map(l -> id -> new WithdrawLeadCommand(id, l, "agent", null))),
                Tuple.of(
                        2,
                        Arbitraries.integers()
                                .between(0, 4)
                                .map(n -> id -> new UpdateOrderDetailsCommand(
                                        id,
                                        new DetailsPatch(
                                                Set.of("leadsPurchased", "priority"),
                                                null,
                                                null,
                                                null,
                                                null,
                                                null,
                                                n,
                                                n,
                                                null),
                                        "because",
                                        "agent",
                                        null))),
                Tuple.of(
                        1,
                        Arbitraries.just(id -> new AddDiscussionNoteCommand(
                                id, UUID.randomUUID().toString(), "note", "agent"))));
        return step.list().ofMinSize(1).ofMaxSize(60);
    }

    @Provide
    Arbitrary<List<OrderLine>> lines() {
        return Combinators.combine(
                        Arbitraries.integers().between(1, 1000),
                        Arbitraries.integers().between(0, 99_999))
                .as((quantity, cents) -> new OrderLine("SKU", "thing", quantity, BigDecimal.valueOf(cents, 2)))
                .list()
                .ofMinSize(1)
                .ofMaxSize(10);
    }

    @Property(tries = 1000)
    void invariants_hold_whatever_is_asked(
            @ForAll("scenarios") Scenario scenario, @ForAll("lines") List<OrderLine> lines) {
        Workflow workflow = scenario.workflow();
        List<Step> steps = scenario.steps();
        var id = OrderId.of(UUID.randomUUID());
        boolean campaign = workflow == Workflows.LEAD_CAMPAIGN;
        var details = new OrderDetails(
                new Customer("c", "Jane", null, null),
                "1 Main St",
                null,
                null,
                null,
                0,
                "USD",
                lines,
                campaign ? 3 : null,
                null);
        COMMANDS.sendAndWait(
                new CreateOrderCommand(id, "acme", "P-1", workflow.name(), null, details, null, null, "agent"));
        for (Step step : steps) {
            try {
                COMMANDS.sendAndWait(step.command(id));
            } catch (OrdoException refused) {
                // a refusal is an acceptable answer; anything else fails the property
            }
        }
        var events = AXON.eventStore()
                .readEvents(id.toString())
                .asStream()
                .map(DomainEventMessage::getPayload)
                .toList();

        var created = (OrderCreated) events.get(0);
        BigDecimal sum = lines.stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(created.totalAmount()).isEqualByComparingTo(sum);
        assertThat(created.totalAmount().scale()).isEqualTo(2);

        String status = created.status();
        Integer purchased = created.leadsPurchased();
        Set<String> delivered = new HashSet<>();
        for (Object event : events.subList(1, events.size())) {
            boolean terminalBefore = workflow.isTerminal(status);
            if (event instanceof OrderStatusChanged changed) {
                assertThat(changed.from()).isEqualTo(status);
                assertThat(changed.to())
                        .as("cancellation only through OrderCancelled")
                        .isNotEqualTo(workflow.cancelledStatus());
                assertThat(workflow.allows(status, changed.to())).isTrue();
                status = changed.to();
            } else if (event instanceof OrderCancelled cancelled) {
                assertThat(cancelled.to()).isEqualTo(workflow.cancelledStatus());
                status = cancelled.to();
            } else if (event instanceof LeadDelivered lead) {
                assertThat(delivered.add(lead.leadId())).as("no lead twice").isTrue();
            } else if (event instanceof LeadWithdrawn lead) {
                assertThat(delivered.remove(lead.leadId())).isTrue();
            } else if (event instanceof OrderDetailsUpdated updated
                    && updated.changed().contains("leadsPurchased")) {
                purchased = updated.leadsPurchased();
            } else {
                assertThat(event).isInstanceOfAny(DiscussionNoteAdded.class, OrderDetailsUpdated.class);
            }
            assertThat(terminalBefore)
                    .as("nothing happens to a terminal order, yet %s did", event)
                    .isFalse();
            if (campaign) {
                assertThat(delivered.size()).as("delivered ≤ purchased").isLessThanOrEqualTo(purchased);
            }
        }
        boolean inactive = status.equals(workflow.cancelledStatus());
        assertThat(inactive)
                .isEqualTo(events.get(events.size() - 1) instanceof OrderCancelled
                        || events.stream().anyMatch(e -> e instanceof OrderCancelled));
    }
}

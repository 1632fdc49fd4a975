package io.ordo.domain;

import static io.ordo.domain.OrderEvents.ID;

import io.ordo.domain.command.AddDiscussionNoteCommand;
import io.ordo.domain.event.DiscussionNoteAdded;
import io.ordo.domain.exception.DiscussionClosedException;
import io.ordo.domain.exception.InvalidOrderException;
import io.ordo.domain.workflow.Workflows;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The discussion of an order: open while the workflow says so, every status of every workflow checked. */
class DiscussionTest {

    private final FixtureConfiguration<Order> fixture = new AggregateTestFixture<>(Order.class);

    static Stream<Arguments> every_status() {
        return Workflows.all().stream().flatMap(w -> w.statuses().stream().map(s -> Arguments.of(w.name(), s)));
    }

    @ParameterizedTest(name = "{0}: note in {1}")
    @MethodSource("every_status")
    void note_is_added_exactly_where_the_discussion_is_open(String name, String status) {
        var workflow = Workflows.named(name);
        boolean closed = name.equals("production")
                ? Set.of("in_production", "rejected", "completed", "cancelled").contains(status)
                : workflow.isTerminal(status);
        var result = fixture.given(OrderEvents.orderIn(workflow, status))
                .when(new AddDiscussionNoteCommand(ID, "note-1", "Customer asked for a call", "agent"));
        if (closed) {
            result.expectException(DiscussionClosedException.class).expectNoEvents();
        } else {
            result.expectEvents(new DiscussionNoteAdded(ID, "note-1", "Customer asked for a call", "agent"));
        }
    }

    @Test
    void a_note_has_text_of_at_most_4000_characters() {
        fixture.given(OrderEvents.orderIn(Workflows.STANDARD, "draft"))
                .when(new AddDiscussionNoteCommand(ID, "note-1", "x".repeat(4001), "agent"))
                .expectException(InvalidOrderException.class);
        fixture.given(OrderEvents.orderIn(Workflows.STANDARD, "draft"))
                .when(new AddDiscussionNoteCommand(ID, "note-1", "  ", "agent"))
                .expectException(InvalidOrderException.class);
        fixture.given(OrderEvents.orderIn(Workflows.STANDARD, "draft"))
                .when(new AddDiscussionNoteCommand(ID, "note-1", "x".repeat(4000), "agent"))
                .expectSuccessfulHandlerExecution();
    }
}

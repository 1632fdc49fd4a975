package io.ordo.application.service.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ordo.application.port.in.ForbiddenException;
import io.ordo.application.port.in.UnavailableException;
import io.ordo.application.port.in.admin.ProjectionStatus;
import io.ordo.application.port.out.ProjectionControlPort;
import io.ordo.application.service.AccessPolicy;
import io.ordo.application.service.Fakes;
import io.ordo.domain.command.AssignOrderCommand;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A bulk move reads the list only once it holds every change stored before the request. */
class AssignmentServiceTest {

    private final Fakes.Commands commands = new Fakes.Commands();
    private final Fakes.ReadModel readModel = new Fakes.ReadModel();
    private final List<String> awaited = new ArrayList<>();
    private boolean listCatchesUp = true;
    private final ProjectionControlPort projections = new ProjectionControlPort() {
        @Override
        public List<ProjectionStatus> statuses() {
            return List.of();
        }

        @Override
        public boolean exists(String name) {
            return true;
        }

        @Override
        public void startReplay(String name) {}

        @Override
        public boolean awaitCaughtUp(String name, Duration within) {
            awaited.add(name + " " + within);
            return listCatchesUp;
        }
    };
    private final AssignmentService service =
            new AssignmentService(Fakes.writes(commands, readModel), readModel, projections, new AccessPolicy());

    {
        readModel.put("acme", Fakes.order(UUID.randomUUID().toString(), "standard", "pending", 0));
        commands.onSend = command -> Boolean.TRUE;
    }

    @Test
    void the_move_waits_for_the_list_and_then_gives_each_order() {
        int given = service.reassignAll(Fakes.caller("boss", "acme", "manager"), "agent", "agent2", "left");

        assertThat(awaited).containsExactly("order-list PT10S");
        assertThat(given).isEqualTo(1);
        assertThat(commands.sent).singleElement().isInstanceOf(AssignOrderCommand.class);
    }

    @Test
    void a_list_that_does_not_catch_up_is_unavailable_and_nothing_moves() {
        listCatchesUp = false;

        assertThatThrownBy(() -> service.reassignAll(Fakes.caller("boss", "acme", "manager"), "agent", "agent2", null))
                .isInstanceOfSatisfying(
                        UnavailableException.class, e -> assertThat(e.code()).isEqualTo("UNAVAILABLE"));
        assertThat(commands.sent).isEmpty();
    }

    @Test
    void a_caller_who_may_not_assign_is_refused_before_anything_waits() {
        assertThatThrownBy(() -> service.reassignAll(Fakes.caller("a", "acme", "agent"), "agent", "agent2", null))
                .isInstanceOf(ForbiddenException.class);
        assertThat(awaited).isEmpty();
    }
}

package io.ordo.application.service.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ordo.application.port.in.ConcurrentModificationException;
import io.ordo.application.port.in.ForbiddenException;
import io.ordo.application.port.in.OrderNotFoundException;
import io.ordo.application.port.in.PreconditionFailedException;
import io.ordo.application.port.in.order.StatusChange;
import io.ordo.application.service.Fakes;
import io.ordo.domain.command.ChangeOrderStatusCommand;
import io.ordo.domain.exception.FieldViolation;
import io.ordo.domain.exception.InvalidOrderException;
import io.ordo.domain.exception.InvalidTransitionException;
import java.util.UUID;
import org.axonframework.eventhandling.EventProcessingException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

/** The write path: 404 before 403 before 412, refusals translated, lost races retried. */
class ChangeOrderStatusServiceTest {

    private final String id = UUID.randomUUID().toString();
    private final Fakes.Commands commands = new Fakes.Commands();
    private final Fakes.ReadModel readModel = new Fakes.ReadModel();
    private final ChangeOrderStatusService service = new ChangeOrderStatusService(Fakes.writes(commands, readModel));
    private final StatusChange toPending = new StatusChange("pending", null, null, null, null);

    {
        readModel.put("acme", Fakes.order(id, "standard", "draft", 4));
    }

    @Test
    void the_command_carries_the_actor_and_the_if_match_version() {
        service.changeStatus(Fakes.caller("agent", "acme", "agent"), id, toPending, 4L);
        var sent = (ChangeOrderStatusCommand) commands.sent.get(0);
        assertThat(sent.actor()).isEqualTo("agent");
        assertThat(sent.expectedVersion()).isEqualTo(4L);
        assertThat(sent.status()).isEqualTo("pending");
    }

    @Test
    void another_tenant_or_another_agents_order_is_not_found() {
        assertThatThrownBy(() -> service.changeStatus(Fakes.caller("boss", "globex", "admin"), id, toPending, null))
                .isInstanceOf(OrderNotFoundException.class);
        assertThatThrownBy(() -> service.changeStatus(Fakes.caller("agent2", "acme", "agent"), id, toPending, null))
                .isInstanceOf(OrderNotFoundException.class);
        assertThatThrownBy(() ->
                        service.changeStatus(Fakes.caller("agent", "acme", "agent"), "not-a-uuid", toPending, null))
                .isInstanceOf(OrderNotFoundException.class);
        assertThat(commands.sent).isEmpty();
    }

    @Test
    void viewer_sees_the_order_but_may_not_move_it() {
        assertThatThrownBy(() -> service.changeStatus(Fakes.caller("viewer", "acme", "viewer"), id, toPending, 3L))
                .isInstanceOf(ForbiddenException.class);
        assertThat(commands.sent).isEmpty();
    }

    @Test
    void an_unknown_status_is_a_400_before_rights_and_versions_are_judged() {
        var teleport = new StatusChange("teleported", null, null, null, null);
        assertThatThrownBy(() -> service.changeStatus(Fakes.caller("viewer", "acme", "viewer"), id, teleport, 1L))
                .isInstanceOf(InvalidOrderException.class);
        assertThat(commands.sent).isEmpty();
    }

    @Test
    void a_missing_status_is_a_400_even_on_an_order_the_caller_cannot_see() {
        var nowhere = new StatusChange(" ", null, null, null, null);
        assertThatThrownBy(() -> service.changeStatus(Fakes.caller("boss", "globex", "admin"), id, nowhere, null))
                .isInstanceOfSatisfying(
                        InvalidOrderException.class,
                        e -> assertThat(e.violations())
                                .extracting(FieldViolation::field)
                                .containsExactly("status"));
        assertThat(commands.sent).isEmpty();
    }

    @Test
    void a_move_to_the_cancelled_status_without_a_reason_is_a_400_before_rights_are_judged() {
        var cancel = new StatusChange("cancelled", null, null, null, null);
        assertThatThrownBy(() -> service.changeStatus(Fakes.caller("viewer", "acme", "viewer"), id, cancel, 1L))
                .isInstanceOfSatisfying(
                        InvalidOrderException.class,
                        e -> assertThat(e.violations())
                                .extracting(FieldViolation::field)
                                .containsExactly("reason"));
        assertThat(commands.sent).isEmpty();
    }

    @Test
    void stale_if_match_is_refused_before_anything_is_sent() {
        assertThatThrownBy(() -> service.changeStatus(Fakes.caller("agent", "acme", "agent"), id, toPending, 3L))
                .isInstanceOf(PreconditionFailedException.class);
        assertThat(commands.sent).isEmpty();
    }

    @Test
    void domain_refusals_come_through_unwrapped() {
        commands.failures.add(new EventProcessingException(
                "wrapped", new InvalidTransitionException("standard", "draft", "delivered")));
        assertThatThrownBy(() -> service.changeStatus(Fakes.caller("agent", "acme", "agent"), id, toPending, null))
                .isInstanceOf(InvalidTransitionException.class);
    }

    @Test
    void a_lost_race_is_retried_and_only_repeated_losses_reach_the_caller() {
        commands.failures.add(new ConcurrencyException("lost"));
        service.changeStatus(Fakes.caller("agent", "acme", "agent"), id, toPending, null);
        assertThat(commands.sent).hasSize(2);

        commands.sent.clear();
        for (int i = 0; i < 3; i++) {
            commands.failures.add(new ConcurrencyException("lost"));
        }
        assertThatThrownBy(() -> service.changeStatus(Fakes.caller("agent", "acme", "agent"), id, toPending, null))
                .isInstanceOf(ConcurrentModificationException.class);
        assertThat(commands.sent).hasSize(3);
    }

    @Test
    void with_if_match_a_lost_race_is_a_stale_version_and_not_retried() {
        commands.failures.add(new ConcurrencyException("lost"));
        assertThatThrownBy(() -> service.changeStatus(Fakes.caller("agent", "acme", "agent"), id, toPending, 4L))
                .isInstanceOf(PreconditionFailedException.class);
        assertThat(commands.sent).hasSize(1);
    }
}

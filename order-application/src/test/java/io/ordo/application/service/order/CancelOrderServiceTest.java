package io.ordo.application.service.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ordo.application.port.in.ForbiddenException;
import io.ordo.application.service.Fakes;
import io.ordo.domain.OrderId;
import io.ordo.domain.command.CancelOrderCommand;
import io.ordo.domain.exception.FieldViolation;
import io.ordo.domain.exception.InvalidOrderException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Cancelling: the reason is the request's own rule, judged before the order is looked up. */
class CancelOrderServiceTest {

    private final String id = UUID.randomUUID().toString();
    private final Fakes.Commands commands = new Fakes.Commands();
    private final Fakes.ReadModel readModel = new Fakes.ReadModel();
    private final CancelOrderService service = new CancelOrderService(Fakes.writes(commands, readModel));

    {
        readModel.put("acme", Fakes.order(id, "standard", "pending", 2));
    }

    @Test
    void a_blank_reason_is_a_400_even_on_an_order_the_caller_cannot_see() {
        assertThatThrownBy(() -> service.cancel(Fakes.caller("boss", "globex", "admin"), id, " ", null))
                .isInstanceOfSatisfying(
                        InvalidOrderException.class,
                        e -> assertThat(e.violations())
                                .extracting(FieldViolation::field)
                                .containsExactly("reason"));
        assertThat(commands.sent).isEmpty();
    }

    @Test
    void a_viewer_may_not_cancel_and_an_agent_sends_the_reason_and_version() {
        assertThatThrownBy(() -> service.cancel(Fakes.caller("viewer", "acme", "viewer"), id, "asked", null))
                .isInstanceOf(ForbiddenException.class);
        service.cancel(Fakes.caller("agent", "acme", "agent"), id, "customer asked", 2L);
        assertThat(commands.sent)
                .singleElement()
                .isEqualTo(new CancelOrderCommand(OrderId.parse(id).orElseThrow(), "customer asked", "agent", 2L));
    }
}

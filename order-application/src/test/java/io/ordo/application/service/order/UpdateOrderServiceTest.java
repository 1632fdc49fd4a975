package io.ordo.application.service.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ordo.application.port.in.ForbiddenException;
import io.ordo.application.port.in.PreconditionFailedException;
import io.ordo.application.service.AccessPolicy;
import io.ordo.application.service.Fakes;
import io.ordo.domain.Customer;
import io.ordo.domain.DetailsPatch;
import io.ordo.domain.exception.FieldViolation;
import io.ordo.domain.exception.InvalidOrderException;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A patch's field errors are judged against the order before rights and versions (400 before 403 and 412). */
class UpdateOrderServiceTest {

    private final String id = UUID.randomUUID().toString();
    private final Fakes.Commands commands = new Fakes.Commands();
    private final Fakes.ReadModel readModel = new Fakes.ReadModel();
    private final UpdateOrderService service =
            new UpdateOrderService(Fakes.writes(commands, readModel), new AccessPolicy());

    {
        readModel.put("acme", Fakes.order(id, "standard", "pending", 3));
    }

    private static DetailsPatch clearing(String field) {
        return new DetailsPatch(Set.of(field), Customer.NONE, null, null, null, null, null, null, null);
    }

    private static DetailsPatch describing(String description) {
        return new DetailsPatch(Set.of("description"), Customer.NONE, null, description, null, null, null, null, null);
    }

    @Test
    void a_patch_that_leaves_the_order_invalid_is_a_400_before_rights_and_versions() {
        assertThatThrownBy(() -> service.update(
                        Fakes.caller("viewer", "acme", "viewer"), id, clearing("deliveryAddress"), null, 99L))
                .isInstanceOfSatisfying(
                        InvalidOrderException.class,
                        e -> assertThat(e.violations())
                                .extracting(FieldViolation::field)
                                .containsExactly("deliveryAddress"));
        assertThat(commands.sent).isEmpty();
    }

    @Test
    void a_valid_patch_then_meets_rights_and_versions() {
        assertThatThrownBy(() ->
                        service.update(Fakes.caller("viewer", "acme", "viewer"), id, describing("Speakers"), null, 3L))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() ->
                        service.update(Fakes.caller("agent", "acme", "agent"), id, describing("Speakers"), null, 2L))
                .isInstanceOf(PreconditionFailedException.class);
        service.update(Fakes.caller("agent", "acme", "agent"), id, describing("Speakers"), null, 3L);
        assertThat(commands.sent).hasSize(1);
    }
}

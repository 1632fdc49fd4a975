package io.ordo.application.service.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ordo.application.port.in.Caller;
import io.ordo.application.port.in.ForbiddenException;
import io.ordo.application.port.in.order.NewOrder;
import io.ordo.application.service.AccessPolicy;
import io.ordo.application.service.Fakes;
import io.ordo.application.service.VisibleOrders;
import io.ordo.domain.Customer;
import io.ordo.domain.command.CreateOrderCommand;
import io.ordo.domain.exception.InvalidOrderException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Taking an order: body first, then rights, then a number; the command carries tenant and actor. */
class CreateOrderServiceTest {

    private static final UUID ID = UUID.fromString("11111111-2222-4333-8444-555555555555");

    private final Fakes.Commands commands = new Fakes.Commands();
    private final Fakes.ReadModel readModel = new Fakes.ReadModel();
    private final Fakes.Numbers numbers = new Fakes.Numbers();
    private final CreateOrderService service = new CreateOrderService(
            Fakes.writes(commands, readModel),
            new VisibleOrders(readModel, new AccessPolicy()),
            numbers,
            new AccessPolicy(),
            Clock.fixed(Instant.parse("2027-01-01T00:00:01Z"), ZoneOffset.UTC),
            () -> ID);

    {
        commands.onSend = command -> {
            var create = (CreateOrderCommand) command;
            readModel.put(
                    create.tenantId(),
                    Fakes.order(
                            create.orderId().toString(),
                            create.workflow(),
                            "draft",
                            0,
                            create.details().location(),
                            create.actor()));
            return null;
        };
    }

    private static NewOrder order(String orderNumber, String location) {
        return new NewOrder(
                "standard",
                orderNumber,
                new Customer("cust-1", "Jane", null, null),
                null,
                null,
                "1 Main St",
                "Headphones",
                null,
                location,
                null,
                null,
                null,
                List.of(),
                null,
                null);
    }

    @Test
    void agent_creates_with_a_generated_number_of_this_utc_year() {
        var view = service.create(Fakes.caller("agent", "acme", "agent"), order(null, null));
        var sent = (CreateOrderCommand) commands.sent.get(0);
        assertThat(sent.orderNumber()).isEqualTo("ORD-2027-000001");
        assertThat(sent.tenantId()).isEqualTo("acme");
        assertThat(sent.actor()).isEqualTo("agent");
        assertThat(commands.metaData.get(0)).containsEntry("tenant", "acme").containsEntry("actor", "agent");
        assertThat(view.id()).isEqualTo(ID.toString());
        assertThat(view.allowedTransitions()).containsExactly("cancelled", "pending");
    }

    @Test
    void invalid_body_spends_no_number_and_sends_nothing() {
        var noAddress = new NewOrder(
                "standard",
                null,
                new Customer(null, "Jane", null, null),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                null,
                null);
        assertThatThrownBy(() -> service.create(Fakes.caller("agent", "acme", "agent"), noAddress))
                .isInstanceOf(InvalidOrderException.class);
        assertThat(numbers.handedOut).isZero();
        assertThat(commands.sent).isEmpty();
    }

    @Test
    void client_numbers_that_look_generated_are_refused() {
        assertThatThrownBy(() -> service.create(Fakes.caller("agent", "acme", "agent"), order("ord-2026-000009", null)))
                .isInstanceOf(InvalidOrderException.class)
                .satisfies(e -> assertThat(
                                ((InvalidOrderException) e).violations().get(0).field())
                        .isEqualTo("orderNumber"));
        assertThat(commands.sent).isEmpty();
    }

    @Test
    void viewer_may_not_create_but_hears_about_a_bad_body_first() {
        var viewer = Fakes.caller("viewer", "acme", "viewer");
        assertThatThrownBy(() -> service.create(viewer, order(null, null))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.create(viewer, order("bad number!", null)))
                .isInstanceOf(InvalidOrderException.class);
        assertThat(commands.sent).isEmpty();
        assertThat(numbers.handedOut).isZero();
    }

    @Test
    void location_manager_creates_in_its_location_only() {
        var north = new Caller("manager-north", "acme", Set.of("manager"), "north", null);
        assertThatThrownBy(() -> service.create(north, order(null, "south"))).isInstanceOf(ForbiddenException.class);
        service.create(north, order(null, null));
        assertThat(((CreateOrderCommand) commands.sent.get(0)).details().location())
                .isEqualTo("north");
    }
}

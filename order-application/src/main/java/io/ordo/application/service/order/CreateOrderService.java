package io.ordo.application.service.order;

import io.ordo.application.port.in.Caller;
import io.ordo.application.port.in.ForbiddenException;
import io.ordo.application.port.in.OrderView;
import io.ordo.application.port.in.order.CreateOrderUseCase;
import io.ordo.application.port.in.order.NewOrder;
import io.ordo.application.port.out.OrderNumberPort;
import io.ordo.application.port.out.OrderReadModelPort;
import io.ordo.application.service.AccessPolicy;
import io.ordo.application.service.OrderCommands;
import io.ordo.domain.Order;
import io.ordo.domain.OrderDetails;
import io.ordo.domain.OrderId;
import io.ordo.domain.command.CreateOrderCommand;
import io.ordo.domain.exception.InvalidOrderException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;

/** Takes new orders: checks the body and the caller, gives the order its id and number, sends the command. */
public final class CreateOrderService implements CreateOrderUseCase {

    private final OrderCommands commands;
    private final AccessPolicy policy;
    private final OrderNumberPort numbers;
    private final Clock clock;
    private final Supplier<UUID> ids;

    public CreateOrderService(
            CommandGateway gateway,
            OrderReadModelPort readModel,
            OrderNumberPort numbers,
            AccessPolicy policy,
            Clock clock,
            Supplier<UUID> ids) {
        this.commands = new OrderCommands(gateway, readModel, policy);
        this.policy = policy;
        this.numbers = numbers;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public OrderView create(Caller caller, NewOrder order) {
        String location = order.location();
        var details = new OrderDetails(
                order.customer(),
                order.deliveryAddress(),
                order.description(),
                order.notes(),
                location,
                order.priority() == null ? 0 : order.priority(),
                order.currency(),
                order.items(),
                order.leadsPurchased(),
                order.targetDeliveryDate());
        String clientNumber = order.orderNumber();
        if (clientNumber != null && clientNumber.toUpperCase(Locale.ROOT).startsWith("ORD-")) {
            throw InvalidOrderException.of("orderNumber", "must not start with 'ORD-': those numbers are generated");
        }
        // 400 before 403: the body is judged before the caller's rights (CONTRACT.md section 4)
        Order.requireValidNew(order.workflow(), order.status(), clientNumber == null ? "ORD-0" : clientNumber, details);
        Order.requireValidContact(order.contactId(), order.conversationId());
        if (!policy.may(caller, AccessPolicy.Action.CREATE)) {
            throw new ForbiddenException("Role(s) %s may not create orders.".formatted(caller.roles()));
        }
        if (caller.hasRole(AccessPolicy.MANAGER) && !caller.hasRole(AccessPolicy.ADMIN) && caller.location() != null) {
            if (location != null && !Objects.equals(location, caller.location())) {
                throw new ForbiddenException(
                        "A manager of location '%s' creates orders there only.".formatted(caller.location()));
            }
            details = new OrderDetails(
                    details.customer(),
                    details.deliveryAddress(),
                    details.description(),
                    details.notes(),
                    caller.location(),
                    details.priority(),
                    details.currency(),
                    details.items(),
                    details.leadsPurchased(),
                    details.targetDeliveryDate());
        }
        var id = OrderId.of(ids.get());
        String number = clientNumber != null
                ? clientNumber
                : numbers.next(
                        caller.tenantId(),
                        clock.instant().atZone(ZoneOffset.UTC).getYear());
        commands.send(
                new CreateOrderCommand(
                        id,
                        caller.tenantId(),
                        number,
                        order.workflow(),
                        order.status(),
                        details,
                        order.contactId(),
                        order.conversationId(),
                        caller.userId()),
                caller);
        return policy.present(caller, commands.visible(caller, id.toString()));
    }
}

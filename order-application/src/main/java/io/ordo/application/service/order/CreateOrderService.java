package io.ordo.application.service.order;

import io.ordo.application.port.in.Caller;
import io.ordo.application.port.in.OrderView;
import io.ordo.application.port.in.order.CreateOrderUseCase;
import io.ordo.application.port.in.order.NewOrder;
import io.ordo.application.port.out.OrderNumberPort;
import io.ordo.application.service.AccessPolicy;
import io.ordo.application.service.OrderWrites;
import io.ordo.application.service.VisibleOrders;
import io.ordo.domain.Order;
import io.ordo.domain.OrderDetails;
import io.ordo.domain.OrderId;
import io.ordo.domain.command.CreateOrderCommand;
import io.ordo.domain.exception.InvalidOrderException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

/** Takes new orders: checks the body and the caller, gives the order its id and number, sends the command. */
public final class CreateOrderService implements CreateOrderUseCase {

    private final OrderWrites writes;
    private final VisibleOrders orders;
    private final AccessPolicy policy;
    private final OrderNumberPort numbers;
    private final Clock clock;
    private final Supplier<UUID> ids;

    public CreateOrderService(
            OrderWrites writes,
            VisibleOrders orders,
            OrderNumberPort numbers,
            AccessPolicy policy,
            Clock clock,
            Supplier<UUID> ids) {
        this.writes = writes;
        this.orders = orders;
        this.policy = policy;
        this.numbers = numbers;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public OrderView create(Caller caller, NewOrder order) {
        String clientNumber = order.orderNumber();
        if (clientNumber != null && clientNumber.toUpperCase(Locale.ROOT).startsWith("ORD-")) {
            throw InvalidOrderException.of("orderNumber", "must not start with 'ORD-': those numbers are generated");
        }
        // 400 before 403: the body is judged before the caller's rights, and before an order number is spent
        Order.requireValidNew(
                order.workflow(), order.status(), clientNumber == null ? "ORD-0" : clientNumber, details(order, null));
        Order.requireValidContact(order.contactId(), order.conversationId());
        policy.require(caller, AccessPolicy.Action.CREATE);
        if (order.location() != null) {
            policy.requireWithinLocation(caller, order.location());
        }
        var details = details(order, policy.boundLocation(caller).orElse(order.location()));
        var id = OrderId.of(ids.get());
        String number = clientNumber != null
                ? clientNumber
                : numbers.next(
                        caller.tenantId(),
                        clock.instant().atZone(ZoneOffset.UTC).getYear());
        Object answer = writes.send(
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
        return orders.showAfter(answer, caller, id.toString());
    }

    private static OrderDetails details(NewOrder order, String location) {
        return new OrderDetails(
                order.customer(),
                order.deliveryAddress(),
                order.description(),
                order.notes(),
                location == null ? order.location() : location,
                order.priority() == null ? 0 : order.priority(),
                order.currency(),
                order.items(),
                order.leadsPurchased(),
                order.targetDeliveryDate());
    }
}

package io.ordo.adapters.web.order;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.ordo.adapters.web.json.StrictDeserializers;
import io.ordo.application.port.in.order.NewOrder;
import io.ordo.domain.Customer;
import io.ordo.domain.OrderLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Body of {@code POST /api/orders}; any field not named here is refused (400 naming it). */
public record CreateOrderRequest(
        String workflow,
        String orderNumber,
        CustomerRequest customer,
        String contactId,
        String conversationId,
        String deliveryAddress,
        String description,
        String notes,
        String location,
        Integer priority,
        String status,
        String currency,
        List<ItemRequest> items,
        Integer leadsPurchased,

        @JsonDeserialize(using = StrictDeserializers.Date.class)
        LocalDate targetDeliveryDate) {

    /** The customer as the client states it. */
    public record CustomerRequest(String id, String name, String phone, String email) {}

    /** A line item; {@code unitPrice} may be a JSON string or number, read exactly. */
    public record ItemRequest(
            String sku,
            String name,
            Integer quantity,

            @JsonDeserialize(using = StrictDeserializers.Money.class)
            BigDecimal unitPrice) {}

    NewOrder toNewOrder() {
        var c = customer == null
                ? Customer.NONE
                : new Customer(customer.id(), customer.name(), customer.phone(), customer.email());
        List<OrderLine> lines = items == null
                ? List.of()
                : items.stream()
                        .map(i -> i == null
                                ? null
                                : new OrderLine(
                                        i.sku(), i.name(), i.quantity() == null ? 0 : i.quantity(), i.unitPrice()))
                        .toList();
        return new NewOrder(
                workflow,
                orderNumber,
                c,
                contactId,
                conversationId,
                deliveryAddress,
                description,
                notes,
                location,
                priority,
                status,
                currency,
                lines,
                leadsPurchased,
                targetDeliveryDate);
    }
}

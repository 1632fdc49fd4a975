package io.ordo.application.port.in.order;

import io.ordo.domain.Customer;
import io.ordo.domain.OrderLine;
import java.time.LocalDate;
import java.util.List;

/** What a client sends to take an order; {@code orderNumber} and {@code status} are optional. */
public record NewOrder(
        String workflow,
        String orderNumber,
        Customer customer,
        String contactId,
        String conversationId,
        String deliveryAddress,
        String description,
        String notes,
        String location,
        Integer priority,
        String status,
        String currency,
        List<OrderLine> items,
        Integer leadsPurchased,
        LocalDate targetDeliveryDate) {}

package io.ordo.domain.event;

import io.ordo.domain.Contact;
import io.ordo.domain.Customer;
import io.ordo.domain.OrderId;
import io.ordo.domain.OrderLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** An order was taken. {@code totalAmount} is kept as it was computed then, for the compliance reader. */
@Revision("1")
public record OrderCreated(
        OrderId orderId,
        String tenantId,
        String orderNumber,
        String workflow,
        String status,
        Customer customer,
        Contact contact,
        String deliveryAddress,
        String description,
        String notes,
        String location,
        int priority,
        String currency,
        List<OrderLine> items,
        BigDecimal totalAmount,
        Integer leadsPurchased,
        LocalDate targetDeliveryDate,
        String actor) {}

package io.ordo.domain.event;

import io.ordo.domain.Customer;
import io.ordo.domain.OrderId;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * Details of an order changed. {@code changed} names the top-level fields that took new values
 * ({@code customer}, {@code deliveryAddress}, …); only those carry meaning, a null among them was cleared.
 */
@Revision("1")
public record OrderDetailsUpdated(
        OrderId orderId,
        List<String> changed,
        Customer customer,
        String deliveryAddress,
        String description,
        String notes,
        String location,
        Integer priority,
        Integer leadsPurchased,
        LocalDate targetDeliveryDate,
        String justification,
        String actor) {}

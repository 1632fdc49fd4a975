package io.ordo.domain.event;

import io.ordo.domain.OrderId;
import io.ordo.domain.OrderLine;
import java.math.BigDecimal;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The lines of an order were replaced (a PATCH with {@code items}): the lines and the total before and after, in
 * the order's currency; {@code justification} where the workflow asks for one. The total is kept as computed then,
 * like {@link OrderCreated#totalAmount()}.
 */
@Revision("1")
public record OrderItemsChanged(
        OrderId orderId,
        List<OrderLine> before,
        List<OrderLine> after,
        BigDecimal totalBefore,
        BigDecimal totalAfter,
        String justification,
        String actor) {}

package io.ordo.domain.command;

import io.ordo.domain.OrderDetails;
import io.ordo.domain.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Take a new order. The caller chose the id and the order number; {@code status} is an initial status of
 * the workflow or null for its default.
 */
public record CreateOrderCommand(
        @TargetAggregateIdentifier OrderId orderId,
        String tenantId,
        String orderNumber,
        String workflow,
        String status,
        OrderDetails details,
        String contactId,
        String conversationId,
        String actor) {}

package io.ordo.domain.command;

import io.ordo.domain.OrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Give an order to another user ({@code assignee}, a user id), optionally saying why; with {@code onlyFrom}, only if
 * it is still that user's (a bulk reassignment does not take an order someone gave elsewhere meanwhile).
 */
public record AssignOrderCommand(
        @TargetAggregateIdentifier OrderId orderId, String assignee, String reason, String actor, String onlyFrom) {

    /** Give the order to {@code assignee}, whoever has it now. */
    public AssignOrderCommand(OrderId orderId, String assignee, String reason, String actor) {
        this(orderId, assignee, reason, actor, null);
    }
}

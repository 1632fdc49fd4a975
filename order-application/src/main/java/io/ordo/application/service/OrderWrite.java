package io.ordo.application.service;

import io.ordo.application.port.in.Caller;
import io.ordo.application.port.in.OrderView;
import io.ordo.domain.OrderId;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One write to an existing order, described before it runs: who writes to which order, as which action, at which
 * version, the request's rules that need the order, and the command. {@link OrderWrites#run} judges them in the
 * contract's order of refusals. Read a service's write as a sentence:
 *
 * <pre>{@code
 * OrderWrite.to(orderId, caller).ifMatch(ifMatch)
 *         .judgingBody(order -> Order.requireValidMove(workflowOf(order), status, reason))
 *         .sending(id -> new ChangeOrderStatusCommand(id, ...));
 * }</pre>
 *
 * @param bodyRule   the request's own rules that need the order (its workflow, say): a 400, judged before rights
 * @param rightsRule a further 403 rule on this caller and this request, judged once the caller may do the action
 * @param command    the command to send, given the order's id
 */
public record OrderWrite(
        Caller caller,
        String orderId,
        AccessPolicy.Action action,
        Long ifMatch,
        Consumer<OrderView> bodyRule,
        Consumer<OrderView> rightsRule,
        Function<OrderId, Object> command) {

    public OrderWrite {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(command, "command");
    }

    /** A write of {@code caller} to the order {@code orderId}; by default a {@link AccessPolicy.Action#WRITE}. */
    public static Builder to(String orderId, Caller caller) {
        return new Builder(orderId, caller);
    }

    /** Builds an {@link OrderWrite}; {@link #sending} ends it. */
    public static final class Builder {
        private final String orderId;
        private final Caller caller;
        private AccessPolicy.Action action = AccessPolicy.Action.WRITE;
        private Long ifMatch;
        private Consumer<OrderView> bodyRule = order -> {};
        private Consumer<OrderView> rightsRule = order -> {};

        private Builder(String orderId, Caller caller) {
            this.orderId = orderId;
            this.caller = caller;
        }

        public Builder as(AccessPolicy.Action action) {
            this.action = action;
            return this;
        }

        /** The version the client expects ({@code If-Match}); null for any. */
        public Builder ifMatch(Long version) {
            this.ifMatch = version;
            return this;
        }

        public Builder judgingBody(Consumer<OrderView> rule) {
            this.bodyRule = rule;
            return this;
        }

        public Builder judgingRights(Consumer<OrderView> rule) {
            this.rightsRule = rule;
            return this;
        }

        public OrderWrite sending(Function<OrderId, Object> command) {
            return new OrderWrite(caller, orderId, action, ifMatch, bodyRule, rightsRule, command);
        }
    }
}

package io.ordo.application.service.assignment;

import io.ordo.application.port.in.Caller;
import io.ordo.application.port.in.OrderView;
import io.ordo.application.port.in.UnavailableException;
import io.ordo.application.port.in.assignment.AssignOrdersUseCase;
import io.ordo.application.port.out.OrderReadModelPort;
import io.ordo.application.port.out.ProjectionControlPort;
import io.ordo.application.service.AccessPolicy;
import io.ordo.application.service.OrderWrite;
import io.ordo.application.service.OrderWrites;
import io.ordo.domain.Order;
import io.ordo.domain.OrderId;
import io.ordo.domain.command.AssignOrderCommand;
import io.ordo.domain.exception.FieldViolation;
import io.ordo.domain.exception.InvalidOrderException;
import java.time.Duration;
import java.util.ArrayList;

/**
 * Assignment. One order: judged like every write (404, 400, 403), then {@code OrderReassigned}. Every open order of
 * a user: the list names them once it holds every change stored before the request, and each is given in a command
 * and transaction of its own, so that ten thousand orders never hold one transaction (or one lock) for all; a
 * command that finds its order given elsewhere meanwhile leaves it, and one that loses a race with another writer is
 * sent again, as every write without If-Match is (ADR 0014).
 */
public final class AssignmentService implements AssignOrdersUseCase {

    /** The read model that names a user's orders. */
    static final String LIST = "order-list";

    /** How long a bulk move waits for the list to hold every change stored before it (its lag is ms, not s). */
    static final Duration LIST_WAIT = Duration.ofSeconds(10);

    private final OrderWrites writes;
    private final OrderReadModelPort readModel;
    private final ProjectionControlPort projections;
    private final AccessPolicy policy;

    public AssignmentService(
            OrderWrites writes, OrderReadModelPort readModel, ProjectionControlPort projections, AccessPolicy policy) {
        this.writes = writes;
        this.readModel = readModel;
        this.projections = projections;
        this.policy = policy;
    }

    @Override
    public OrderView assign(Caller caller, String orderId, String assignee, String reason) {
        Order.requireValidAssignment(assignee, reason);
        return writes.apply(OrderWrite.to(orderId, caller)
                .as(AccessPolicy.Action.ASSIGN)
                .sending(id -> new AssignOrderCommand(id, assignee, reason, caller.userId())));
    }

    @Override
    public int reassignAll(Caller caller, String from, String to, String reason) {
        var errors = new ArrayList<FieldViolation>();
        if (from == null || from.isBlank()) {
            errors.add(new FieldViolation("from", "is required"));
        }
        try {
            Order.requireValidAssignment(to, reason);
        } catch (InvalidOrderException invalid) {
            invalid.violations().stream()
                    .map(e -> e.field().equals("assignee") ? new FieldViolation("to", e.message()) : e)
                    .forEach(errors::add);
        }
        if (!errors.isEmpty()) {
            throw new InvalidOrderException(errors);
        }
        policy.require(caller, AccessPolicy.Action.ASSIGN);
        var scope = policy.scopeOf(caller).orElseThrow();
        if (!projections.awaitCaughtUp(LIST, LIST_WAIT)) {
            throw new UnavailableException("The order list is more than %d s behind the latest changes; retry shortly."
                    .formatted(LIST_WAIT.toSeconds()));
        }
        int given = 0;
        for (String orderId : readModel.openOrdersAssignedTo(scope, from)) {
            var command =
                    new AssignOrderCommand(OrderId.parse(orderId).orElseThrow(), to, reason, caller.userId(), from);
            if (Boolean.TRUE.equals(writes.sendRacing(command, caller, orderId))) {
                given++;
            }
        }
        return given;
    }
}

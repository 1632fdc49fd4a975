package io.ordo.application.port.in.assignment;

import io.ordo.application.port.in.Caller;
import io.ordo.application.port.in.OrderView;

/**
 * Use case: give orders to another user (admins and managers; a manager bound to a location, its orders only).
 * The order's {@code assignee} is its creator until then; an agent sees the orders assigned to it.
 */
public interface AssignOrdersUseCase {

    /** Gives one order to {@code assignee}; the order as it now stands. */
    OrderView assign(Caller caller, String orderId, String assignee, String reason);

    /**
     * Gives every open order (not in a terminal status) of {@code from} that the caller sees to {@code to}, each in
     * its own transaction; how many were given.
     */
    int reassignAll(Caller caller, String from, String to, String reason);
}

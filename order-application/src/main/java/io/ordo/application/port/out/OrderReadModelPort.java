package io.ordo.application.port.out;

import io.ordo.application.port.in.OrderView;
import io.ordo.application.port.in.discussion.NoteView;
import io.ordo.application.port.in.history.TimelineEntry;
import io.ordo.application.port.in.order.OrderPage;
import io.ordo.application.port.in.order.OrderQuery;
import io.ordo.domain.OrderId;
import java.util.List;
import java.util.Optional;

/**
 * Outgoing port: the read models. {@link #find} and {@link #timeline} are consistent with every
 * acknowledged write (read-your-writes on any node); {@link #search} may lag by up to a second.
 * Views come back with empty {@code allowedTransitions}: those depend on the caller.
 */
public interface OrderReadModelPort {

    /**
     * Command metadata: the order's version as {@link #find} showed it just before the command was sent. The event
     * store's side may then take the order's aggregate from its cache instead of replaying its events, if the cached
     * one is no older than this (another node may have moved the order since this node cached it).
     */
    String KNOWN_VERSION = "knownVersion";

    Optional<OrderView> find(OrderScope scope, OrderId id);

    /**
     * {@link #find}, right after a command to the order: {@code commandAnswer} is what the command answered, which
     * the read model may recognise as the order as that command's transaction left it (then nothing is read again).
     */
    Optional<OrderView> findAfter(Object commandAnswer, OrderScope scope, OrderId id);

    /** The order with this number in the scope, consistent like {@link #find}. */
    Optional<OrderView> findByNumber(OrderScope scope, String orderNumber);

    List<TimelineEntry> timeline(OrderScope scope, OrderId id);

    /** The discussion, oldest first; consistent with every acknowledged note like {@link #find}. */
    List<NoteView> notes(OrderScope scope, OrderId id);

    /**
     * The ids of the orders in the scope assigned to {@code assignee} that are not in a terminal status of their
     * workflow, read from the list (it may lag by up to a second).
     */
    List<String> openOrdersAssignedTo(OrderScope scope, String assignee);

    /** The ids of the orders in the scope whose customer is {@code customerId}, consistent like {@link #find}. */
    List<String> ordersOfCustomer(OrderScope scope, String customerId);

    /** @throws io.ordo.domain.exception.InvalidOrderException when the query's cursor is not one this port gave out */
    OrderPage search(OrderScope scope, OrderQuery query);
}

package io.ordo.domain.event;

import java.util.List;

/** Every event an order records, by the type name clients see (notifications, the stream, the audit trail). */
public final class OrderEventTypes {

    public static final List<Class<?>> ALL = List.of(
            OrderCreated.class,
            OrderDetailsUpdated.class,
            OrderStatusChanged.class,
            OrderCancelled.class,
            LeadDelivered.class,
            LeadWithdrawn.class,
            DiscussionNoteAdded.class,
            ProviderEventRecorded.class,
            OrderReassigned.class,
            OrderItemsChanged.class,
            CustomerErased.class);

    public static final List<String> NAMES =
            ALL.stream().map(Class::getSimpleName).toList();

    private OrderEventTypes() {}
}

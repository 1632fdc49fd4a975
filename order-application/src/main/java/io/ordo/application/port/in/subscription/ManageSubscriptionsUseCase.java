package io.ordo.application.port.in.subscription;

import io.ordo.application.port.in.Caller;
import java.util.List;

/** A tenant admin's notification subscriptions: each matching event of the tenant is POSTed to its URL. */
public interface ManageSubscriptionsUseCase {

    SubscriptionView subscribe(Caller caller, NewSubscription subscription);

    List<SubscriptionView> list(Caller caller);

    /** Removes the subscription; its pending deliveries stop. */
    void unsubscribe(Caller caller, String id);

    /** What was sent or is waiting to be, newest first. */
    NotificationDeliveryPage deliveries(Caller caller, String id, String cursor, int limit);
}

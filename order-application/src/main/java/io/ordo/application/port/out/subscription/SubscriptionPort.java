package io.ordo.application.port.out.subscription;

import io.ordo.application.port.in.subscription.NotificationDeliveryPage;
import io.ordo.application.port.in.subscription.SubscriptionView;
import java.util.List;
import java.util.UUID;

/** The tenants' subscriptions (secrets sealed) and, from the outbox, what was sent to each. */
public interface SubscriptionPort {

    SubscriptionView save(String tenant, String url, String secret, List<String> events);

    List<SubscriptionView> list(String tenant);

    /** False when the tenant has no such subscription. */
    boolean delete(String tenant, UUID id);

    boolean exists(String tenant, UUID id);

    NotificationDeliveryPage deliveries(UUID id, String cursor, int limit);
}

package io.ordo.application.port.out.webhook;

import io.ordo.application.port.in.webhook.WebhookDeliveryPage;
import io.ordo.application.port.in.webhook.WebhookDeliveryView;
import java.util.Optional;

/**
 * What providers sent, one row per provider event id (a unique key: an id is applied once). The applied ones are
 * written with the order's events, in their transaction; the refused ones by {@link #recordRejected}.
 */
public interface WebhookDeliveryPort {

    Optional<WebhookDeliveryView> find(String tenant, String provider, String eventId);

    /** Keeps a refused delivery; false when the id was taken meanwhile (a duplicate). */
    boolean recordRejected(String tenant, String provider, WebhookDeliveryView delivery);

    WebhookDeliveryPage page(String tenant, String provider, String cursor, int limit);
}

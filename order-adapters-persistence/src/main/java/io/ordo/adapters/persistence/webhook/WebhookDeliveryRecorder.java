package io.ordo.adapters.persistence.webhook;

import io.ordo.application.port.in.webhook.WebhookDeliveryView;
import io.ordo.application.port.in.webhook.WebhookOutcome;
import io.ordo.domain.event.ProviderEventRecorded;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps an applied webhook delivery in the transaction that stores its events (a subscribing handler that fails
 * the command when it fails). The delivery's unique key then refuses a second command for the same provider event
 * id, so the id is applied once even when two deliveries of it race.
 */
@ProcessingGroup(WebhookDeliveryRecorder.NAME)
public class WebhookDeliveryRecorder {

    public static final String NAME = "webhook-deliveries";

    private final JdbcClient jdbc;

    public WebhookDeliveryRecorder(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProviderEventRecorded e, @MetaDataValue("tenant") String tenant, @Timestamp Instant at) {
        var delivery = new WebhookDeliveryView(
                e.eventId(), at, e.orderId().toString(), e.providerStatus(), WebhookOutcome.APPLIED, null);
        if (JdbcWebhookAdapter.insert(jdbc, tenant, e.provider(), delivery) != 1) {
            throw new IllegalStateException("Provider event " + e.eventId() + " was applied already");
        }
    }
}

package io.ordo.application.port.in.webhook;

import io.ordo.application.port.in.Caller;
import java.util.List;

/** A tenant admin registers the providers that may send webhooks, and reads what they sent. */
public interface ManageWebhookProvidersUseCase {

    /** Registers the provider, or rotates its secret when it exists; the secret is never answered back. */
    WebhookProviderView register(Caller caller, String name, String kind, String secret);

    List<WebhookProviderView> list(Caller caller);

    /** What the provider sent, newest first. */
    WebhookDeliveryPage deliveries(Caller caller, String name, String cursor, int limit);
}

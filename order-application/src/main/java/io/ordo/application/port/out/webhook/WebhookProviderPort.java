package io.ordo.application.port.out.webhook;

import io.ordo.application.port.in.webhook.WebhookProviderView;
import java.util.List;
import java.util.Optional;

/** The tenants' webhook providers; secrets are stored so that a copy of the database does not reveal them. */
public interface WebhookProviderPort {

    /** Registers the provider or, when it exists, gives it the new kind and secret. */
    WebhookProviderView save(String tenant, String name, String kind, String secret);

    /** The provider with its secret in clear, for verifying a signature. */
    Optional<Registered> find(String tenant, String name);

    List<WebhookProviderView> list(String tenant);

    /** A provider as stored, secret in clear. */
    record Registered(String name, String kind, String secret) {}
}

package io.ordo.app.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.ordo.application.port.in.webhook.ProviderEvent;
import io.ordo.application.port.in.webhook.ReceiveWebhookUseCase;
import io.ordo.application.port.in.webhook.UnauthenticatedException;
import io.ordo.application.port.in.webhook.VerifiedProvider;
import io.ordo.application.port.in.webhook.WebhookOutcome;

/**
 * Counts the webhooks received: {@code ordo.webhooks.received{provider, outcome}} ({@code
 * ordo_webhooks_received_total}), outcome {@code applied}, {@code duplicate}, {@code rejected}, or
 * {@code unauthenticated} (provider {@code -}: a name nobody proved may not become a label).
 */
public final class MeteredWebhooks implements ReceiveWebhookUseCase {

    private final ReceiveWebhookUseCase webhooks;
    private final MeterRegistry registry;

    public MeteredWebhooks(ReceiveWebhookUseCase webhooks, MeterRegistry registry) {
        this.webhooks = webhooks;
        this.registry = registry;
    }

    @Override
    public VerifiedProvider authenticate(String tenant, String provider, String signature, byte[] body) {
        try {
            return webhooks.authenticate(tenant, provider, signature, body);
        } catch (UnauthenticatedException refused) {
            count("-", "unauthenticated");
            throw refused;
        }
    }

    @Override
    public WebhookOutcome receive(VerifiedProvider provider, ProviderEvent event) {
        WebhookOutcome outcome = webhooks.receive(provider, event);
        count(provider.name(), outcome.outcome());
        return outcome;
    }

    private void count(String provider, String outcome) {
        registry.counter("ordo.webhooks.received", "provider", provider, "outcome", outcome)
                .increment();
    }
}

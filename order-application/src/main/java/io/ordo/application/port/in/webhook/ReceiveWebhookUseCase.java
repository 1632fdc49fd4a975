package io.ordo.application.port.in.webhook;

/**
 * A provider's webhook: first the signature over the raw body authenticates the provider (nothing is read before
 * that), then its event is applied to the order once.
 */
public interface ReceiveWebhookUseCase {

    /**
     * The provider the signature proves, or {@link UnauthenticatedException} for a missing, malformed, wrong or stale
     * signature and for an unknown tenant or provider alike.
     */
    VerifiedProvider authenticate(String tenant, String provider, String signature, byte[] body);

    WebhookOutcome receive(VerifiedProvider provider, ProviderEvent event);
}

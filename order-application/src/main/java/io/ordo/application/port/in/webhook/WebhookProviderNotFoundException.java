package io.ordo.application.port.in.webhook;

import io.ordo.domain.exception.OrdoException;

/** No webhook provider of that name in the caller's tenant. */
public final class WebhookProviderNotFoundException extends OrdoException {

    public WebhookProviderNotFoundException(String name) {
        super("No webhook provider '%s'.".formatted(name));
    }

    @Override
    public String code() {
        return "NOT_FOUND";
    }
}

package io.ordo.application.port.in.subscription;

import io.ordo.domain.exception.OrdoException;

/** No subscription of that id in the caller's tenant. */
public final class SubscriptionNotFoundException extends OrdoException {

    public SubscriptionNotFoundException(String id) {
        super("No subscription '%s'.".formatted(id));
    }

    @Override
    public String code() {
        return "NOT_FOUND";
    }
}

package io.ordo.application.port.in;

import io.ordo.domain.exception.OrdoException;

/** Another command changed the order at the same moment and won; the caller may retry. */
public final class ConcurrentModificationException extends OrdoException {

    public ConcurrentModificationException(String orderId) {
        super("Order '%s' was changed at the same time by another request; retry.".formatted(orderId));
    }

    @Override
    public String code() {
        return "CONCURRENT_MODIFICATION";
    }
}

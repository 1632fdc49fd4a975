package io.ordo.application.port.in;

import io.ordo.domain.exception.OrdoException;

/** No such order for this caller: it does not exist, is another tenant's, or is hidden from the caller. */
public final class OrderNotFoundException extends OrdoException {

    public OrderNotFoundException(String orderId) {
        super("No order '%s'.".formatted(orderId));
    }

    @Override
    public String code() {
        return "NOT_FOUND";
    }
}

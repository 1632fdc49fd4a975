package io.ordo.application.port.in.admin;

import io.ordo.domain.exception.OrdoException;

/** No projection of that name. */
public final class UnknownProjectionException extends OrdoException {

    public UnknownProjectionException(String name) {
        super("No projection '%s'.".formatted(name));
    }

    @Override
    public String code() {
        return "NOT_FOUND";
    }
}

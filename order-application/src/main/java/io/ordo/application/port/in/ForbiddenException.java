package io.ordo.application.port.in;

import io.ordo.domain.exception.OrdoException;

/** The caller sees the order but may not do this. */
public final class ForbiddenException extends OrdoException {

    public ForbiddenException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "FORBIDDEN";
    }
}

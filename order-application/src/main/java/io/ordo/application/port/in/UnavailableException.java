package io.ordo.application.port.in;

import io.ordo.domain.exception.OrdoException;

/** The service cannot answer completely right now (a read model it needs is behind); the client retries shortly. */
public final class UnavailableException extends OrdoException {

    public UnavailableException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "UNAVAILABLE";
    }
}

package io.ordo.application.port.in;

import io.ordo.domain.exception.OrdoException;

/** The client's {@code If-Match} names a version the order no longer has. */
public final class PreconditionFailedException extends OrdoException {

    public PreconditionFailedException(long expected, long actual) {
        super("The order is at version %d, not %d.".formatted(actual, expected));
    }

    @Override
    public String code() {
        return "PRECONDITION_FAILED";
    }
}

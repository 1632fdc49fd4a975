package io.ordo.application.port.in.stream;

import io.ordo.domain.exception.OrdoException;

/** The caller has as many live streams open as one user may (429, with Retry-After). */
public final class TooManyStreamsException extends OrdoException {

    public TooManyStreamsException(int most) {
        super("At most %d live streams per user are open at once; close one first.".formatted(most));
    }

    @Override
    public String code() {
        return "RATE_LIMITED";
    }
}

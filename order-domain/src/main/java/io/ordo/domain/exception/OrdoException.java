package io.ordo.domain.exception;

/** A refusal of the business rules; each subclass answers with exactly one contract {@code code}. */
public abstract class OrdoException extends RuntimeException {

    protected OrdoException(String message) {
        super(message, null, false, false);
    }

    /** The contract's error code, e.g. {@code INVALID_TRANSITION}. */
    public abstract String code();
}

package io.ordo.domain.exception;

/** A lead campaign never delivers more leads than were purchased. */
public final class CapacityExceededException extends OrdoException {

    public CapacityExceededException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "CAPACITY_EXCEEDED";
    }
}

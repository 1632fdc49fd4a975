package io.ordo.domain.exception;

/** The order's status no longer allows this change to its details. */
public final class NotEditableException extends OrdoException {

    public NotEditableException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "NOT_EDITABLE";
    }
}

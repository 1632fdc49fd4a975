package io.ordo.domain.exception;

/** The lead is already delivered to this campaign (and not withdrawn). */
public final class DuplicateLeadException extends OrdoException {

    public DuplicateLeadException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "DUPLICATE_LEAD";
    }
}

package io.ordo.domain.exception;

/** No such delivered lead on this campaign. */
public final class LeadNotFoundException extends OrdoException {

    public LeadNotFoundException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "NOT_FOUND";
    }
}

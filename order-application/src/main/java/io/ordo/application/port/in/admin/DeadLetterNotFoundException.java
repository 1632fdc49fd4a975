package io.ordo.application.port.in.admin;

import io.ordo.domain.exception.OrdoException;

/** No parked event with that id. */
public final class DeadLetterNotFoundException extends OrdoException {

    public DeadLetterNotFoundException(String id) {
        super("No dead letter '%s'.".formatted(id));
    }

    @Override
    public String code() {
        return "NOT_FOUND";
    }
}

package io.ordo.application.port.in.workflow;

import io.ordo.domain.exception.OrdoException;

/** No workflow of that name. */
public final class WorkflowNotFoundException extends OrdoException {

    public WorkflowNotFoundException(String name) {
        super("No workflow '%s'.".formatted(name));
    }

    @Override
    public String code() {
        return "NOT_FOUND";
    }
}

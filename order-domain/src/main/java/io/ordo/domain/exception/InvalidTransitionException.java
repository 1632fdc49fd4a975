package io.ordo.domain.exception;

/** The workflow has no such move from the order's current status (self-moves included). */
public final class InvalidTransitionException extends OrdoException {

    private final String from;
    private final String to;

    public InvalidTransitionException(String workflow, String from, String to) {
        super("Workflow '%s' does not move from '%s' to '%s'.".formatted(workflow, from, to));
        this.from = from;
        this.to = to;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }

    @Override
    public String code() {
        return "INVALID_TRANSITION";
    }
}

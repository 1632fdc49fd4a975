package io.ordo.domain.exception;

import java.util.List;

/** The request breaks the shape rules of an order; lists every offending field. */
public final class InvalidOrderException extends OrdoException {

    private final List<FieldViolation> violations;

    public InvalidOrderException(List<FieldViolation> violations) {
        super(
                violations.isEmpty()
                        ? "Invalid order."
                        : violations.get(0).field() + ": " + violations.get(0).message());
        this.violations = List.copyOf(violations);
    }

    public static InvalidOrderException of(String field, String message) {
        return new InvalidOrderException(List.of(new FieldViolation(field, message)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    @Override
    public String code() {
        return "VALIDATION_FAILED";
    }
}

package io.ordo.adapters.web;

import io.ordo.domain.exception.FieldViolation;
import io.ordo.domain.exception.InvalidOrderException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Reading query parameters the way every controller does: a bad value becomes a field error, not an exception. */
public final class QueryParameters {

    private QueryParameters() {}

    /** The ISO-8601 instant in {@code text}, null when absent; a malformed one is added to {@code errors}. */
    public static Instant instant(List<FieldViolation> errors, String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldViolation(field, "must be an ISO-8601 instant like 2026-11-21T00:00:00Z"));
            return null;
        }
    }

    /** A {@code limit} parameter from 1 to {@code max}, or a 400 naming it. */
    public static int limit(String text, int max) {
        try {
            int size = Integer.parseInt(text);
            if (size >= 1 && size <= max) {
                return size;
            }
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw InvalidOrderException.of("limit", "must be an integer from 1 to " + max);
    }
}

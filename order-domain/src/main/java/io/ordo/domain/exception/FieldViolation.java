package io.ordo.domain.exception;

/** One rejected field of a request, named by its JSON path (e.g. {@code items[0].quantity}). */
public record FieldViolation(String field, String message) {}

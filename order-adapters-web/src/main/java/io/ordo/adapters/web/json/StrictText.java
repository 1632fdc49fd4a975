package io.ordo.adapters.web.json;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the API accepts as text, dates and money, the one place both the JSON readers and the merge patch ask.
 * Text is kept whole everywhere, so a string PostgreSQL or a UTF-8 reader would change (a NUL, half of a UTF-16
 * surrogate pair) is refused instead of being stored one way and shown another.
 */
public final class StrictText {

    /** A calendar date as ISO 8601 writes it, with a four-digit year: {@code 2026-12-31}. */
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** A decimal as the contract writes money: digits, an optional fraction, no sign, exponent or spaces. */
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,18}(\\.\\d{1,18})?");

    private StrictText() {}

    /** Why {@code text} cannot be stored as it is, or empty when it can. */
    public static Optional<String> problemWith(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return Optional.of("must not contain NUL characters");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("must not contain half of a UTF-16 surrogate pair");
            }
        }
        return Optional.empty();
    }

    /** The date {@code text} names, or empty when it is not a real date written as {@code YYYY-MM-DD}. */
    public static Optional<LocalDate> date(String text) {
        if (!DATE.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException notADay) {
            return Optional.empty();
        }
    }

    /** Whether {@code text} is written as money may be: {@code 100}, {@code 100.5}, {@code 0.30}. */
    public static boolean isDecimal(String text) {
        return DECIMAL.matcher(text).matches();
    }
}

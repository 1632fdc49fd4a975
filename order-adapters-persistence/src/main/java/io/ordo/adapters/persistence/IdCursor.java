package io.ordo.adapters.persistence;

import io.ordo.domain.exception.InvalidOrderException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The opaque cursor of a newest-first log: the last row id seen, in Base64 so clients do not build their own. */
public final class IdCursor {

    private IdCursor() {}

    public static String of(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("id:" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The id after which to go on; {@link Long#MAX_VALUE} without a cursor; 400 for one Ordo did not give out. */
    public static long after(String cursor) {
        if (cursor == null) {
            return Long.MAX_VALUE;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith("id:")) {
                return Long.parseLong(text.substring(3));
            }
        } catch (IllegalArgumentException notOurs) {
            // falls through to the refusal
        }
        throw InvalidOrderException.of("cursor", "is not a cursor Ordo gave out");
    }
}

package io.ordo.domain.event;

import io.ordo.domain.OrderId;
import org.axonframework.serialization.Revision;

/**
 * The customer of an order was forgotten (the right to erasure): from here on every reader shows {@link #ERASED}
 * for the customer's name, phone and e-mail, the delivery address and the contact snapshots of this order, in its
 * earlier events too (their key is destroyed with this event). {@code customerId} is the id the erasure named.
 */
@Revision("1")
public record CustomerErased(OrderId orderId, String customerId, String reason, String actor) {

    /** The text that stands where erased personal data was. */
    public static final String ERASED = "[erased]";

    /** {@link #ERASED} for a value that was there; null stays null (there was nothing to forget). */
    public static String erase(String value) {
        return value == null ? null : ERASED;
    }
}

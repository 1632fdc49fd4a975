package io.ordo.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Identifier of an order; its {@link #toString()} is the bare UUID because Axon stores that for ever. */
public record OrderId(UUID value) {

    public OrderId {
        Objects.requireNonNull(value, "value");
    }

    public static OrderId of(UUID value) {
        return new OrderId(value);
    }

    /** Parses a client-given id; anything that is not a UUID is simply no order. */
    public static Optional<OrderId> parse(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(new OrderId(UUID.fromString(text)));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

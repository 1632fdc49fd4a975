package io.ordo.domain.workflow;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a webhook provider reports on: payments or shipments. */
public enum ProviderKind {
    PAYMENTS,
    SHIPPING;

    /** The kind as the API writes it: {@code payments}, {@code shipping}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ProviderKind> fromWire(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName().equals(name)).findFirst();
    }
}

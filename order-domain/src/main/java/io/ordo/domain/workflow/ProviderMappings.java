package io.ordo.domain.workflow;

import java.util.Map;
import java.util.Optional;

/**
 * Which status of an order's workflow a provider's status word moves it to (docs/api.md, "Inbound webhooks"), as
 * data beside the workflows: kind, then the provider's word, then the workflow, then the target. A word or a
 * workflow not listed here is no move at all: the webhook is answered {@code rejected}.
 */
public final class ProviderMappings {

    private static final Map<ProviderKind, Map<String, Map<String, String>>> MOVES = Map.of(
            ProviderKind.PAYMENTS,
            Map.of(
                    "succeeded", Map.of("checkout", "paid", "marketplace", "payment_confirmed"),
                    "failed", Map.of("checkout", "payment_failed", "marketplace", "failed"),
                    "escrow_created", Map.of("marketplace", "escrow_locked"),
                    "refunded", Map.of("marketplace", "refunded"),
                    "disputed", Map.of("marketplace", "disputed")),
            ProviderKind.SHIPPING,
            Map.of(
                    "picked_up", Map.of("checkout", "shipped", "marketplace", "shipped", "standard", "shipped"),
                    "in_transit", Map.of("marketplace", "in_transit"),
                    "out_for_delivery", Map.of("marketplace", "out_for_delivery"),
                    "delivered", Map.of("checkout", "delivered", "marketplace", "delivered", "standard", "delivered")));

    private ProviderMappings() {}

    /** Whether providers of this kind may say {@code providerStatus} at all. */
    public static boolean knows(ProviderKind kind, String providerStatus) {
        return MOVES.get(kind).containsKey(providerStatus);
    }

    /** The status an order of {@code workflow} moves to when a provider of {@code kind} says {@code providerStatus}. */
    public static Optional<String> target(ProviderKind kind, String providerStatus, String workflow) {
        return Optional.ofNullable(
                MOVES.get(kind).getOrDefault(providerStatus, Map.of()).get(workflow));
    }
}

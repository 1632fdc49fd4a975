package io.ordo.application.port.in.webhook;

/**
 * A provider's event as its webhook body gives it (docs/api.md, "Inbound webhooks"): its own {@code id}, the
 * {@code status} word, the order by id or number, and what it says about the payment or the shipment.
 */
public record ProviderEvent(
        String id,
        String status,
        String orderId,
        String orderNumber,
        String paymentIntentId,
        String transactionHash,
        String escrowId,
        String amount,
        String currency,
        String carrier,
        String trackingNumber,
        String location,
        String estimatedDelivery) {}

package io.ordo.application.port.in;

import io.ordo.domain.Contact;
import io.ordo.domain.Customer;
import io.ordo.domain.OrderDetails;
import io.ordo.domain.OrderLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An order as a client sees it. Money is a string with exactly the currency's decimals.
 * {@code allowedTransitions} is what the calling user may do now.
 */
public record OrderView(
        String id,
        String orderNumber,
        String workflow,
        String status,
        boolean active,
        List<String> allowedTransitions,
        Customer customer,
        Contact contact,
        String deliveryAddress,
        String description,
        String notes,
        String location,
        int priority,
        String currency,
        List<Line> items,
        String totalAmount,
        Leads leads,
        Shipping shipping,
        Payment payment,
        String assignee,
        String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt,
        long version) {

    /** A line item with its total. */
    public record Line(String sku, String name, int quantity, String unitPrice, String lineTotal) {}

    /** Where a lead campaign stands; {@code daysRemaining} counts from today (UTC), negative when late. */
    public record Leads(
            int purchased,
            int delivered,
            int remaining,
            double completionPercentage,
            String targetDeliveryDate,
            Long daysRemaining) {}

    /**
     * The shipment as last recorded: carrier and tracking number from a status change or a carrier's webhook,
     * location and estimated delivery (ISO date) from a carrier's webhook.
     */
    public record Shipping(String carrier, String trackingNumber, String location, String estimatedDelivery) {}

    /** The payment as the payment provider's latest webhook described it; null until one did. */
    public record Payment(String status, String intentId, String transactionHash, String escrowId) {}

    /** The order's details as the domain holds them, for judging a change against them before it is sent. */
    public OrderDetails details() {
        var lines = items == null
                ? List.<OrderLine>of()
                : items.stream()
                        .map(l -> new OrderLine(
                                l.sku(),
                                l.name(),
                                l.quantity(),
                                l.unitPrice() == null ? null : new BigDecimal(l.unitPrice())))
                        .toList();
        return new OrderDetails(
                customer,
                deliveryAddress,
                description,
                notes,
                location,
                priority,
                currency,
                lines,
                leads == null ? null : leads.purchased(),
                leads == null || leads.targetDeliveryDate() == null
                        ? null
                        : LocalDate.parse(leads.targetDeliveryDate()));
    }

    public OrderView withAllowedTransitions(List<String> transitions) {
        return new OrderView(
                id,
                orderNumber,
                workflow,
                status,
                active,
                List.copyOf(transitions),
                customer,
                contact,
                deliveryAddress,
                description,
                notes,
                location,
                priority,
                currency,
                items,
                totalAmount,
                leads,
                shipping,
                payment,
                assignee,
                createdBy,
                createdAt,
                updatedBy,
                updatedAt,
                version);
    }

    public OrderView withNotes(String text) {
        return new OrderView(
                id,
                orderNumber,
                workflow,
                status,
                active,
                allowedTransitions,
                customer,
                contact,
                deliveryAddress,
                description,
                text,
                location,
                priority,
                currency,
                items,
                totalAmount,
                leads,
                shipping,
                payment,
                assignee,
                createdBy,
                createdAt,
                updatedBy,
                updatedAt,
                version);
    }
}

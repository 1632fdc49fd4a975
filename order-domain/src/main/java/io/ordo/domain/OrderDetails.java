package io.ordo.domain;

import io.ordo.domain.event.CustomerErased;
import io.ordo.domain.exception.FieldViolation;
import io.ordo.domain.workflow.Workflow;
import io.ordo.domain.workflow.Workflows;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What staff may state about an order: customer, where it goes, what it is, its money and, for lead
 * campaigns, its size. {@link #violationsFor} holds every shape rule of the contract's order body.
 */
public record OrderDetails(
        Customer customer,
        String deliveryAddress,
        String description,
        String notes,
        String location,
        int priority,
        String currency,
        List<OrderLine> items,
        Integer leadsPurchased,
        LocalDate targetDeliveryDate) {

    public static final int MAX_ITEMS = 500;
    public static final int MIN_PRIORITY = 0;
    public static final int MAX_PRIORITY = 1000;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    public OrderDetails {
        customer = customer == null ? Customer.NONE : customer;
        // a null line is kept (not List.copyOf's NullPointerException) so that violationsFor can name it
        items = items == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(items));
    }

    /** These details with other lines. */
    public OrderDetails withItems(List<OrderLine> lines) {
        return new OrderDetails(
                customer,
                deliveryAddress,
                description,
                notes,
                location,
                priority,
                currency,
                lines,
                leadsPurchased,
                targetDeliveryDate);
    }

    /** These details with the customer's personal data and the delivery address erased. */
    public OrderDetails withPersonalDataErased() {
        return new OrderDetails(
                customer.erased(),
                CustomerErased.erase(deliveryAddress),
                description,
                notes,
                location,
                priority,
                currency,
                items,
                leadsPurchased,
                targetDeliveryDate);
    }

    /** Σ of the lines in the currency's decimals; null for an order without items. */
    public BigDecimal totalAmount() {
        if (items.isEmpty() || currency == null) {
            return null;
        }
        BigDecimal total = items.stream().map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        return Currencies.scaled(total, currency);
    }

    /** Every broken rule of these details for the workflow, each naming its field. Empty when all hold. */
    public List<FieldViolation> violationsFor(Workflow workflow) {
        var errors = new ArrayList<FieldViolation>();
        boolean campaign = workflow.name().equals(Workflows.LEAD_CAMPAIGN.name());
        if (!campaign) {
            required(errors, "customer.name", customer.name());
            required(errors, "deliveryAddress", deliveryAddress);
        }
        length(errors, "customer.id", customer.id(), 100);
        length(errors, "customer.name", customer.name(), 200);
        length(errors, "customer.phone", customer.phone(), 40);
        length(errors, "customer.email", customer.email(), 254);
        if (customer.email() != null
                && !customer.email().equals(CustomerErased.ERASED)
                && !EMAIL.matcher(customer.email()).matches()) {
            errors.add(new FieldViolation("customer.email", "must be an e-mail address"));
        }
        length(errors, "deliveryAddress", deliveryAddress, 500);
        length(errors, "description", description, 2000);
        length(errors, "notes", notes, 4000);
        length(errors, "location", location, 100);
        if (priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
            errors.add(
                    new FieldViolation("priority", "must be between %d and %d".formatted(MIN_PRIORITY, MAX_PRIORITY)));
        }
        boolean currencyKnown = currency != null && Currencies.find(currency).isPresent();
        if (currency != null && !currencyKnown) {
            errors.add(new FieldViolation("currency", "must be an ISO 4217 currency code"));
        }
        boolean paid = workflow.name().equals(Workflows.CHECKOUT.name())
                || workflow.name().equals(Workflows.MARKETPLACE.name());
        if (paid && currency == null) {
            errors.add(new FieldViolation("currency", "is required for workflow " + workflow.name()));
        }
        if (paid && items.isEmpty()) {
            errors.add(new FieldViolation("items", "needs at least one item for workflow " + workflow.name()));
        }
        if (!paid && !items.isEmpty() && currency == null) {
            errors.add(new FieldViolation("currency", "is required when the order has items"));
        }
        if (items.size() > MAX_ITEMS) {
            errors.add(new FieldViolation("items", "must not have more than " + MAX_ITEMS + " items"));
        }
        for (int i = 0; i < items.size() && i < MAX_ITEMS; i++) {
            lineViolations(errors, "items[" + i + "]", items.get(i), currencyKnown ? currency : null);
        }
        if (campaign) {
            if (leadsPurchased == null) {
                errors.add(new FieldViolation("leadsPurchased", "is required for workflow lead_campaign"));
            } else if (leadsPurchased < 1) {
                errors.add(new FieldViolation("leadsPurchased", "must be at least 1"));
            }
        } else {
            if (leadsPurchased != null) {
                errors.add(new FieldViolation("leadsPurchased", "is only allowed for workflow lead_campaign"));
            }
            if (targetDeliveryDate != null) {
                errors.add(new FieldViolation("targetDeliveryDate", "is only allowed for workflow lead_campaign"));
            }
        }
        return errors;
    }

    private static void lineViolations(List<FieldViolation> errors, String path, OrderLine line, String currency) {
        if (line == null) {
            errors.add(new FieldViolation(path, "must be an item"));
            return;
        }
        required(errors, path + ".sku", line.sku());
        length(errors, path + ".sku", line.sku(), 100);
        length(errors, path + ".name", line.name(), 200);
        if (line.quantity() < 1) {
            errors.add(new FieldViolation(path + ".quantity", "must be an integer of at least 1"));
        }
        if (line.quantity() > 1_000_000) {
            errors.add(new FieldViolation(path + ".quantity", "must not exceed 1000000"));
        }
        if (line.unitPrice() == null) {
            errors.add(new FieldViolation(path + ".unitPrice", "is required"));
        } else if (line.unitPrice().signum() < 0) {
            errors.add(new FieldViolation(path + ".unitPrice", "must not be negative"));
        } else if (line.unitPrice().precision() - line.unitPrice().scale() > 15) {
            errors.add(new FieldViolation(path + ".unitPrice", "is too large"));
        } else if (currency != null && !Currencies.fits(line.unitPrice(), currency)) {
            errors.add(new FieldViolation(
                    path + ".unitPrice",
                    "must not have more than %d decimals for %s".formatted(Currencies.decimals(currency), currency)));
        }
    }

    private static void required(List<FieldViolation> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldViolation(field, "is required"));
        }
    }

    private static void length(List<FieldViolation> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new FieldViolation(field, "must not be longer than " + max + " characters"));
        }
    }
}

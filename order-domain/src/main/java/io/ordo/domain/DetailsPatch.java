package io.ordo.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A JSON merge patch of an order's details, already parsed: {@code fields} names what the patch
 * mentions ({@code customer.name}, {@code deliveryAddress}, …); a mentioned field with a null value is
 * cleared. Fields the patch does not mention keep their value. {@code items}, when mentioned, is the whole new
 * list of lines (the create's rules apply to it).
 */
public record DetailsPatch(
        Set<String> fields,
        Customer customer,
        String deliveryAddress,
        String description,
        String notes,
        String location,
        Integer priority,
        Integer leadsPurchased,
        LocalDate targetDeliveryDate,
        List<OrderLine> items) {

    public static final Set<String> PATCHABLE = Set.of(
            "customer.id",
            "customer.name",
            "customer.phone",
            "customer.email",
            "deliveryAddress",
            "description",
            "notes",
            "location",
            "priority",
            "leadsPurchased",
            "targetDeliveryDate",
            "items");

    /** A patch that leaves the lines as they are. */
    public DetailsPatch(
            Set<String> fields,
            Customer customer,
            String deliveryAddress,
            String description,
            String notes,
            String location,
            Integer priority,
            Integer leadsPurchased,
            LocalDate targetDeliveryDate) {
        this(
                fields,
                customer,
                deliveryAddress,
                description,
                notes,
                location,
                priority,
                leadsPurchased,
                targetDeliveryDate,
                null);
    }

    public DetailsPatch {
        fields = Set.copyOf(fields);
        customer = customer == null ? Customer.NONE : customer;
        for (String field : fields) {
            if (!PATCHABLE.contains(field)) {
                throw new IllegalArgumentException("not a patchable field: " + field);
            }
        }
    }

    public boolean mentions(String field) {
        return fields.contains(field);
    }

    /** The details after the patch; unchanged where the patch is silent. */
    public OrderDetails applyTo(OrderDetails current) {
        Customer was = current.customer();
        Customer customer = new Customer(
                pick("customer.id", this.customer.id(), was.id()),
                pick("customer.name", this.customer.name(), was.name()),
                pick("customer.phone", this.customer.phone(), was.phone()),
                pick("customer.email", this.customer.email(), was.email()));
        return new OrderDetails(
                customer,
                pick("deliveryAddress", deliveryAddress, current.deliveryAddress()),
                pick("description", description, current.description()),
                pick("notes", notes, current.notes()),
                pick("location", location, current.location()),
                mentions("priority") ? (priority == null ? 0 : priority) : current.priority(),
                current.currency(),
                mentions("items") ? (items == null ? List.of() : items) : current.items(),
                pick("leadsPurchased", leadsPurchased, current.leadsPurchased()),
                pick("targetDeliveryDate", targetDeliveryDate, current.targetDeliveryDate()));
    }

    private <T> T pick(String field, T patched, T current) {
        return mentions(field) ? patched : current;
    }
}

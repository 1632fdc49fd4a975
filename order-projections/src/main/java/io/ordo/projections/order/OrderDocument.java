package io.ordo.projections.order;

import io.ordo.application.port.in.OrderView;
import io.ordo.domain.Contact;
import io.ordo.domain.Currencies;
import io.ordo.domain.Customer;
import io.ordo.domain.OrderLine;
import io.ordo.domain.PaymentFacts;
import io.ordo.domain.ShippingFacts;
import io.ordo.domain.event.CustomerErased;
import io.ordo.domain.event.DiscussionNoteAdded;
import io.ordo.domain.event.LeadDelivered;
import io.ordo.domain.event.LeadWithdrawn;
import io.ordo.domain.event.OrderCancelled;
import io.ordo.domain.event.OrderCreated;
import io.ordo.domain.event.OrderDetailsUpdated;
import io.ordo.domain.event.OrderItemsChanged;
import io.ordo.domain.event.OrderReassigned;
import io.ordo.domain.event.OrderStatusChanged;
import io.ordo.domain.event.ProviderEventRecorded;
import io.ordo.domain.workflow.Workflows;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * An order folded from its events: the one fold that the detail and list projections share, stored as
 * JSON in their {@code document} columns. Public fields because it is a storage shape, nothing more.
 */
final class OrderDocument {

    public String tenantId;
    public String id;
    public String orderNumber;
    public String workflow;
    public String status;
    public boolean active;
    public Customer customer;
    public Contact contact;
    public String deliveryAddress;
    public String description;
    public String notes;
    public String location;
    public int priority;
    public String currency;
    public List<OrderView.Line> items = List.of();
    public String totalAmount;
    public Integer leadsPurchased;
    public int leadsDelivered;
    public LocalDate targetDeliveryDate;
    public String carrier;
    public String trackingNumber;
    public String shippingLocation;
    public LocalDate estimatedDelivery;
    public PaymentFacts payment;
    /** Who works on the order; null in documents stored before V18, where it is the creator. */
    public String assignee;

    public String createdBy;
    public Instant createdAt;
    public String updatedBy;
    public Instant updatedAt;
    /** When the order entered its current status; null in documents stored before V16 (the column has it). */
    public Instant statusSince;

    public long version;

    static OrderDocument created(OrderCreated e, Instant at) {
        var d = new OrderDocument();
        d.tenantId = e.tenantId();
        d.id = e.orderId().toString();
        d.orderNumber = e.orderNumber();
        d.workflow = e.workflow();
        d.status = e.status();
        d.active = !e.status().equals(Workflows.named(e.workflow()).cancelledStatus());
        d.customer = e.customer();
        d.contact = e.contact();
        d.deliveryAddress = e.deliveryAddress();
        d.description = e.description();
        d.notes = e.notes();
        d.location = e.location();
        d.priority = e.priority();
        d.currency = e.currency();
        d.items = lines(e.items(), e.currency());
        d.totalAmount = e.totalAmount() == null ? null : money(e.totalAmount(), e.currency());
        d.leadsPurchased = e.leadsPurchased();
        d.targetDeliveryDate = e.targetDeliveryDate();
        d.createdBy = e.actor();
        d.assignee = e.actor();
        d.createdAt = at;
        d.statusSince = at;
        d.version = 0;
        return d;
    }

    void apply(OrderDetailsUpdated e, Instant at, long sequence) {
        var c = e.changed();
        if (c.contains("customer")) customer = e.customer();
        if (c.contains("deliveryAddress")) deliveryAddress = e.deliveryAddress();
        if (c.contains("description")) description = e.description();
        if (c.contains("notes")) notes = e.notes();
        if (c.contains("location")) location = e.location();
        if (c.contains("priority")) priority = e.priority();
        if (c.contains("leadsPurchased")) leadsPurchased = e.leadsPurchased();
        if (c.contains("targetDeliveryDate")) targetDeliveryDate = e.targetDeliveryDate();
        touched(e.actor(), at, sequence);
    }

    void apply(OrderStatusChanged e, Instant at, long sequence) {
        status = e.to();
        statusSince = at;
        if (e.carrier() != null) carrier = e.carrier();
        if (e.trackingNumber() != null) trackingNumber = e.trackingNumber();
        touched(e.actor(), at, sequence);
    }

    /** What a provider said; the status change it caused came just before, as its own event. */
    void apply(ProviderEventRecorded e, Instant at, long sequence) {
        if (e.payment() != null) {
            payment = payment == null ? e.payment() : payment.updatedBy(e.payment());
        }
        ShippingFacts shipping = e.shipping();
        if (shipping != null) {
            if (shipping.carrier() != null) carrier = shipping.carrier();
            if (shipping.trackingNumber() != null) trackingNumber = shipping.trackingNumber();
            if (shipping.location() != null) shippingLocation = shipping.location();
            if (shipping.estimatedDelivery() != null) estimatedDelivery = shipping.estimatedDelivery();
        }
        touched(e.provider(), at, sequence);
    }

    void apply(OrderCancelled e, Instant at, long sequence) {
        status = e.to();
        statusSince = at;
        active = false;
        touched(e.actor(), at, sequence);
    }

    void apply(LeadDelivered e, Instant at, long sequence) {
        leadsDelivered++;
        touched(e.actor(), at, sequence);
    }

    void apply(LeadWithdrawn e, Instant at, long sequence) {
        leadsDelivered--;
        touched(e.actor(), at, sequence);
    }

    /** The lines as the order shows them: each with its total, in the currency's decimals. */
    private static List<OrderView.Line> lines(List<OrderLine> items, String currency) {
        var lines = new ArrayList<OrderView.Line>();
        for (OrderLine line : items == null ? List.<OrderLine>of() : items) {
            lines.add(new OrderView.Line(
                    line.sku(),
                    line.name(),
                    line.quantity(),
                    money(line.unitPrice(), currency),
                    money(line.lineTotal(), currency)));
        }
        return List.copyOf(lines);
    }

    void apply(OrderItemsChanged e, Instant at, long sequence) {
        items = lines(e.after(), currency);
        totalAmount = e.totalAfter() == null ? null : money(e.totalAfter(), currency);
        touched(e.actor(), at, sequence);
    }

    void apply(OrderReassigned e, Instant at, long sequence) {
        assignee = e.to();
        touched(e.actor(), at, sequence);
    }

    /** The customer is forgotten: "[erased]" where their personal data was; search no longer finds them. */
    void apply(CustomerErased e, Instant at, long sequence) {
        customer = customer == null ? null : customer.erased();
        contact = contact == null ? null : contact.erased();
        deliveryAddress = CustomerErased.erase(deliveryAddress);
        touched(e.actor(), at, sequence);
    }

    /** Who works on the order: the creator until it is reassigned. */
    String assigneeOrCreator() {
        return assignee == null ? createdBy : assignee;
    }

    /** A note is part of the order's history (its version counts it) but not a change of the order itself. */
    void apply(DiscussionNoteAdded e, Instant at, long sequence) {
        version = sequence;
    }

    /**
     * Applies any order event; false for an event this fold does not know (a newer release's, say), which it
     * then leaves out rather than guessing.
     */
    boolean applyAny(Object event, Instant at, long sequence) {
        if (event instanceof OrderDetailsUpdated e) {
            apply(e, at, sequence);
        } else if (event instanceof OrderStatusChanged e) {
            apply(e, at, sequence);
        } else if (event instanceof ProviderEventRecorded e) {
            apply(e, at, sequence);
        } else if (event instanceof OrderCancelled e) {
            apply(e, at, sequence);
        } else if (event instanceof LeadDelivered e) {
            apply(e, at, sequence);
        } else if (event instanceof LeadWithdrawn e) {
            apply(e, at, sequence);
        } else if (event instanceof DiscussionNoteAdded e) {
            apply(e, at, sequence);
        } else if (event instanceof OrderReassigned e) {
            apply(e, at, sequence);
        } else if (event instanceof OrderItemsChanged e) {
            apply(e, at, sequence);
        } else if (event instanceof CustomerErased e) {
            apply(e, at, sequence);
        } else {
            return false;
        }
        return true;
    }

    private void touched(String actor, Instant at, long sequence) {
        updatedBy = actor;
        updatedAt = at;
        version = sequence;
    }

    /**
     * Text the list's {@code q} filter searches: order number, customer name and phone (unless erased),
     * description.
     */
    String searchText() {
        var parts = new ArrayList<String>();
        parts.add(orderNumber);
        if (customer != null) {
            Stream.of(customer.name(), customer.phone())
                    .filter(value -> value != null && !value.equals(CustomerErased.ERASED))
                    .forEach(parts::add);
        }
        if (description != null) parts.add(description);
        return String.join("\n", parts).toLowerCase(Locale.ROOT);
    }

    BigDecimal totalAmountValue() {
        return totalAmount == null ? null : new BigDecimal(totalAmount);
    }

    OrderView toView(LocalDate today) {
        OrderView.Leads leads = null;
        if (leadsPurchased != null) {
            int remaining = Math.max(0, leadsPurchased - leadsDelivered);
            double percentage = leadsPurchased == 0
                    ? 0
                    : BigDecimal.valueOf(leadsDelivered * 100L)
                            .divide(BigDecimal.valueOf(leadsPurchased), 2, RoundingMode.HALF_EVEN)
                            .doubleValue();
            Long daysRemaining = targetDeliveryDate == null ? null : ChronoUnit.DAYS.between(today, targetDeliveryDate);
            leads = new OrderView.Leads(
                    leadsPurchased,
                    leadsDelivered,
                    remaining,
                    percentage,
                    targetDeliveryDate == null ? null : targetDeliveryDate.toString(),
                    daysRemaining);
        }
        return new OrderView(
                id,
                orderNumber,
                workflow,
                status,
                active,
                List.of(),
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
                new OrderView.Shipping(
                        carrier,
                        trackingNumber,
                        shippingLocation,
                        estimatedDelivery == null ? null : estimatedDelivery.toString()),
                payment == null
                        ? null
                        : new OrderView.Payment(
                                payment.status(), payment.intentId(), payment.transactionHash(), payment.escrowId()),
                assigneeOrCreator(),
                createdBy,
                createdAt,
                updatedBy,
                updatedAt,
                version);
    }

    private static String money(BigDecimal amount, String currency) {
        return Currencies.scaled(amount, currency).toPlainString();
    }
}

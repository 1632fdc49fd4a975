package io.ordo.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.ordo.domain.command.AddDiscussionNoteCommand;
import io.ordo.domain.command.AssignOrderCommand;
import io.ordo.domain.command.CancelOrderCommand;
import io.ordo.domain.command.ChangeOrderStatusCommand;
import io.ordo.domain.command.CreateOrderCommand;
import io.ordo.domain.command.DeliverLeadCommand;
import io.ordo.domain.command.EraseCustomerCommand;
import io.ordo.domain.command.RecordProviderEventCommand;
import io.ordo.domain.command.UpdateOrderDetailsCommand;
import io.ordo.domain.command.WithdrawLeadCommand;
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
import io.ordo.domain.exception.CapacityExceededException;
import io.ordo.domain.exception.DiscussionClosedException;
import io.ordo.domain.exception.DuplicateLeadException;
import io.ordo.domain.exception.FieldViolation;
import io.ordo.domain.exception.InvalidOrderException;
import io.ordo.domain.exception.LeadNotFoundException;
import io.ordo.domain.exception.NotEditableException;
import io.ordo.domain.workflow.Workflow;
import io.ordo.domain.workflow.Workflows;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;

/**
 * The Order aggregate: decides every change to one order against its workflow and records it as an event.
 * Command handlers decide; only event-sourcing handlers change state.
 */
@AggregateRoot(type = "Order")
public class Order {

    private static final Pattern ORDER_NUMBER = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    /** The status in which a campaign takes deliveries, the ones in which it gives leads back, and where it ends. */
    static final String CAMPAIGN_DELIVERING = "active";

    static final Set<String> CAMPAIGN_WITHDRAWING = Set.of("active", "paused");
    static final String CAMPAIGN_COMPLETED = "completed";
    static final int MAX_NOTE_LENGTH = 4000;
    static final int MAX_LEAD_ID_LENGTH = 255;
    static final int MAX_USER_ID_LENGTH = 255;
    static final int MAX_REASON_LENGTH = 2000;

    @AggregateIdentifier
    private OrderId id;

    private String workflowName;
    private String status;
    private OrderDetails details;
    private Set<String> deliveredLeads = new HashSet<>();
    /** Who works on the order: its creator until it is reassigned. */
    private String assignee;
    /** Whether its customer's personal data was erased: it cannot be given again. */
    private boolean customerErased;

    /** The fields a patch may no longer set once the customer is erased: the personal ones. */
    static final Set<String> PERSONAL_FIELDS =
            Set.of("customer.name", "customer.phone", "customer.email", "deliveryAddress");

    Order() {
        // Axon rebuilds the order from its events
    }

    @CommandHandler
    Order(CreateOrderCommand cmd) {
        var workflow = requireValidNew(cmd.workflow(), cmd.status(), cmd.orderNumber(), cmd.details());
        requireValidContact(cmd.contactId(), cmd.conversationId());
        String initial = workflow.initialStatus(cmd.status());
        OrderDetails d = cmd.details();
        Customer customer = d.customer();
        apply(new OrderCreated(
                cmd.orderId(),
                cmd.tenantId(),
                cmd.orderNumber(),
                workflow.name(),
                initial,
                customer,
                new Contact(cmd.contactId(), cmd.conversationId(), customer.name(), customer.phone()),
                d.deliveryAddress(),
                d.description(),
                d.notes(),
                d.location(),
                d.priority(),
                d.currency(),
                d.items(),
                d.totalAmount(),
                d.leadsPurchased(),
                d.targetDeliveryDate(),
                cmd.actor()));
    }

    /**
     * The rules of a new order, also for the application to check before it spends an order number.
     * Every broken field is reported at once; the workflow name and initial status are checked first.
     */
    public static Workflow requireValidNew(
            String workflowName, String status, String orderNumber, OrderDetails details) {
        var workflow = Workflows.named(workflowName);
        var errors = new ArrayList<FieldViolation>();
        if (orderNumber == null || !ORDER_NUMBER.matcher(orderNumber).matches()) {
            errors.add(new FieldViolation("orderNumber", "must be 1–40 characters of A-Z, a-z, 0-9, '-' or '_'"));
        }
        errors.addAll(details.violationsFor(workflow));
        if (!errors.isEmpty()) {
            throw new InvalidOrderException(errors);
        }
        workflow.initialStatus(status);
        return workflow;
    }

    private Workflow workflow() {
        return Workflows.named(workflowName);
    }

    private boolean isCampaign() {
        return Workflows.LEAD_CAMPAIGN.name().equals(workflowName);
    }

    /** The conversation link: ids of at most 255 characters. */
    public static void requireValidContact(String contactId, String conversationId) {
        var errors = new ArrayList<FieldViolation>();
        if (contactId != null && contactId.length() > 255) {
            errors.add(new FieldViolation("contactId", "must not be longer than 255 characters"));
        }
        if (conversationId != null && conversationId.length() > 255) {
            errors.add(new FieldViolation("conversationId", "must not be longer than 255 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidOrderException(errors);
        }
    }

    @CommandHandler
    void handle(UpdateOrderDetailsCommand cmd) {
        var workflow = workflow();
        OrderDetails next = requireValidPatch(workflow, details, cmd.patch(), cmd.justification());
        if (!workflow.isEditable(status)) {
            throw new NotEditableException(
                    "A %s order in status '%s' can no longer be changed.".formatted(workflow.name(), status));
        }
        if (customerErased && PERSONAL_FIELDS.stream().anyMatch(cmd.patch()::mentions)) {
            throw new NotEditableException("The customer of this order was erased: customer.name, customer.phone,"
                    + " customer.email and deliveryAddress cannot be set again. Take a new order instead.");
        }
        if (isCampaign() && next.leadsPurchased() < deliveredLeads.size()) {
            throw new CapacityExceededException("%d leads are delivered already; leadsPurchased cannot be %d."
                    .formatted(deliveredLeads.size(), next.leadsPurchased()));
        }
        var changed = new ArrayList<String>();
        compare(changed, "customer", details.customer(), next.customer());
        compare(changed, "deliveryAddress", details.deliveryAddress(), next.deliveryAddress());
        compare(changed, "description", details.description(), next.description());
        compare(changed, "notes", details.notes(), next.notes());
        compare(changed, "location", details.location(), next.location());
        compare(changed, "priority", details.priority(), next.priority());
        compare(changed, "leadsPurchased", details.leadsPurchased(), next.leadsPurchased());
        compare(changed, "targetDeliveryDate", details.targetDeliveryDate(), next.targetDeliveryDate());
        boolean linesChanged = !details.items().equals(next.items());
        if (linesChanged) {
            apply(new OrderItemsChanged(
                    id,
                    details.items(),
                    next.items(),
                    details.totalAmount(),
                    next.totalAmount(),
                    cmd.justification(),
                    cmd.actor()));
        }
        if (changed.isEmpty()) {
            return; // a patch that changes nothing (else) stores nothing (else)
        }
        apply(new OrderDetailsUpdated(
                id,
                List.copyOf(changed),
                changed.contains("customer") ? next.customer() : null,
                changed.contains("deliveryAddress") ? next.deliveryAddress() : null,
                changed.contains("description") ? next.description() : null,
                changed.contains("notes") ? next.notes() : null,
                changed.contains("location") ? next.location() : null,
                changed.contains("priority") ? next.priority() : null,
                changed.contains("leadsPurchased") ? next.leadsPurchased() : null,
                changed.contains("targetDeliveryDate") ? next.targetDeliveryDate() : null,
                cmd.justification(),
                cmd.actor()));
        completeCampaignIfFull(cmd.actor(), "leadsPurchased lowered to the delivered count");
    }

    @CommandHandler
    void handle(DeliverLeadCommand cmd) {
        requireCampaign(cmd.leadId());
        if (!CAMPAIGN_DELIVERING.equals(status)) {
            throw new NotEditableException("Leads are delivered to active campaigns only; this one is " + status + ".");
        }
        if (deliveredLeads.contains(cmd.leadId())) {
            throw new DuplicateLeadException("Lead '%s' is already delivered.".formatted(cmd.leadId()));
        }
        if (deliveredLeads.size() >= details.leadsPurchased()) {
            throw new CapacityExceededException(
                    "All %d purchased leads are delivered.".formatted(details.leadsPurchased()));
        }
        apply(new LeadDelivered(id, cmd.leadId(), cmd.actor()));
        completeCampaignIfFull(cmd.actor(), "all purchased leads delivered");
    }

    @CommandHandler
    void handle(WithdrawLeadCommand cmd) {
        requireCampaign(cmd.leadId());
        if (!CAMPAIGN_WITHDRAWING.contains(status)) {
            throw new NotEditableException(
                    "Leads are taken back from active or paused campaigns only; this one is " + status + ".");
        }
        if (!deliveredLeads.contains(cmd.leadId())) {
            throw new LeadNotFoundException("Lead '%s' is not delivered to this campaign.".formatted(cmd.leadId()));
        }
        apply(new LeadWithdrawn(id, cmd.leadId(), cmd.actor()));
    }

    @CommandHandler
    void handle(AddDiscussionNoteCommand cmd) {
        requireNoteText(cmd.text());
        if (workflow().isDiscussionClosed(status)) {
            throw new DiscussionClosedException(
                    "The discussion of this %s order is closed in status '%s'.".formatted(workflowName, status));
        }
        apply(new DiscussionNoteAdded(id, cmd.noteId(), cmd.text(), cmd.actor()));
    }

    private void requireCampaign(String leadId) {
        if (!isCampaign()) {
            throw InvalidOrderException.of(
                    "workflow", "leads belong to lead_campaign orders only, not " + workflowName);
        }
        requireLeadId(leadId);
    }

    /** The delivery (or the lowered purchase) that fills an active campaign completes it, in the same command. */
    private void completeCampaignIfFull(String actor, String reason) {
        if (isCampaign() && CAMPAIGN_DELIVERING.equals(status) && deliveredLeads.size() == details.leadsPurchased()) {
            apply(new OrderStatusChanged(
                    id, status, CAMPAIGN_COMPLETED, reason, null, null, null, OrderStatusChanged.SYSTEM, actor));
        }
    }

    /** Answers whether the order changed hands. */
    @CommandHandler
    boolean handle(AssignOrderCommand cmd) {
        requireValidAssignment(cmd.assignee(), cmd.reason());
        if (cmd.assignee().equals(assignee)
                || (cmd.onlyFrom() != null && !cmd.onlyFrom().equals(assignee))) {
            return false; // already theirs, or no longer the one the sender meant to move
        }
        apply(new OrderReassigned(id, assignee, cmd.assignee(), cmd.reason(), cmd.actor()));
        return true;
    }

    /** An assignment names a user id of 1 to 255 characters; its reason, if any, has at most 2,000. */
    public static void requireValidAssignment(String assignee, String reason) {
        var errors = new ArrayList<FieldViolation>();
        if (isBlank(assignee) || assignee.length() > MAX_USER_ID_LENGTH) {
            errors.add(new FieldViolation("assignee", "must be a user id of 1–" + MAX_USER_ID_LENGTH + " characters"));
        }
        if (reason != null && reason.length() > MAX_REASON_LENGTH) {
            errors.add(new FieldViolation("reason", "must not be longer than " + MAX_REASON_LENGTH + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidOrderException(errors);
        }
    }

    /**
     * Forgets the customer's personal data. Answers whether it did: not for an order whose customer is erased
     * already, nor for one that belongs to another customer by now.
     */
    @CommandHandler
    boolean handle(EraseCustomerCommand cmd) {
        requireErasureReason(cmd.reason());
        if (customerErased
                || !Objects.equals(cmd.customerId(), details.customer().id())) {
            return false;
        }
        apply(new CustomerErased(id, cmd.customerId(), cmd.reason(), cmd.actor()));
        return true;
    }

    /** An erasure says why, in at most 2,000 characters. */
    public static void requireErasureReason(String reason) {
        if (isBlank(reason)) {
            throw InvalidOrderException.of("reason", "is required to erase a customer");
        }
        if (reason.length() > MAX_REASON_LENGTH) {
            throw InvalidOrderException.of("reason", "must not be longer than " + MAX_REASON_LENGTH + " characters");
        }
    }

    @CommandHandler
    void handle(ChangeOrderStatusCommand cmd) {
        var workflow = workflow();
        requireValidMove(workflow, cmd.status(), cmd.reason());
        if (cmd.status().equals(workflow.cancelledStatus())) {
            cancel(cmd.reason(), cmd.note(), cmd.actor());
            return;
        }
        workflow.requireTransition(status, cmd.status());
        apply(new OrderStatusChanged(
                id,
                status,
                cmd.status(),
                cmd.reason(),
                cmd.note(),
                cmd.carrier(),
                cmd.trackingNumber(),
                OrderStatusChanged.USER,
                cmd.actor()));
    }

    /** A provider's report moves the order as a mapped move allows, and keeps what the provider said. */
    @CommandHandler
    void handle(RecordProviderEventCommand cmd) {
        workflow().requireTransition(status, cmd.status());
        ShippingFacts shipping = cmd.shipping();
        apply(new OrderStatusChanged(
                id,
                status,
                cmd.status(),
                null,
                null,
                shipping == null ? null : shipping.carrier(),
                shipping == null ? null : shipping.trackingNumber(),
                OrderStatusChanged.WEBHOOK,
                cmd.provider()));
        apply(new ProviderEventRecorded(
                id, cmd.provider(), cmd.eventId(), cmd.providerStatus(), cmd.payment(), shipping));
    }

    @CommandHandler
    void handle(CancelOrderCommand cmd) {
        cancel(cmd.reason(), null, cmd.actor());
    }

    private void cancel(String reason, String note, String actor) {
        requireCancelReason(reason);
        var workflow = workflow();
        workflow.requireTransition(status, workflow.cancelledStatus());
        apply(new OrderCancelled(id, status, workflow.cancelledStatus(), reason, note, actor));
    }

    // The rules of a request's own fields. The application judges them too, before it looks the order up,
    // because the contract ranks a 400 before a 404, 403 or 412; the aggregate judges them for every other sender.

    /**
     * A patch's rules: the justification the workflow asks for, and the details it leaves behind must be valid for
     * the workflow. Answers those details.
     */
    public static OrderDetails requireValidPatch(
            Workflow workflow, OrderDetails current, DetailsPatch patch, String justification) {
        workflow.requireJustification(justification);
        OrderDetails next = patch.applyTo(current);
        List<FieldViolation> errors = next.violationsFor(workflow);
        if (!errors.isEmpty()) {
            throw new InvalidOrderException(errors);
        }
        return next;
    }

    /** A status change names its target status. */
    public static void requireStatusNamed(String status) {
        if (isBlank(status)) {
            throw InvalidOrderException.of("status", "is required");
        }
    }

    /**
     * A status change's rules that need the order's workflow but not its state: the target is one of the workflow's
     * statuses, and a move to its cancelled status says why.
     */
    public static void requireValidMove(Workflow workflow, String to, String reason) {
        requireStatusNamed(to);
        workflow.requireStatus(to);
        if (to.equals(workflow.cancelledStatus())) {
            requireCancelReason(reason);
        }
    }

    /** A cancellation says why (in production, the reason is the justification). */
    public static void requireCancelReason(String reason) {
        if (isBlank(reason)) {
            throw InvalidOrderException.of("reason", "is required to cancel an order");
        }
    }

    /** A lead is named by an id of 1 to 255 characters. */
    public static void requireLeadId(String leadId) {
        if (isBlank(leadId) || leadId.length() > MAX_LEAD_ID_LENGTH) {
            throw InvalidOrderException.of("leadId", "must be 1–" + MAX_LEAD_ID_LENGTH + " characters");
        }
    }

    /** A discussion note has 1 to 4,000 characters. */
    public static void requireNoteText(String text) {
        if (isBlank(text)) {
            throw InvalidOrderException.of("text", "is required");
        }
        if (text.length() > MAX_NOTE_LENGTH) {
            throw InvalidOrderException.of("text", "must not be longer than " + MAX_NOTE_LENGTH + " characters");
        }
    }

    @EventSourcingHandler
    void on(OrderCreated e) {
        id = e.orderId();
        assignee = e.actor();
        workflowName = e.workflow();
        status = e.status();
        details = new OrderDetails(
                e.customer(),
                e.deliveryAddress(),
                e.description(),
                e.notes(),
                e.location(),
                e.priority(),
                e.currency(),
                e.items(),
                e.leadsPurchased(),
                e.targetDeliveryDate());
    }

    @EventSourcingHandler
    void on(OrderDetailsUpdated e) {
        var c = e.changed();
        var d = details;
        details = new OrderDetails(
                c.contains("customer") ? e.customer() : d.customer(),
                c.contains("deliveryAddress") ? e.deliveryAddress() : d.deliveryAddress(),
                c.contains("description") ? e.description() : d.description(),
                c.contains("notes") ? e.notes() : d.notes(),
                c.contains("location") ? e.location() : d.location(),
                c.contains("priority") ? e.priority() : d.priority(),
                d.currency(),
                d.items(),
                c.contains("leadsPurchased") ? e.leadsPurchased() : d.leadsPurchased(),
                c.contains("targetDeliveryDate") ? e.targetDeliveryDate() : d.targetDeliveryDate());
    }

    @EventSourcingHandler
    void on(OrderItemsChanged e) {
        details = details.withItems(e.after());
    }

    @EventSourcingHandler
    void on(OrderReassigned e) {
        assignee = e.to();
    }

    @EventSourcingHandler
    void on(CustomerErased e) {
        customerErased = true;
        details = details.withPersonalDataErased();
    }

    @EventSourcingHandler
    void on(OrderStatusChanged e) {
        status = e.to();
    }

    @EventSourcingHandler
    void on(OrderCancelled e) {
        status = e.to();
    }

    @EventSourcingHandler
    void on(LeadDelivered e) {
        deliveredLeads.add(e.leadId());
    }

    @EventSourcingHandler
    void on(LeadWithdrawn e) {
        deliveredLeads.remove(e.leadId());
    }

    private static void compare(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}

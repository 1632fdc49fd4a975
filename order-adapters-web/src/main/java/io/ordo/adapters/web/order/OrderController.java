package io.ordo.adapters.web.order;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.adapters.web.QueryParameters;
import io.ordo.adapters.web.security.OrdoPrincipal;
import io.ordo.application.port.in.Caller;
import io.ordo.application.port.in.OrderView;
import io.ordo.application.port.in.campaign.DeliverLeadUseCase;
import io.ordo.application.port.in.campaign.WithdrawLeadUseCase;
import io.ordo.application.port.in.discussion.AddDiscussionNoteUseCase;
import io.ordo.application.port.in.discussion.GetDiscussionUseCase;
import io.ordo.application.port.in.discussion.NoteView;
import io.ordo.application.port.in.history.ChainVerification;
import io.ordo.application.port.in.history.EventPage;
import io.ordo.application.port.in.history.GetOrderHistoryUseCase;
import io.ordo.application.port.in.history.GetOrderTimelineUseCase;
import io.ordo.application.port.in.history.TimelineEntry;
import io.ordo.application.port.in.order.CancelOrderUseCase;
import io.ordo.application.port.in.order.ChangeOrderStatusUseCase;
import io.ordo.application.port.in.order.CreateOrderUseCase;
import io.ordo.application.port.in.order.FindOrdersUseCase;
import io.ordo.application.port.in.order.GetOrderUseCase;
import io.ordo.application.port.in.order.OrderPage;
import io.ordo.application.port.in.order.OrderQuery;
import io.ordo.application.port.in.order.UpdateOrderUseCase;
import io.ordo.domain.exception.FieldViolation;
import io.ordo.domain.exception.InvalidOrderException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The orders of the API (docs/api.md): create, read, list, patch, move, cancel, timeline, leads and discussion.
 * Talks to use cases only.
 */
@RestController
@RequestMapping(path = "/api/orders", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Orders")
public class OrderController {

    private final CreateOrderUseCase create;
    private final GetOrderUseCase get;
    private final FindOrdersUseCase find;
    private final UpdateOrderUseCase update;
    private final ChangeOrderStatusUseCase changeStatus;
    private final CancelOrderUseCase cancel;
    private final GetOrderTimelineUseCase timeline;
    private final DeliverLeadUseCase deliverLead;
    private final WithdrawLeadUseCase withdrawLead;
    private final AddDiscussionNoteUseCase addNote;
    private final GetDiscussionUseCase discussion;
    private final GetOrderHistoryUseCase history;

    public OrderController(
            CreateOrderUseCase create,
            GetOrderUseCase get,
            FindOrdersUseCase find,
            UpdateOrderUseCase update,
            ChangeOrderStatusUseCase changeStatus,
            CancelOrderUseCase cancel,
            GetOrderTimelineUseCase timeline,
            DeliverLeadUseCase deliverLead,
            WithdrawLeadUseCase withdrawLead,
            AddDiscussionNoteUseCase addNote,
            GetDiscussionUseCase discussion,
            GetOrderHistoryUseCase history) {
        this.history = history;
        this.deliverLead = deliverLead;
        this.withdrawLead = withdrawLead;
        this.addNote = addNote;
        this.discussion = discussion;
        this.create = create;
        this.get = get;
        this.find = find;
        this.update = update;
        this.changeStatus = changeStatus;
        this.cancel = cancel;
        this.timeline = timeline;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "createOrder", summary = "Take a new order")
    public ResponseEntity<OrderView> create(Authentication auth, @RequestBody CreateOrderRequest body) {
        OrderView order = create.create(caller(auth), body.toNewOrder());
        return ResponseEntity.created(URI.create("/api/orders/" + order.id()))
                .eTag(etag(order))
                .body(order);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getOrder", summary = "One order as it stands now, or as it stood at an instant (asOf)")
    public ResponseEntity<OrderView> get(
            Authentication auth, @PathVariable String id, @RequestParam(required = false) String asOf) {
        if (asOf != null) {
            var errors = new ArrayList<FieldViolation>();
            Instant at = QueryParameters.instant(errors, "asOf", asOf);
            if (!errors.isEmpty()) {
                throw new InvalidOrderException(errors);
            }
            OrderView then = history.asOf(caller(auth), id, at);
            return ResponseEntity.ok().eTag(etag(then)).body(then);
        }
        OrderView order = get.get(caller(auth), id);
        return ResponseEntity.ok().eTag(etag(order)).body(order);
    }

    @GetMapping("/{id}/events")
    @Operation(operationId = "listOrderEvents", summary = "The order's stored events, oldest first")
    public EventPage events(
            Authentication auth,
            @PathVariable String id,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false, defaultValue = "100") String limit) {
        int size;
        try {
            size = Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            throw InvalidOrderException.of("limit", "must be an integer from 1 to 1000");
        }
        return history.events(caller(auth), id, cursor, size);
    }

    @GetMapping("/{id}/verify")
    @Operation(operationId = "verifyOrderHistory", summary = "Re-compute the order's hash chain")
    public ResponseEntity<Map<String, Object>> verify(Authentication auth, @PathVariable String id) {
        ChainVerification result = history.verify(caller(auth), id);
        var body = new LinkedHashMap<String, Object>();
        body.put("valid", result.valid());
        if (result.valid()) {
            body.put("events", result.events());
        } else {
            body.put("brokenAt", result.brokenAt());
        }
        return ResponseEntity.ok(body);
    }

    @GetMapping
    @Operation(operationId = "listOrders", summary = "List and search orders")
    public OrderPage list(
            Authentication auth,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String workflow,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String customerId,
            @RequestParam(required = false) String contactId,
            @RequestParam(required = false) String conversationId,
            @RequestParam(required = false) String location,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false, defaultValue = "true") String active,
            @RequestParam(required = false) String createdFrom,
            @RequestParam(required = false) String createdTo,
            @RequestParam(required = false, defaultValue = "-createdAt") String sort,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String limit) {
        var errors = new ArrayList<FieldViolation>();
        Boolean activeFilter = switch (active) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "all" -> null;
            default -> {
                errors.add(new FieldViolation("active", "must be true, false or all"));
                yield null;
            }
        };
        var sortOrder = OrderQuery.Sort.parse(sort);
        if (sortOrder.isEmpty()) {
            errors.add(new FieldViolation(
                    "sort",
                    "must be one of -createdAt, createdAt, -updatedAt, -totalAmount, " + "totalAmount, -priority"));
        }
        int pageSize = OrderQuery.DEFAULT_LIMIT;
        if (limit != null) {
            try {
                pageSize = Integer.parseInt(limit);
            } catch (NumberFormatException e) {
                pageSize = -1;
            }
            if (pageSize < 1 || pageSize > OrderQuery.MAX_LIMIT) {
                errors.add(new FieldViolation("limit", "must be an integer from 1 to " + OrderQuery.MAX_LIMIT));
            }
        }
        Instant from = QueryParameters.instant(errors, "createdFrom", createdFrom);
        Instant to = QueryParameters.instant(errors, "createdTo", createdTo);
        if (!errors.isEmpty()) {
            throw new InvalidOrderException(errors);
        }
        return find.find(
                caller(auth),
                new OrderQuery(
                        status,
                        workflow,
                        q,
                        customerId,
                        contactId,
                        conversationId,
                        location,
                        assignee,
                        activeFilter,
                        from,
                        to,
                        sortOrder.get(),
                        cursor,
                        pageSize));
    }

    @PatchMapping(
            path = "/{id}",
            consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    @Operation(operationId = "updateOrder", summary = "Change an order's details (JSON merge patch)")
    public ResponseEntity<OrderView> patch(
            Authentication auth,
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody JsonNode body) {
        var patch = MergePatchReader.read(body);
        OrderView order = update.update(caller(auth), id, patch.patch(), patch.justification(), version(ifMatch));
        return ResponseEntity.ok().eTag(etag(order)).body(order);
    }

    @PostMapping(path = "/{id}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "changeOrderStatus", summary = "Move an order to another status of its workflow")
    public ResponseEntity<OrderView> changeStatus(
            Authentication auth,
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody StatusChangeRequest body) {
        OrderView order = changeStatus.changeStatus(caller(auth), id, body.toStatusChange(), version(ifMatch));
        return ResponseEntity.ok().eTag(etag(order)).body(order);
    }

    @PostMapping(path = "/{id}/cancel", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "cancelOrder", summary = "Cancel an order")
    public ResponseEntity<OrderView> cancel(
            Authentication auth,
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody CancelOrderRequest body) {
        OrderView order = cancel.cancel(caller(auth), id, body.reason(), version(ifMatch));
        return ResponseEntity.ok().eTag(etag(order)).body(order);
    }

    @GetMapping("/{id}/timeline")
    @Operation(operationId = "getOrderTimeline", summary = "An order's status changes, oldest first")
    public List<TimelineEntry> timeline(Authentication auth, @PathVariable String id) {
        return timeline.timeline(caller(auth), id);
    }

    @PostMapping(path = "/{id}/leads", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "deliverLead", summary = "Deliver a lead to a lead campaign")
    public ResponseEntity<OrderView> deliverLead(
            Authentication auth,
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody LeadRequest body) {
        OrderView order = deliverLead.deliverLead(caller(auth), id, body.leadId(), version(ifMatch));
        return ResponseEntity.ok().eTag(etag(order)).body(order);
    }

    @DeleteMapping("/{id}/leads/{leadId}")
    @Operation(operationId = "withdrawLead", summary = "Take a delivered lead back")
    public ResponseEntity<OrderView> withdrawLead(
            Authentication auth,
            @PathVariable String id,
            @PathVariable String leadId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        OrderView order = withdrawLead.withdrawLead(caller(auth), id, leadId, version(ifMatch));
        return ResponseEntity.ok().eTag(etag(order)).body(order);
    }

    @PostMapping(path = "/{id}/notes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "addDiscussionNote", summary = "Add a note to the order's discussion")
    public ResponseEntity<NoteView> addNote(
            Authentication auth, @PathVariable String id, @RequestBody NoteRequest body) {
        return ResponseEntity.status(201).body(addNote.addNote(caller(auth), id, body.text()));
    }

    @GetMapping("/{id}/notes")
    @Operation(operationId = "listDiscussionNotes", summary = "The order's discussion, oldest first")
    public List<NoteView> notes(Authentication auth, @PathVariable String id) {
        return discussion.notes(caller(auth), id);
    }

    /** Body of {@code POST /api/orders/{id}/leads}. */
    public record LeadRequest(String leadId) {}

    /** Body of {@code POST /api/orders/{id}/notes}. */
    public record NoteRequest(String text) {}

    private static Caller caller(Authentication auth) {
        return OrdoPrincipal.callerOf(auth);
    }

    static String etag(OrderView order) {
        return "\"" + order.version() + "\"";
    }

    /**
     * The version an If-Match names; null for none or {@code *} (any existing order). A tag Ordo never gives
     * out becomes -1, a version no order has: the use case answers 412 after it has answered 404 and 403.
     */
    private static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String tag = ifMatch.trim();
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            try {
                return Long.parseLong(tag.substring(1, tag.length() - 1));
            } catch (NumberFormatException ignored) {
                // falls through: a tag we never gave out cannot match
            }
        }
        return NO_VERSION;
    }

    private static final long NO_VERSION = -1;
}

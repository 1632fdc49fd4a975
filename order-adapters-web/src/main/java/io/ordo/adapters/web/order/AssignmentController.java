package io.ordo.adapters.web.order;

import io.ordo.adapters.web.security.OrdoPrincipal;
import io.ordo.application.port.in.OrderView;
import io.ordo.application.port.in.assignment.AssignOrdersUseCase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who works on an order: give one to another user, or every open order of a user (docs/api.md "Assignment"). */
@RestController
@RequestMapping(path = "/api/orders", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Orders")
public class AssignmentController {

    private final AssignOrdersUseCase assignment;

    public AssignmentController(AssignOrdersUseCase assignment) {
        this.assignment = assignment;
    }

    @PostMapping(path = "/{id}/assign", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "assignOrder", summary = "Give an order to another user (admin, manager)")
    public ResponseEntity<OrderView> assign(
            Authentication auth, @PathVariable String id, @RequestBody AssignOrderRequest body) {
        OrderView order = assignment.assign(OrdoPrincipal.callerOf(auth), id, body.assignee(), body.reason());
        return ResponseEntity.ok().eTag(OrderController.etag(order)).body(order);
    }

    @PostMapping(path = "/reassign", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "reassignOrders",
            summary = "Give every open order of one user that you see to another (admin, manager)")
    public ReassignOrdersRequest.Reassigned reassign(Authentication auth, @RequestBody ReassignOrdersRequest body) {
        return new ReassignOrdersRequest.Reassigned(
                assignment.reassignAll(OrdoPrincipal.callerOf(auth), body.from(), body.to(), body.reason()));
    }
}

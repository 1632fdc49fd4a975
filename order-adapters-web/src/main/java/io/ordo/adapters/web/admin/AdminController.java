package io.ordo.adapters.web.admin;

import io.ordo.adapters.web.security.OrdoPrincipal;
import io.ordo.application.port.in.admin.DeadLetterView;
import io.ordo.application.port.in.admin.ManageDeadLettersUseCase;
import io.ordo.application.port.in.admin.ManageProjectionsUseCase;
import io.ordo.application.port.in.admin.ProjectionStatus;
import io.ordo.application.port.in.admin.RetryOutcome;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The platform operator's endpoints: projections, their rebuilds and their dead letters (all tenants). */
@RestController
@RequestMapping(path = "/api/admin", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration")
public class AdminController {

    private final ManageProjectionsUseCase projections;
    private final ManageDeadLettersUseCase deadLetters;

    public AdminController(ManageProjectionsUseCase projections, ManageDeadLettersUseCase deadLetters) {
        this.projections = projections;
        this.deadLetters = deadLetters;
    }

    @GetMapping("/dead-letters")
    @Operation(
            operationId = "listDeadLetters",
            summary = "Events the projections parked: id, projection, order, event type, error, attempts (no payload)")
    public List<DeadLetterView> deadLetters(Authentication auth) {
        return deadLetters.deadLetters(OrdoPrincipal.callerOf(auth));
    }

    @PostMapping("/dead-letters/{id}/retry")
    @Operation(
            operationId = "retryDeadLetter",
            summary = "Retry the parked events of this letter's order, oldest first")
    public RetryOutcome retry(Authentication auth, @PathVariable String id) {
        return deadLetters.retry(OrdoPrincipal.callerOf(auth), id);
    }

    @GetMapping("/projections")
    @Operation(
            operationId = "listProjections",
            summary = "Each projection: live or replaying, position, progress, speed, time left")
    public List<ProjectionStatus> projections(Authentication auth) {
        return projections.projections(OrdoPrincipal.callerOf(auth));
    }

    @PostMapping("/projections/{name}/replay")
    @Operation(
            operationId = "replayProjection",
            summary = "Rebuild a projection from the first event; queries keep answering meanwhile")
    public ResponseEntity<Void> replay(Authentication auth, @PathVariable String name) {
        projections.replay(OrdoPrincipal.callerOf(auth), name);
        return ResponseEntity.accepted().build();
    }
}

package io.ordo.adapters.web.report;

import io.ordo.adapters.web.security.OrdoPrincipal;
import io.ordo.application.port.in.report.StuckLimitsUseCase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's stuck limits: hours per workflow and status, Ordo's defaults with the tenant's overrides. */
@RestController
@RequestMapping(path = "/api/settings/stuck-limits", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Reports")
public class StuckLimitsController {

    private final StuckLimitsUseCase limits;

    public StuckLimitsController(StuckLimitsUseCase limits) {
        this.limits = limits;
    }

    @GetMapping
    @Operation(operationId = "getStuckLimits", summary = "The stuck limits as they apply to your tenant, in hours")
    public Map<String, Map<String, Double>> limits(Authentication auth) {
        return limits.limits(OrdoPrincipal.callerOf(auth));
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "putStuckLimits",
            summary = "Replace the tenant's overrides: {workflow: {status: hours}}; 0 = never stuck")
    public Map<String, Map<String, Double>> override(
            Authentication auth, @RequestBody Map<String, Map<String, Double>> overrides) {
        return limits.override(OrdoPrincipal.callerOf(auth), overrides);
    }
}

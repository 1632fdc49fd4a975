package io.ordo.domain.workflow;

import io.ordo.domain.exception.FieldViolation;
import io.ordo.domain.exception.InvalidOrderException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How long an order may stay in a status before it counts as stuck, in hours, per workflow and status (docs/api.md,
 * "Stuck orders"): Ordo's defaults as data beside the workflows, and a tenant's overrides on top. Zero means never
 * stuck; a status without a limit is never stuck.
 */
public final class StuckLimits {

    /** The defaults, in hours. */
    public static final Map<String, Map<String, Double>> DEFAULTS = Map.of(
            "checkout", Map.of("pending", 24.0, "paid", 24.0, "processing", 48.0),
            "marketplace",
                    Map.of(
                            "payment_pending", 24.0,
                            "order_confirmed", 24.0,
                            "processing", 48.0,
                            "ready_to_ship", 48.0,
                            "in_transit", 120.0,
                            "disputed", 72.0),
            "production", Map.of("awaiting_procurement", 24.0, "ready_for_production", 48.0),
            "standard", Map.of("pending", 72.0, "confirmed", 48.0),
            "lead_campaign", Map.of("paused", 168.0));

    private StuckLimits() {}

    /** The defaults with {@code overrides} on top: every workflow's limits, zero ones included. */
    public static Map<String, Map<String, Double>> effective(Map<String, Map<String, Double>> overrides) {
        var limits = new LinkedHashMap<String, Map<String, Double>>();
        for (Workflow workflow : Workflows.all()) {
            var statuses = new LinkedHashMap<String, Double>(DEFAULTS.getOrDefault(workflow.name(), Map.of()));
            statuses.putAll(overrides.getOrDefault(workflow.name(), Map.of()));
            limits.put(workflow.name(), statuses);
        }
        return limits;
    }

    /** 400 unless every key is a workflow and one of its statuses, and every value hours from 0 to 100,000. */
    public static void requireValid(Map<String, Map<String, Double>> overrides) {
        List<FieldViolation> errors = new ArrayList<>();
        overrides.forEach((workflowName, statuses) -> {
            var workflow = Workflows.find(workflowName);
            if (workflow.isEmpty()) {
                errors.add(new FieldViolation(workflowName, "is not a workflow"));
                return;
            }
            if (statuses == null) {
                errors.add(new FieldViolation(workflowName, "must be an object of status: hours"));
                return;
            }
            statuses.forEach((status, hours) -> {
                String field = workflowName + "." + status;
                if (!workflow.get().hasStatus(status)) {
                    errors.add(new FieldViolation(field, "is not a status of " + workflowName));
                } else if (hours == null || hours.isNaN() || hours < 0 || hours > 100_000) {
                    errors.add(new FieldViolation(field, "must be hours from 0 (never stuck) to 100000"));
                }
            });
        });
        if (!errors.isEmpty()) {
            throw new InvalidOrderException(errors);
        }
    }
}

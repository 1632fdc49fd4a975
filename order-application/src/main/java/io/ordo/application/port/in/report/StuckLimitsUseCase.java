package io.ordo.application.port.in.report;

import io.ordo.application.port.in.Caller;
import java.util.Map;

/** The tenant's stuck limits: Ordo's defaults with the tenant's overrides, in hours per workflow and status. */
public interface StuckLimitsUseCase {

    /** Every workflow's limits as they apply to the caller's tenant (who may read reports). */
    Map<String, Map<String, Double>> limits(Caller caller);

    /** Replaces the tenant's overrides (admin); answers the limits as they now apply. */
    Map<String, Map<String, Double>> override(Caller caller, Map<String, Map<String, Double>> overrides);
}

package io.ordo.application.port.out;

import java.util.Map;

/** A tenant's overrides of the stuck limits, in hours per workflow and status. */
public interface StuckLimitPort {

    Map<String, Map<String, Double>> overrides(String tenant);

    /** The tenant's overrides are these from now on, and only these. */
    void replace(String tenant, Map<String, Map<String, Double>> overrides);
}

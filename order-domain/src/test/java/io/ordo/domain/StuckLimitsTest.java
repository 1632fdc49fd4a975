package io.ordo.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ordo.domain.exception.InvalidOrderException;
import io.ordo.domain.workflow.StuckLimits;
import io.ordo.domain.workflow.Workflows;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StuckLimitsTest {

    @Test
    void every_default_names_a_status_of_its_workflow() {
        StuckLimits.DEFAULTS.forEach((workflow, statuses) -> statuses.keySet()
                .forEach(status -> assertThat(Workflows.named(workflow).hasStatus(status))
                        .as(workflow + "." + status)
                        .isTrue()));
    }

    @Test
    void a_tenant_override_replaces_one_limit_and_keeps_the_others() {
        var limits = StuckLimits.effective(Map.of("checkout", Map.of("processing", 0.5)));
        assertThat(limits.get("checkout")).containsEntry("processing", 0.5).containsEntry("paid", 24.0);
        assertThat(limits.get("marketplace")).containsEntry("processing", 48.0);
    }

    @Test
    void unknown_workflows_statuses_and_negative_hours_are_refused() {
        assertThatThrownBy(() -> StuckLimits.requireValid(Map.of("nope", Map.of("x", 1.0))))
                .isInstanceOf(InvalidOrderException.class);
        assertThatThrownBy(() -> StuckLimits.requireValid(Map.of("checkout", Map.of("teleported", 1.0))))
                .isInstanceOf(InvalidOrderException.class);
        assertThatThrownBy(() -> StuckLimits.requireValid(Map.of("checkout", Map.of("paid", -1.0))))
                .isInstanceOf(InvalidOrderException.class);
        StuckLimits.requireValid(Map.of("checkout", Map.of("paid", 0.0)));
    }
}

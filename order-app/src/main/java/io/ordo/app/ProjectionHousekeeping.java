package io.ordo.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.ordo.projections.Projection;
import io.ordo.projections.deadletter.ProjectionDeadLetters;
import io.ordo.projections.rebuild.ProjectionReplays;
import java.time.Clock;
import java.time.Duration;

/**
 * Runs the replay housekeeping on this node every half second once the service is up (start or stop the
 * rebuild processor to match the pointers, flip a caught-up rebuild), and exposes each projection's lag
 * behind the head of the event stream as the gauge {@code ordo.projection.lag}.
 */
class ProjectionHousekeeping extends NodeTask {

    private final ProjectionReplays replays;

    ProjectionHousekeeping(
            ProjectionReplays replays, ProjectionDeadLetters deadLetters, MeterRegistry registry, Clock clock) {
        super("projection-housekeeping", Duration.ZERO, Duration.ofMillis(500));
        this.replays = replays;
        for (Projection projection : Projection.values()) {
            String name = projection.projectionName();
            Gauge.builder("ordo.projection.behind", replays, r -> r.lag().getOrDefault(name, 0L))
                    .description("Events the projection's live handler is behind the head of the event stream")
                    .tag("projection", name)
                    .baseUnit("events")
                    .register(registry);
            Gauge.builder("ordo.projection.lag", replays, r -> r.lagSeconds(projection, clock.instant()))
                    .description("Age of the oldest event the projection's live handler has not handled yet")
                    .tag("projection", name)
                    .baseUnit("seconds")
                    .register(registry);
            Gauge.builder(
                            "ordo.dead.letters",
                            deadLetters,
                            d -> d.list().stream()
                                    .filter(letter -> letter.projection().equals(name))
                                    .count())
                    .description("Events parked for the projection, waiting for a retry")
                    .tag("projection", name)
                    .register(registry);
        }
    }

    @Override
    protected void run() {
        replays.tick();
    }
}

package io.ordo.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.ordo.projections.ProjectionReplays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;

/**
 * Runs the replay housekeeping on this node every half second once the service is up (start or stop the
 * replay processors to match the pointers, flip a caught-up rebuild), and exposes each projection's lag
 * behind the head of the event stream as the gauge {@code ordo.projection.lag}.
 */
class ProjectionHousekeeping {

    private final ProjectionReplays replays;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        var thread = new Thread(runnable, "projection-housekeeping");
        thread.setDaemon(true);
        return thread;
    });

    ProjectionHousekeeping(ProjectionReplays replays, MeterRegistry registry) {
        this.replays = replays;
        for (String name : ProjectionReplays.TABLES.keySet()) {
            Gauge.builder("ordo.projection.lag", replays, r -> r.lag().getOrDefault(name, 0L))
                    .description("Events the projection's live handler is behind the head of the event stream")
                    .tag("projection", name)
                    .baseUnit("events")
                    .register(registry);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        scheduler.scheduleWithFixedDelay(replays::tick, 0, 500, TimeUnit.MILLISECONDS);
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        scheduler.shutdownNow();
    }
}

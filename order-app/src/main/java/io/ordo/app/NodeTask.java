package io.ordo.app;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;

/**
 * Housekeeping every node runs on a daemon thread of its own: {@link #run()} at a fixed delay, from the moment the
 * service is ready until its context closes.
 */
public abstract class NodeTask {

    private final Duration initialDelay;
    private final Duration delay;
    private final ScheduledExecutorService scheduler;

    protected NodeTask(String threadName, Duration initialDelay, Duration delay) {
        this.initialDelay = initialDelay;
        this.delay = delay;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** One round of the housekeeping; it must not throw (a throw would end the schedule). */
    protected abstract void run();

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        scheduler.scheduleWithFixedDelay(this::run, initialDelay.toMillis(), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        scheduler.shutdownNow();
    }
}

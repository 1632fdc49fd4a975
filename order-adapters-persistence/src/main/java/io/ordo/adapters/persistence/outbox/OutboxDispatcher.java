package io.ordo.adapters.persistence.outbox;

import io.ordo.adapters.persistence.secret.SecretBox;
import io.ordo.application.service.subscription.PrivateTargets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

/**
 * Sends the outbox: a loop that claims due rows ({@link OutboxStore#claim}) and hands each destination's rows to a
 * sender of its own, so a slow or dead receiver holds up only itself: never a command (those only write rows), nor
 * another subscription. A destination that fails gives the rest of its round back untried; its rows wait for their
 * back-off. Runs on every node; the claims keep two nodes from sending one row. Stops with the application, and
 * what was claimed but not sent is given back.
 */
public final class OutboxDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    /** Settings; see {@code ordo.outbox} and {@code ordo.subscriptions} in application.yml. */
    public record Settings(
            Duration pollInterval,
            int batchSize,
            int senders,
            Duration claimFor,
            Duration connectTimeout,
            Duration timeout,
            Duration maxBackoff,
            Duration giveUpAfter,
            Duration kafkaMaxBackoff) {}

    private final OutboxStore store;
    private final SecretBox secrets;
    private final HttpNotifier http;
    private final KafkaPublisher kafka;
    private final Settings settings;
    private final Outcomes outcomes;
    private final Set<String> busy = ConcurrentHashMap.newKeySet();
    private final Object wake = new Object();
    private volatile boolean running;
    private Thread loop;
    private ExecutorService senders;

    public OutboxDispatcher(
            JdbcClient jdbc,
            String node,
            SecretBox secrets,
            PrivateTargets targets,
            KafkaProducers kafkaProducers,
            Settings settings,
            Clock clock,
            Outcomes outcomes) {
        this.outcomes = outcomes;
        this.store = new OutboxStore(jdbc, node);
        this.secrets = secrets;
        this.http = new HttpNotifier(settings.connectTimeout(), settings.timeout(), targets, clock);
        this.kafka = kafkaProducers == null
                ? null
                : new KafkaPublisher(kafkaProducers.factory(), kafkaProducers.topic(), settings.timeout());
        this.settings = settings;
    }

    /**
     * Told of every attempt: {@code kafka} or not, and the outcome, {@code delivered}, {@code retry} (to be tried
     * again after its back-off) or {@code failed} (given up).
     */
    @FunctionalInterface
    public interface Outcomes {
        void attempted(boolean kafka, String outcome);
    }

    /** Kafka's producer factory and topic, when Kafka is on. */
    public record KafkaProducers(DefaultKafkaProducerFactory<String, String> factory, String topic) {}

    /** Rows waiting to be sent, all destinations (a gauge: NaN while the database cannot be asked). */
    public double pending() {
        try {
            return store.pending();
        } catch (RuntimeException unavailable) {
            return Double.NaN;
        }
    }

    /** Seconds since the oldest waiting row's event: how far behind the outbox is. */
    public double oldestPendingSeconds() {
        try {
            return store.oldestPendingSeconds();
        } catch (RuntimeException unavailable) {
            return Double.NaN;
        }
    }

    @Override
    public void start() {
        int released = store.releaseOwnClaims();
        if (released > 0) {
            log.info("Gave back {} outbox rows this node had claimed before it stopped", released);
        }
        senders = Executors.newFixedThreadPool(settings.senders(), runnable -> {
            var thread = new Thread(runnable, "ordo-outbox-sender");
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        loop = new Thread(this::run, "ordo-outbox");
        loop.setDaemon(true);
        loop.start();
    }

    /** Looks at the outbox now rather than after the poll interval (a hint; the loop polls anyway). */
    public void wakeUp() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    private void run() {
        while (running) {
            int claimed = 0;
            try {
                claimed = round();
            } catch (RuntimeException e) {
                log.warn("The outbox could not be read; trying again shortly: {}", e.toString());
            }
            if (claimed == 0) {
                synchronized (wake) {
                    try {
                        wake.wait(settings.pollInterval().toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    private int round() {
        List<OutboxRow> rows = store.claim(settings.batchSize(), settings.claimFor(), Set.copyOf(busy));
        Map<String, List<OutboxRow>> byDestination = new LinkedHashMap<>();
        rows.forEach(row -> byDestination
                .computeIfAbsent(row.destination(), d -> new ArrayList<>())
                .add(row));
        byDestination.forEach((destination, mine) -> {
            busy.add(destination);
            try {
                senders.execute(() -> {
                    try {
                        send(mine);
                    } catch (RuntimeException e) {
                        log.warn("Sending outbox rows to {} failed: {}", destination, e.toString());
                        safelyRelease(mine);
                    } finally {
                        busy.remove(destination);
                        wakeUp();
                    }
                });
            } catch (RuntimeException rejected) {
                busy.remove(destination);
                safelyRelease(mine);
            }
        });
        return rows.size();
    }

    private void safelyRelease(List<OutboxRow> rows) {
        try {
            store.release(rows);
        } catch (RuntimeException ignored) {
            // the claims run out by themselves
        }
    }

    private void send(List<OutboxRow> rows) {
        if (rows.get(0).toKafka()) {
            kafka.publish(rows).forEach((row, attempt) -> record(row, attempt, settings.kafkaMaxBackoff(), null));
            return;
        }
        var target = store.target(rows.get(0).subscriptionId());
        if (target.isEmpty()) {
            return; // removed meanwhile: its rows went with it
        }
        String secret = secrets.open(target.get().sealedSecret());
        for (int i = 0; i < rows.size(); i++) {
            if (!running) {
                store.release(rows.subList(i, rows.size()));
                return;
            }
            OutboxRow row = rows.get(i);
            Attempt attempt = http.send(target.get().url(), secret, row);
            record(row, attempt, settings.maxBackoff(), settings.giveUpAfter());
            if (!attempt.delivered()) {
                store.release(rows.subList(i + 1, rows.size()));
                return;
            }
        }
    }

    private void record(OutboxRow row, Attempt attempt, Duration maxBackoff, Duration giveUpAfter) {
        String outcome;
        if (attempt.delivered()) {
            store.delivered(row, attempt);
            outcome = "delivered";
        } else {
            outcome = store.failed(row, attempt, maxBackoff, giveUpAfter) ? "failed" : "retry";
        }
        outcomes.attempted(row.toKafka(), outcome);
    }

    @Override
    public void stop() {
        running = false;
        wakeUp();
        if (loop != null) {
            try {
                loop.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (senders != null) {
            senders.shutdown();
            try {
                if (!senders.awaitTermination(settings.timeout().toSeconds() + 1, TimeUnit.SECONDS)) {
                    senders.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts after the database and the event processors, stops before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}

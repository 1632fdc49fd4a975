package io.ordo.app;

import io.ordo.adapters.persistence.personal.OrderDataKeys;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets, every {@code ordo.secrets.erased-poll}, the order keys this node keeps in memory that an erasure on any
 * node destroyed (ADR 0016), and notes their orders as erased (ADR 0024): the bound on how long another node can still
 * show an erased order's personal data.
 */
class ErasedKeyWatch extends NodeTask {

    private static final Logger log = LoggerFactory.getLogger(ErasedKeyWatch.class);

    private final OrderDataKeys keys;

    ErasedKeyWatch(OrderDataKeys keys, Duration interval) {
        super("erased-key-watch", interval, interval);
        this.keys = keys;
    }

    @Override
    protected void run() {
        try {
            keys.forgetErased();
        } catch (RuntimeException e) {
            log.warn("Could not ask which order keys were erased, asking again shortly: {}", e.getMessage());
        }
    }
}

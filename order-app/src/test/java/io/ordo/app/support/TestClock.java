package io.ordo.app.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * A clock the test moves: the service's {@link Clock} (and so the events' stamps) runs from the real time plus
 * an offset the test sets. Start a service with this configuration ({@link OwnService#startWith}), and call
 * {@link #restore()} when done: Axon keeps its event clock in a static field, shared by every context of the JVM.
 */
@Configuration(proxyBeanMethods = false)
public class TestClock {

    private static final AtomicReference<Duration> OFFSET = new AtomicReference<>(Duration.ZERO);

    /** The service's clock: the real one, moved on by {@link #advance}. */
    @Bean
    @Primary
    Clock controlledClock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.now().plus(OFFSET.get());
            }
        };
    }

    public static void advance(Duration by) {
        OFFSET.updateAndGet(offset -> offset.plus(by));
    }

    /** Back to the real time, for the events of every other test in this JVM too. */
    public static void restore() {
        OFFSET.set(Duration.ZERO);
        GenericEventMessage.clock = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}

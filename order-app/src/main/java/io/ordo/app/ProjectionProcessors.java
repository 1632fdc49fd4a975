package io.ordo.app;

import io.ordo.projections.Projection;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.EventProcessorProperties.Mode;
import org.axonframework.springboot.EventProcessorProperties.ProcessorSettings;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Gives the processors of {@link Projection} their settings, from that one declaration: the processor of the
 * projections written in the command's transaction ({@link Projection#IN_COMMAND_PROCESSOR}) subscribes, and that of
 * the streaming ones ({@link Projection#STREAMING_PROCESSOR}) takes the settings under
 * {@code ordo.projections.streaming}. It fills in Axon's own processor settings before Axon reads them, so a
 * processor named under {@code axon.eventhandling.processors} keeps what is written there.
 */
final class ProjectionProcessors implements BeanPostProcessor {

    static final String STREAMING_SETTINGS = "ordo.projections.streaming";

    private final Environment environment;

    ProjectionProcessors(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof EventProcessorProperties properties) {
            for (Projection projection : Projection.values()) {
                properties.getProcessors().computeIfAbsent(projection.processorName(), name -> settingsOf(projection));
            }
        }
        return bean;
    }

    private ProcessorSettings settingsOf(Projection projection) {
        if (projection.streams()) {
            return Binder.get(environment)
                    .bind(STREAMING_SETTINGS, ProcessorSettings.class)
                    .orElseThrow(() -> new IllegalStateException(STREAMING_SETTINGS + " is not configured"));
        }
        var subscribing = new ProcessorSettings();
        subscribing.setMode(Mode.SUBSCRIBING);
        return subscribing;
    }
}

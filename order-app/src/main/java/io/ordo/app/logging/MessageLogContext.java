package io.ordo.app.logging;

import io.ordo.adapters.web.logging.LogContext;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Ties the log to the events. A command sent while a request is served carries the request's correlation id
 * ({@code correlationId} metadata, which RequestCorrelation copies onto every event it causes); the
 * handling of a command, and of an event in any processor, runs with the correlation id, tenant, user ({@code
 * actor}) and order of the message in the logging context, and puts back what was there before. Each event
 * handled is logged at DEBUG with the processor that handled it.
 */
public final class MessageLogContext {

    private static final Logger log = LoggerFactory.getLogger(MessageLogContext.class);
    /**
     * The field of each command type that names its order ({@code @TargetAggregateIdentifier}), found once per type:
     * Axon's own resolver walks every field and method of the command each time, on every command.
     */
    private static final ClassValue<Optional<Field>> TARGETS = new ClassValue<>() {
        @Override
        protected Optional<Field> computeValue(Class<?> type) {
            for (Field field : type.getDeclaredFields()) {
                if (field.isAnnotationPresent(TargetAggregateIdentifier.class)) {
                    field.setAccessible(true);
                    return Optional.of(field);
                }
            }
            return Optional.empty();
        }
    };

    public MessageLogContext(CommandBus commands) {
        commands.registerDispatchInterceptor(messages -> (index, command) -> {
            String correlationId = MDC.get(LogContext.CORRELATION_ID);
            return correlationId == null || command.getMetaData().containsKey(LogContext.CORRELATION_ID)
                    ? command
                    : command.andMetaData(Map.of(LogContext.CORRELATION_ID, correlationId));
        });
        commands.registerHandlerInterceptor(MessageLogContext::handleCommand);
    }

    private static Object handleCommand(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        var previous = enter(command, orderOf(command.getPayload()));
        try {
            return chain.proceed();
        } finally {
            LogContext.restore(previous);
        }
    }

    private static String orderOf(Object payload) {
        var field = TARGETS.get(payload.getClass());
        if (field.isEmpty()) {
            return null;
        }
        try {
            return text(field.get().get(payload));
        } catch (IllegalAccessException notReadable) {
            return null;
        }
    }

    /** The interceptor every event processor gets: the event's context while it is handled in {@code processor}. */
    public static MessageHandlerInterceptor<EventMessage<?>> forProcessor(String processor) {
        return (unitOfWork, chain) -> {
            EventMessage<?> event = unitOfWork.getMessage();
            String orderId = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
            var previous = enter(event, orderId);
            long started = System.nanoTime();
            try {
                return chain.proceed();
            } finally {
                if (log.isDebugEnabled()) {
                    log.debug(
                            "{} handled {} in {} µs",
                            processor,
                            describe(event),
                            TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - started));
                }
                LogContext.restore(previous);
            }
        };
    }

    private static Map<String, String> enter(Message<?> message, String orderId) {
        var metaData = message.getMetaData();
        return LogContext.enter(
                text(metaData.get(LogContext.CORRELATION_ID)),
                text(metaData.get("tenant")),
                text(metaData.get("actor")),
                orderId);
    }

    private static String describe(EventMessage<?> event) {
        String type = event.getPayloadType().getSimpleName();
        return event instanceof DomainEventMessage<?> domain ? type + " #" + domain.getSequenceNumber() : type;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}

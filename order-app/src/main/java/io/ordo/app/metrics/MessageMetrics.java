package io.ordo.app.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.ordo.domain.exception.OrdoException;
import java.util.List;
import java.util.Locale;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * {@code ordo.commands{type, outcome}} ({@code ordo_commands_total}): every command handled, counted once its unit
 * of work committed ({@code accepted}) or rolled back (the refusal's contract code in lower case, e.g.
 * {@code invalid_transition}; {@code conflict} for a lost race; {@code error} otherwise). {@code
 * ordo.events.appended{type}} ({@code ordo_events_appended_total}): every event, counted once it is committed. The
 * labels are type names and codes only: their number is bounded, whatever the traffic.
 */
public final class MessageMetrics {

    private final MeterRegistry registry;

    public MessageMetrics(CommandBus commands, EventBus events, MeterRegistry registry) {
        this.registry = registry;
        commands.registerHandlerInterceptor((unitOfWork, chain) -> {
            String type = unitOfWork.getMessage().getPayloadType().getSimpleName();
            unitOfWork.afterCommit(u -> command(type, "accepted"));
            unitOfWork.onRollback(u -> command(
                    type,
                    outcome(
                            u.getExecutionResult() == null
                                    ? null
                                    : u.getExecutionResult().getExceptionResult())));
            return chain.proceed();
        });
        events.registerDispatchInterceptor(messages -> {
            List<String> types = messages.stream()
                    .map(message -> message.getPayloadType().getSimpleName())
                    .toList();
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().afterCommit(u -> types.forEach(this::appended));
            } else {
                types.forEach(this::appended);
            }
            return (index, message) -> message;
        });
    }

    static String outcome(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof OrdoException refused) {
                return refused.code().toLowerCase(Locale.ROOT);
            }
            if (cause instanceof ConcurrencyException) {
                return "conflict";
            }
        }
        return "error";
    }

    private void command(String type, String outcome) {
        registry.counter("ordo.commands", "type", type, "outcome", outcome).increment();
    }

    private void appended(String type) {
        registry.counter("ordo.events.appended", "type", type).increment();
    }
}

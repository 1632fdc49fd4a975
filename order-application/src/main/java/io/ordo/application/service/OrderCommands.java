package io.ordo.application.service;

import io.ordo.application.port.in.Caller;
import io.ordo.application.port.in.ConcurrentModificationException;
import io.ordo.application.port.in.ForbiddenException;
import io.ordo.application.port.in.OrderNotFoundException;
import io.ordo.application.port.in.OrderView;
import io.ordo.application.port.in.PreconditionFailedException;
import io.ordo.application.port.in.idempotency.IdempotencyContext;
import io.ordo.application.port.out.OrderReadModelPort;
import io.ordo.domain.OrderId;
import io.ordo.domain.exception.OrdoException;
import java.util.HashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;

/**
 * The path every write to an existing order takes: find it within the caller's scope (404), check the
 * caller may write (403) and the client's version (412), send the command, translate Axon's refusals into
 * ours, and answer with the order as it now stands.
 */
public final class OrderCommands {

    /** Racing writers without If-Match are applied one after the other; after this many losses the caller hears 409. */
    private static final int ATTEMPTS = 3;

    private final CommandGateway commands;
    private final OrderReadModelPort readModel;
    private final AccessPolicy policy;

    public OrderCommands(CommandGateway commands, OrderReadModelPort readModel, AccessPolicy policy) {
        this.commands = commands;
        this.readModel = readModel;
        this.policy = policy;
    }

    /** The order if this caller may see it, else {@link OrderNotFoundException} (never a 403: no existence leak). */
    public OrderView visible(Caller caller, String orderId) {
        var id = OrderId.parse(orderId).orElseThrow(() -> new OrderNotFoundException(orderId));
        var scope = policy.scopeOf(caller).orElseThrow(() -> new OrderNotFoundException(orderId));
        return readModel.find(scope, id).orElseThrow(() -> new OrderNotFoundException(orderId));
    }

    public OrderView write(Caller caller, String orderId, Long ifMatch, Function<Long, Object> command) {
        return write(caller, orderId, ifMatch, order -> {}, command);
    }

    /**
     * As {@link #write(Caller, String, Long, Function)}, with {@code bodyCheck}: the request's own rules that
     * need the order's workflow, judged before rights and versions (400 comes before 403 and 412).
     */
    public OrderView write(
            Caller caller,
            String orderId,
            Long ifMatch,
            Consumer<OrderView> bodyCheck,
            Function<Long, Object> command) {
        return write(caller, orderId, ifMatch, bodyCheck, order -> {}, command);
    }

    /** As above, with {@code rightsCheck}: a further 403 rule on this caller and this request. */
    public OrderView write(
            Caller caller,
            String orderId,
            Long ifMatch,
            Consumer<OrderView> bodyCheck,
            Consumer<OrderView> rightsCheck,
            Function<Long, Object> command) {
        writeAs(
                caller,
                orderId,
                AccessPolicy.Action.WRITE,
                ifMatch,
                bodyCheck.andThen(order -> {
                    if (policy.may(caller, AccessPolicy.Action.WRITE)) {
                        rightsCheck.accept(order);
                    }
                }),
                command);
        return policy.present(caller, visible(caller, orderId));
    }

    public void writeAs(
            Caller caller, String orderId, AccessPolicy.Action action, Long ifMatch, Function<Long, Object> command) {
        writeAs(caller, orderId, action, ifMatch, order -> {}, command);
    }

    /** The write path without the answer: for writes that answer with something other than the order. */
    private void writeAs(
            Caller caller,
            String orderId,
            AccessPolicy.Action action,
            Long ifMatch,
            Consumer<OrderView> bodyCheck,
            Function<Long, Object> command) {
        OrderView current = visible(caller, orderId);
        bodyCheck.accept(current);
        if (!policy.may(caller, action)) {
            throw new ForbiddenException("Role(s) %s may not do this (%s).".formatted(caller.roles(), action));
        }
        if (ifMatch != null && ifMatch != current.version()) {
            throw new PreconditionFailedException(ifMatch, current.version());
        }
        for (int attempt = 1; ; attempt++) {
            try {
                send(command.apply(ifMatch), caller);
                break;
            } catch (ConflictingAggregateVersionException stale) {
                throw new PreconditionFailedException(ifMatch == null ? -1 : ifMatch, current.version() + 1);
            } catch (ConcurrencyException lostRace) {
                if (ifMatch != null || attempt == ATTEMPTS) {
                    throw new ConcurrentModificationException(orderId);
                }
            }
        }
    }

    /**
     * Sends and waits; a refusal comes back as our own exception wherever Axon wrapped it. The caller's
     * tenant and user id travel as metadata, which Axon copies onto every event the command causes.
     */
    public void send(Object command, Caller caller) {
        var metaData = new HashMap<String, Object>();
        metaData.put("actor", caller.userId());
        if (caller.tenantId() != null) {
            metaData.put("tenant", caller.tenantId());
        }
        if (IdempotencyContext.current() != null) {
            metaData.put("idempotencyKey", IdempotencyContext.current());
        }
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    private static RuntimeException translate(RuntimeException thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof OrdoException ordo) {
                return ordo;
            }
            if (cause instanceof ConcurrencyException concurrency) {
                return concurrency;
            }
            if (cause instanceof ConflictingAggregateVersionException conflict) {
                return conflict;
            }
            if (cause instanceof AggregateNotFoundException notFound) {
                return new OrderNotFoundException(String.valueOf(notFound.getAggregateIdentifier()));
            }
        }
        return thrown;
    }
}

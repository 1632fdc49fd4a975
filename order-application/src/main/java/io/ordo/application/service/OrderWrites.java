package io.ordo.application.service;

import io.ordo.application.port.in.Caller;
import io.ordo.application.port.in.ConcurrentModificationException;
import io.ordo.application.port.in.OrderNotFoundException;
import io.ordo.application.port.in.OrderView;
import io.ordo.application.port.in.PreconditionFailedException;
import io.ordo.application.port.in.idempotency.IdempotencyContext;
import io.ordo.application.port.out.OrderReadModelPort;
import io.ordo.domain.OrderId;
import io.ordo.domain.exception.OrdoException;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;

/**
 * Runs writes: the one path every command takes. A write to an existing order is judged in the contract's order
 * of refusals (404, then the request's rules that need the order, 403, 412) before its command is sent; Axon's
 * refusals come back as ours; racing writers without {@code If-Match} are applied one after the other, and one
 * with {@code If-Match} that loses the race hears 412 (its version is stale), never 409.
 */
public final class OrderWrites {

    /** Racing writers without If-Match are retried; after this many lost races the caller hears 409. */
    private static final int ATTEMPTS = 3;

    private final CommandGateway commands;
    private final VisibleOrders orders;
    private final AccessPolicy policy;

    public OrderWrites(CommandGateway commands, VisibleOrders orders, AccessPolicy policy) {
        this.commands = commands;
        this.orders = orders;
        this.policy = policy;
    }

    /** Runs {@code write} and answers with the order as the write left it, as its caller is shown it. */
    public OrderView apply(OrderWrite write) {
        return orders.showAfter(run(write), write.caller(), write.orderId());
    }

    /**
     * Runs {@code write}, for writes that answer with something other than the order; returns what the command
     * answered.
     */
    public Object run(OrderWrite write) {
        Caller caller = write.caller();
        OrderView current = orders.find(caller, write.orderId());
        write.bodyRule().accept(current);
        policy.require(caller, write.action());
        write.rightsRule().accept(current);
        Long ifMatch = write.ifMatch();
        if (ifMatch != null && ifMatch != current.version()) {
            throw new PreconditionFailedException(ifMatch, current.version());
        }
        Object command = write.command().apply(OrderId.parse(current.id()).orElseThrow());
        try {
            return sendThroughRaces(
                    command,
                    caller,
                    write.orderId(),
                    ifMatch == null,
                    Map.of(OrderReadModelPort.KNOWN_VERSION, current.version()));
        } catch (ConflictingAggregateVersionException stale) {
            throw new PreconditionFailedException(ifMatch == null ? -1 : ifMatch, current.version() + 1);
        } catch (ConcurrencyException lostRace) {
            // another writer got in between: the version the client named is no longer the order's
            throw new PreconditionFailedException(ifMatch, current.version() + 1);
        }
    }

    /**
     * Sends a command to the order {@code orderId} without a version the caller named, as {@link #run} does without
     * If-Match: a writer that got in between is waited out by sending again. Answers what the command's handler
     * answered.
     */
    public Object sendRacing(Object command, Caller caller, String orderId) {
        return sendThroughRaces(command, caller, orderId, true, Map.of());
    }

    /** Sends; when {@code retry}, sends again after a lost race, {@link #ATTEMPTS} times in all (then 409). */
    private Object sendThroughRaces(
            Object command, Caller caller, String orderId, boolean retry, Map<String, ?> metaData) {
        for (int attempt = 1; ; attempt++) {
            try {
                return send(command, caller, metaData);
            } catch (ConcurrencyException lostRace) {
                if (!retry) {
                    throw lostRace;
                }
                if (attempt == ATTEMPTS) {
                    throw new ConcurrentModificationException(orderId);
                }
            }
        }
    }

    /**
     * Sends a command and waits; a refusal comes back as our own exception wherever Axon wrapped it. The caller's
     * tenant and user id, and the request's Idempotency-Key, travel as metadata, which Axon copies onto every event
     * the command causes.
     */
    public Object send(Object command, Caller caller) {
        return send(command, caller, Map.of());
    }

    /**
     * {@link #send(Object, Caller)} with more metadata for the events, e.g. a webhook's event id. Answers what the
     * command's handler answered (null for most).
     */
    public Object send(Object command, Caller caller, Map<String, ?> extraMetaData) {
        var metaData = new HashMap<String, Object>(extraMetaData);
        metaData.put("actor", caller.userId());
        if (caller.tenantId() != null) {
            metaData.put("tenant", caller.tenantId());
        }
        if (IdempotencyContext.current() != null) {
            metaData.put("idempotencyKey", IdempotencyContext.current());
        }
        try {
            return commands.sendAndWait(
                    GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
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

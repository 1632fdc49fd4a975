package io.ordo.projections.deadletter;

import io.ordo.application.port.in.admin.DeadLetterView;
import io.ordo.application.port.in.admin.RetryOutcome;
import io.ordo.application.port.out.DeadLetterPort;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dead letters of the streaming projections. Each event runs under a savepoint of its own; one that fails
 * is rolled back to it and parked with its error, and the order's later events are parked behind it (their
 * order matters) while other orders carry on. A retry replays an order's parked events, oldest first, through
 * the same handler instance, stopping at the first that fails again.
 */
public class ProjectionDeadLetters implements DeadLetterPort {

    private static final Logger log = LoggerFactory.getLogger(ProjectionDeadLetters.class);

    private final JdbcClient jdbc;
    private final Supplier<EventStore> events;
    private final TransactionTemplate transactions;
    private final TransactionTemplate savepoints;
    /** Per streaming processor, the handler instance of each projection it runs (the rebuild processor runs five). */
    private final Map<String, Map<String, Object>> handlers = new ConcurrentHashMap<>();
    /** The projection each handler class belongs to, to name the one that failed. */
    private final Map<Class<?>, String> projectionOfType = new ConcurrentHashMap<>();

    public ProjectionDeadLetters(
            JdbcClient jdbc, Supplier<EventStore> events, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.savepoints = new TransactionTemplate(transactionManager);
        this.savepoints.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Declares a handler instance a streaming processor runs, so its parked events can be retried. */
    public void register(String processor, String projection, Object handler) {
        handlers.computeIfAbsent(processor, p -> new LinkedHashMap<>()).put(projection, handler);
        projectionOfType.put(handler.getClass(), projection);
    }

    /**
     * The error handler of a streaming processor: it rethrows the handler's failure, naming the projection whose
     * handler failed, so that the letter says which one it was (the rebuild processor runs every projection).
     */
    public ListenerInvocationErrorHandler errorHandler(String processor) {
        return (exception, event, handler) -> {
            throw new ProjectionFailure(
                    projectionOfType.getOrDefault(handler.getTargetType(), defaultProjection(processor)), exception);
        };
    }

    /** A handler's failure and the projection it belongs to. */
    static final class ProjectionFailure extends RuntimeException {

        private final String projection;

        ProjectionFailure(String projection, Exception cause) {
            super(projection + ": " + cause, cause, false, false);
            this.projection = projection;
        }
    }

    /**
     * The interceptor to register on {@code processor}. A batch runs without savepoints; when one of its events
     * fails (or its writes fail at the end of the batch), the whole batch rolls back and its events become
     * suspects. Axon retries the batch, and each suspect then runs alone under a savepoint, writing at once: one
     * that fails again is rolled back to its savepoint and parked, and the order's later events park behind it.
     */
    public MessageHandlerInterceptor<EventMessage<?>> interceptor(String processor) {
        Set<String> suspects = suspectsOf(processor);
        return (unitOfWork, chain) -> {
            EventMessage<?> event = unitOfWork.getMessage();
            String order = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
            var root = unitOfWork.root();
            // orders parked by this batch (with the projection that parked each): known to the node-wide cache only
            // once the batch has committed
            Map<String, String> parkedHere =
                    root.getOrComputeResource("ordo.parked-in-batch." + processor, key -> new HashMap<>());
            String blockedBy = order == null
                    ? null
                    : parkedHere.getOrDefault(order, parkedOrders(processor).get(order));
            if (blockedBy != null) {
                park(processor, blockedBy, event, "waits behind an earlier parked event of this order");
                return null;
            }
            String id = event.getIdentifier();
            // every event this batch handles becomes a suspect if the batch rolls back, suspects included
            batchOf(unitOfWork, suspects).add(id);
            if (!suspects.contains(id)) {
                return chain.proceed();
            }
            ProjectionFailure[] failure = new ProjectionFailure[1];
            Object result;
            ISOLATED.set(Boolean.TRUE);
            try {
                result = savepoints.execute(status -> {
                    try {
                        return chain.proceed();
                    } catch (Exception e) {
                        status.setRollbackOnly();
                        failure[0] = e instanceof ProjectionFailure named
                                ? named
                                : new ProjectionFailure(defaultProjection(processor), e);
                        return null;
                    }
                });
            } finally {
                ISOLATED.remove();
            }
            // cleared only if the batch commits: a later event of it may still fail and roll this back
            root.afterCommit(u -> suspects.remove(id));
            if (failure[0] != null) {
                String projection = failure[0].projection;
                String error = describe(failure[0].getCause());
                log.error(
                        "{} parked event {} ({}) of order {} in projection {}: {}",
                        processor,
                        id,
                        event.getPayloadType().getSimpleName(),
                        order,
                        projection,
                        error);
                park(processor, projection, event, error);
                if (order != null) {
                    parkedHere.put(order, projection);
                    root.afterCommit(u -> parkedOrders(processor).putIfAbsent(order, projection));
                }
            }
            return result;
        };
    }

    /**
     * The error kept with a letter and logged: the innermost cause, for a failed JDBC batch the statement's own
     * error. Not the outer messages: a failed batch names its statement with the parameters bound, which would
     * carry the event's data into the letter (the driver leaves them out of its own messages, see application.yml).
     */
    static String describe(Throwable failure) {
        Throwable innermost = failure;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        if (innermost instanceof SQLException sql && sql.getNextException() != null) {
            innermost = sql.getNextException();
        }
        String message = innermost.getMessage();
        return innermost.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** Whether the event being handled runs alone under a savepoint: its handlers must write at once. */
    public static boolean isolated() {
        return ISOLATED.get() != null;
    }

    private static final ThreadLocal<Boolean> ISOLATED = new ThreadLocal<>();

    /** Suspects kept per processor; bounded, since another node may be the one to retry them. */
    private static final int MAX_SUSPECTS = 100_000;

    private final Map<String, Set<String>> suspects = new ConcurrentHashMap<>();

    private Set<String> suspectsOf(String processor) {
        return suspects.computeIfAbsent(processor, p -> ConcurrentHashMap.newKeySet());
    }

    /** The ids of this batch's events; should the batch roll back, every one of them becomes a suspect. */
    private static Set<String> batchOf(UnitOfWork<?> unitOfWork, Set<String> suspects) {
        return unitOfWork.root().getOrComputeResource("ordo.batch-events", key -> {
            Set<String> ids = new HashSet<>();
            unitOfWork.root().onRollback(u -> {
                if (suspects.size() + ids.size() > MAX_SUSPECTS) {
                    suspects.clear();
                }
                suspects.addAll(ids);
            });
            return ids;
        });
    }

    /** How long this node trusts its list of orders with parked events (other nodes may park too). */
    private static final long PARKED_TTL_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** Orders with parked events, each with the projection whose failure parked it. */
    private record Parked(Map<String, String> orders, long readAt) {}

    private final Map<String, Parked> parked = new ConcurrentHashMap<>();

    /** The orders with parked events, read at most once a second per processor. */
    private Map<String, String> parkedOrders(String processor) {
        Parked known = parked.get(processor);
        if (known == null || System.nanoTime() - known.readAt() > PARKED_TTL_NANOS) {
            known = new Parked(new ConcurrentHashMap<>(), System.nanoTime());
            known.orders().putAll(readParkedOrders(processor));
            parked.put(processor, known);
        }
        return known.orders();
    }

    private Map<String, String> readParkedOrders(String processor) {
        var orders = new HashMap<String, String>();
        jdbc.sql("SELECT order_id, min(projection) FROM projection_dead_letter WHERE processor = :p GROUP BY order_id")
                .param("p", processor)
                .query(rs -> {
                    orders.put(rs.getString(1), rs.getString(2));
                });
        return orders;
    }

    /** The projection of a processor that runs one; the processor's name for the rebuild processor. */
    private String defaultProjection(String processor) {
        var projections = handlers.getOrDefault(processor, Map.of());
        return projections.size() == 1 ? projections.keySet().iterator().next() : processor;
    }

    private void park(String processor, String projection, EventMessage<?> event, String error) {
        var domain = event instanceof DomainEventMessage<?> d ? d : null;
        jdbc.sql("""
                        INSERT INTO projection_dead_letter (processor, projection, order_id, sequence_number,
                                                            event_identifier, event_type, error)
                        VALUES (:processor, :projection, :order, :seq, :eventId, :type, :error)
                        ON CONFLICT (processor, event_identifier) DO NOTHING""")
                .param("processor", processor)
                .param("projection", projection)
                .param("order", domain == null ? "-" : domain.getAggregateIdentifier())
                .param("seq", domain == null ? -1 : domain.getSequenceNumber())
                .param("eventId", event.getIdentifier())
                .param("type", event.getPayloadType().getSimpleName())
                .param("error", error.length() > 2000 ? error.substring(0, 2000) : error)
                .update();
    }

    /** Whether a processor has parked events (a rebuild with parked events must not take over). */
    public boolean hasParked(String processor) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM projection_dead_letter WHERE processor = :p)")
                .param("p", processor)
                .query(Boolean.class)
                .single();
    }

    public void forget(String processor) {
        parked.remove(processor);
        jdbc.sql("DELETE FROM projection_dead_letter WHERE processor = :p")
                .param("p", processor)
                .update();
    }

    @Override
    public List<DeadLetterView> list() {
        return jdbc.sql("""
                        SELECT id, projection, processor, order_id, sequence_number, event_type, error, attempts, parked_at
                        FROM projection_dead_letter ORDER BY id""")
                .query((rs, row) -> new DeadLetterView(
                        rs.getLong("id"),
                        rs.getString("projection"),
                        rs.getString("processor"),
                        rs.getString("order_id"),
                        rs.getLong("sequence_number"),
                        rs.getString("event_type"),
                        rs.getString("error"),
                        rs.getInt("attempts"),
                        rs.getTimestamp("parked_at").toInstant()))
                .list();
    }

    private record Letter(long id, String processor, String orderId, long sequence, String eventId) {}

    @Override
    public synchronized Optional<RetryOutcome> retry(long id) {
        var letter = jdbc.sql("""
                        SELECT id, processor, order_id, sequence_number, event_identifier FROM projection_dead_letter
                        WHERE id = :id""")
                .param("id", id)
                .query((rs, row) ->
                        new Letter(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5)))
                .optional();
        if (letter.isEmpty()) {
            return Optional.empty();
        }
        String processor = letter.get().processor();
        parked.remove(processor);
        var letters = jdbc.sql("""
                        SELECT id, processor, order_id, sequence_number, event_identifier FROM projection_dead_letter
                        WHERE processor = :p AND order_id = :order ORDER BY sequence_number""")
                .param("p", processor)
                .param("order", letter.get().orderId())
                .query((rs, row) ->
                        new Letter(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5)))
                .list();
        var stored = new HashMap<String, DomainEventMessage<?>>();
        events.get()
                .readEvents(letter.get().orderId(), letters.get(0).sequence())
                .forEachRemaining(event -> stored.put(event.getIdentifier(), event));
        // every projection the processor runs: a parked event was handled by none of them
        var adapters = handlers.getOrDefault(processor, Map.of()).values().stream()
                .map(AnnotationEventHandlerAdapter::new)
                .toList();
        int projected = 0;
        for (Letter parked : letters) {
            DomainEventMessage<?> event = stored.get(parked.eventId());
            try {
                transactions.executeWithoutResult(status -> {
                    var unitOfWork = DefaultUnitOfWork.startAndGet(event);
                    try {
                        for (var adapter : adapters) {
                            adapter.handle(event);
                        }
                        unitOfWork.commit();
                    } catch (Exception e) {
                        unitOfWork.rollback(e);
                        throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
                    }
                    jdbc.sql("DELETE FROM projection_dead_letter WHERE id = :id")
                            .param("id", parked.id())
                            .update();
                });
                projected++;
            } catch (RuntimeException stillFailing) {
                jdbc.sql("""
                                UPDATE projection_dead_letter SET attempts = attempts + 1, last_attempt_at = now(),
                                       error = :error WHERE id = :id""")
                        .param("id", parked.id())
                        .param("error", describe(stillFailing))
                        .update();
                log.warn("{}: retry of event {} failed again: {}", processor, parked.eventId(), describe(stillFailing));
                break;
            }
        }
        return Optional.of(new RetryOutcome(projected, letters.size() - projected));
    }
}

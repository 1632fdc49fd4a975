package io.ordo.projections;

import io.ordo.application.port.in.DeadLetterView;
import io.ordo.application.port.in.RetryOutcome;
import io.ordo.application.port.out.DeadLetterPort;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
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
    private final Map<String, Object> handlers = new ConcurrentHashMap<>();
    private final Map<String, String> projections = new ConcurrentHashMap<>();

    public ProjectionDeadLetters(JdbcClient jdbc, Supplier<EventStore> events, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.savepoints = new TransactionTemplate(transactionManager);
        this.savepoints.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Declares which handler instance a streaming processor runs, so its parked events can be retried. */
    public void register(String processor, String projection, Object handler) {
        handlers.put(processor, handler);
        projections.put(processor, projection);
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
            // orders parked by this batch: known to the node-wide cache only once the batch has committed
            Set<String> parkedHere = root.getOrComputeResource("ordo.parked-in-batch." + processor, key -> new HashSet<>());
            if (order != null && (parkedOrders(processor).contains(order) || parkedHere.contains(order))) {
                park(processor, event, "waits behind an earlier parked event of this order");
                return null;
            }
            String id = event.getIdentifier();
            // every event this batch handles becomes a suspect if the batch rolls back, suspects included
            batchOf(unitOfWork, suspects).add(id);
            if (!suspects.contains(id)) {
                return chain.proceed();
            }
            Exception[] failure = new Exception[1];
            Object result;
            ISOLATED.set(Boolean.TRUE);
            try {
                result = savepoints.execute(status -> {
                    try {
                        return chain.proceed();
                    } catch (Exception e) {
                        status.setRollbackOnly();
                        failure[0] = e;
                        return null;
                    }
                });
            } finally {
                ISOLATED.remove();
            }
            // cleared only if the batch commits: a later event of it may still fail and roll this back
            root.afterCommit(u -> suspects.remove(id));
            if (failure[0] != null) {
                log.error("{} parked event {} ({}) of order {}: {}", processor, id,
                        event.getPayloadType().getSimpleName(), order, failure[0].toString());
                park(processor, event, failure[0].toString());
                if (order != null) {
                    parkedHere.add(order);
                    root.afterCommit(u -> parkedOrders(processor).add(order));
                }
            }
            return result;
        };
    }

    /** Whether the event being handled runs alone under a savepoint: its handlers must write at once. */
    static boolean isolated() {
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
    private static Set<String> batchOf(org.axonframework.messaging.unitofwork.UnitOfWork<?> unitOfWork, Set<String> suspects) {
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
    private static final long PARKED_TTL_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(1);

    private record Parked(Set<String> orders, long readAt) {
    }

    private final Map<String, Parked> parked = new ConcurrentHashMap<>();

    /** The orders with parked events, read at most once a second per processor. */
    private Set<String> parkedOrders(String processor) {
        Parked known = parked.get(processor);
        if (known == null || System.nanoTime() - known.readAt() > PARKED_TTL_NANOS) {
            known = new Parked(ConcurrentHashMap.newKeySet(), System.nanoTime());
            known.orders().addAll(readParkedOrders(processor));
            parked.put(processor, known);
        }
        return known.orders();
    }

    private List<String> readParkedOrders(String processor) {
        return jdbc.sql("SELECT DISTINCT order_id FROM projection_dead_letter WHERE processor = :p")
                .param("p", processor).query(String.class).list();
    }

    private void park(String processor, EventMessage<?> event, String error) {
        var domain = event instanceof DomainEventMessage<?> d ? d : null;
        jdbc.sql("""
                        INSERT INTO projection_dead_letter (processor, projection, order_id, sequence_number,
                                                            event_identifier, event_type, error)
                        VALUES (:processor, :projection, :order, :seq, :eventId, :type, :error)
                        ON CONFLICT (processor, event_identifier) DO NOTHING""")
                .param("processor", processor)
                .param("projection", projections.getOrDefault(processor, processor))
                .param("order", domain == null ? "-" : domain.getAggregateIdentifier())
                .param("seq", domain == null ? -1 : domain.getSequenceNumber())
                .param("eventId", event.getIdentifier())
                .param("type", event.getPayloadType().getSimpleName())
                .param("error", error.length() > 2000 ? error.substring(0, 2000) : error)
                .update();
    }

    /** Whether a processor has parked events (a rebuild with parked events must not take over). */
    public boolean hasParked(String processor) {
        return !readParkedOrders(processor).isEmpty();
    }

    public void forget(String processor) {
        parked.remove(processor);
        jdbc.sql("DELETE FROM projection_dead_letter WHERE processor = :p").param("p", processor).update();
    }

    @Override
    public List<DeadLetterView> list() {
        return jdbc.sql("""
                        SELECT id, projection, processor, order_id, sequence_number, event_type, error, attempts, parked_at
                        FROM projection_dead_letter ORDER BY id""")
                .query((rs, row) -> new DeadLetterView(rs.getLong("id"), rs.getString("projection"),
                        rs.getString("processor"), rs.getString("order_id"), rs.getLong("sequence_number"),
                        rs.getString("event_type"), rs.getString("error"), rs.getInt("attempts"),
                        rs.getTimestamp("parked_at").toInstant()))
                .list();
    }

    private record Letter(long id, String processor, String orderId, long sequence, String eventId) {
    }

    @Override
    public synchronized Optional<RetryOutcome> retry(long id) {
        var letter = jdbc.sql("""
                        SELECT id, processor, order_id, sequence_number, event_identifier FROM projection_dead_letter
                        WHERE id = :id""").param("id", id)
                .query((rs, row) -> new Letter(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5)))
                .optional();
        if (letter.isEmpty()) {
            return Optional.empty();
        }
        String processor = letter.get().processor();
        parked.remove(processor);
        var letters = jdbc.sql("""
                        SELECT id, processor, order_id, sequence_number, event_identifier FROM projection_dead_letter
                        WHERE processor = :p AND order_id = :order ORDER BY sequence_number""")
                .param("p", processor).param("order", letter.get().orderId())
                .query((rs, row) -> new Letter(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5)))
                .list();
        var stored = new HashMap<String, DomainEventMessage<?>>();
        events.get().readEvents(letter.get().orderId(), letters.get(0).sequence())
                .forEachRemaining(event -> stored.put(event.getIdentifier(), event));
        var adapter = new AnnotationEventHandlerAdapter(handlers.get(processor));
        int projected = 0;
        for (Letter parked : letters) {
            DomainEventMessage<?> event = stored.get(parked.eventId());
            try {
                transactions.executeWithoutResult(status -> {
                    var unitOfWork = DefaultUnitOfWork.startAndGet(event);
                    try {
                        adapter.handle(event);
                        unitOfWork.commit();
                    } catch (Exception e) {
                        unitOfWork.rollback(e);
                        throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
                    }
                    jdbc.sql("DELETE FROM projection_dead_letter WHERE id = :id").param("id", parked.id()).update();
                });
                projected++;
            } catch (RuntimeException stillFailing) {
                jdbc.sql("""
                                UPDATE projection_dead_letter SET attempts = attempts + 1, last_attempt_at = now(),
                                       error = :error WHERE id = :id""")
                        .param("id", parked.id()).param("error", stillFailing.toString()).update();
                log.warn("{}: retry of event {} failed again: {}", processor, parked.eventId(), stillFailing.toString());
                break;
            }
        }
        return Optional.of(new RetryOutcome(projected, letters.size() - projected));
    }
}

package io.ordo.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.adapters.persistence.testing.TestDatabase;
import io.ordo.domain.OrderId;
import io.ordo.domain.event.OrderStatusChanged;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Loading an order from the real store: every event, in order, across Axon's batches of 100, and one query per
 * batch. Axon's JDBC engine asks once more after a short batch, for an aggregate stream with gaps; an order's stream
 * has none.
 */
class PreciseJdbcEventStorageEngineTest {

    private final AtomicInteger queries = new AtomicInteger();
    private PreciseJdbcEventStorageEngine store;

    @BeforeEach
    void store() {
        DataSource dataSource = TestDatabase.newMigratedDataSource("engine");
        var serializer = JacksonSerializer.builder()
                .objectMapper(EventJson.objectMapper())
                .build();
        store = new PreciseJdbcEventStorageEngine(PreciseJdbcEventStorageEngine.builder()
                .connectionProvider(() -> counting(dataSource.getConnection()))
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(new EventStoreConfiguration().eventSchema())
                .eventSerializer(serializer)
                .snapshotSerializer(serializer));
    }

    @Test
    void an_order_of_250_events_loads_whole_in_three_queries() {
        String id = appendMoves(250);

        queries.set(0);
        List<String> targets = statuses(store.readEvents(id));

        assertThat(targets).hasSize(250);
        assertThat(targets.get(0)).isEqualTo("status-0");
        assertThat(targets.get(249)).isEqualTo("status-249");
        assertThat(queries).as("batches of 100, 100 and 50").hasValue(3);
    }

    @Test
    void the_events_after_a_snapshot_load_in_one_query() {
        String id = appendMoves(130);

        queries.set(0);
        List<String> targets = statuses(store.readEvents(id, 105));

        assertThat(targets)
                .containsExactly(
                        IntStream.range(105, 130).mapToObj(i -> "status-" + i).toArray(String[]::new));
        assertThat(queries).hasValue(1);
    }

    private String appendMoves(int count) {
        UUID order = UUID.randomUUID();
        var events = new ArrayList<DomainEventMessage<?>>();
        for (int i = 0; i < count; i++) {
            events.add(new GenericDomainEventMessage<>(
                    "Order",
                    order.toString(),
                    i,
                    new OrderStatusChanged(
                            OrderId.of(order),
                            "status-" + (i - 1),
                            "status-" + i,
                            null,
                            null,
                            null,
                            null,
                            OrderStatusChanged.USER,
                            "agent")));
        }
        store.appendEvents(events);
        return order.toString();
    }

    private static List<String> statuses(DomainEventStream stream) {
        var targets = new ArrayList<String>();
        stream.forEachRemaining(event -> targets.add(((OrderStatusChanged) event.getPayload()).to()));
        return targets;
    }

    /** The connection, counting the statements prepared on it. */
    private Connection counting(Connection connection) {
        return (Connection) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement")) {
                        queries.incrementAndGet();
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}

package io.ordo.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordo.adapters.persistence.testing.TestDatabase;
import io.ordo.domain.event.OrderStatusChanged;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How a renamed event field is read back: an event stored at revision 0, when {@code OrderStatusChanged}
 * still called its target status {@code newStatus}, comes out of the real store as today's record. This is
 * the template docs/events.md points to for the day a field is renamed.
 */
class RenamedFieldUpcasterTest {

    /** Revision 0 → 1 of OrderStatusChanged: {@code newStatus} became {@code to}. */
    static final class OrderStatusChangedNewStatusToTo extends SingleEventUpcaster {

        private static final SimpleSerializedType V0 =
                new SimpleSerializedType(OrderStatusChanged.class.getName(), "0");
        private static final SimpleSerializedType V1 =
                new SimpleSerializedType(OrderStatusChanged.class.getName(), "1");

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return representation.getType().equals(V0);
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(V1, JsonNode.class, payload -> {
                ObjectNode event = (ObjectNode) payload;
                event.set("to", event.remove("newStatus"));
                return event;
            });
        }
    }

    @Test
    void an_event_stored_before_the_rename_is_read_with_the_new_field() {
        DataSource dataSource = TestDatabase.newMigratedDataSource("upcast");
        String orderId = UUID.randomUUID().toString();
        String oldPayload = """
                {"orderId":"%s","from":"draft","newStatus":"pending","reason":null,"note":null,"carrier":null,
                 "trackingNumber":null,"source":"user","actor":"agent"}""".formatted(orderId);
        JdbcClient.create(dataSource)
                .sql("""
                        INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                                                        meta_data, payload, payload_revision, payload_type, time_stamp)
                        VALUES (:id, 0, 'Order', :eventId, :meta, :payload, '0', :type, '2025-01-01T10:00:00.000000Z')""")
                .param("id", orderId)
                .param("eventId", UUID.randomUUID().toString())
                .param("meta", "{}".getBytes(StandardCharsets.UTF_8))
                .param("payload", oldPayload.getBytes(StandardCharsets.UTF_8))
                .param("type", OrderStatusChanged.class.getName())
                .update();

        var serializer = JacksonSerializer.builder()
                .objectMapper(EventJson.objectMapper())
                .build();
        var store = JdbcEventStorageEngine.builder()
                .connectionProvider(dataSource::getConnection)
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(new EventStoreConfiguration().eventSchema())
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .upcasterChain(new EventUpcasterChain(new OrderStatusChangedNewStatusToTo()))
                .build();

        DomainEventMessage<?> event = store.readEvents(orderId).next();
        assertThat(event.getPayload()).isInstanceOf(OrderStatusChanged.class);
        var changed = (OrderStatusChanged) event.getPayload();
        assertThat(changed.to()).isEqualTo("pending");
        assertThat(changed.from()).isEqualTo("draft");
        assertThat(changed.actor()).isEqualTo("agent");
    }
}

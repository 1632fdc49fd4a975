package io.ordo.adapters.persistence.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordo.adapters.persistence.EventJson;
import io.ordo.application.port.in.OrderView;
import io.ordo.application.port.out.OrderReadModelPort;
import io.ordo.application.port.out.OrderScope;
import io.ordo.domain.OrderId;
import io.ordo.domain.event.OrderCreated;
import io.ordo.domain.event.OrderStatusChanged;
import io.ordo.domain.event.ProviderEventRecorded;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes the outbox in the transaction that stores the events (a subscribing handler that fails the command when it
 * fails): one row per event and matching subscription of its tenant, and one for Kafka when Kafka is on. An event
 * that is committed therefore has its rows, and one that is not has none. With no subscription and Kafka off this
 * costs one indexed query per event and writes nothing.
 */
@ProcessingGroup(OutboxWriter.NAME)
public class OutboxWriter {

    public static final String NAME = "outbox";

    private final JdbcClient jdbc;
    private final OrderReadModelPort orders;
    private final boolean kafka;
    private final ObjectMapper json = EventJson.objectMapper();

    public OutboxWriter(JdbcClient jdbc, OrderReadModelPort orders, boolean kafka) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.kafka = kafka;
    }

    @EventHandler
    void on(Object event, DomainEventMessage<?> message) {
        Object tenant = message.getMetaData().get("tenant");
        if (tenant == null) {
            return;
        }
        String type = event.getClass().getSimpleName();
        List<UUID> subscriptions = jdbc.sql("""
                        SELECT id FROM subscription
                        WHERE tenant_id = :tenant AND ('*' = ANY (events) OR :type = ANY (events))""")
                .param("tenant", tenant.toString())
                .param("type", type)
                .query(UUID.class)
                .list();
        if (subscriptions.isEmpty() && !kafka) {
            return;
        }
        UUID orderId = UUID.fromString(message.getAggregateIdentifier());
        String body = body(event, message, tenant.toString(), type);
        var destinations = new ArrayList<Object[]>();
        subscriptions.forEach(id -> destinations.add(new Object[] {id.toString(), id}));
        if (kafka) {
            destinations.add(new Object[] {OutboxRow.KAFKA, null});
        }
        Timestamp now = new Timestamp(System.currentTimeMillis());
        for (Object[] destination : destinations) {
            jdbc.sql("""
                            INSERT INTO outbox (destination, subscription_id, tenant_id, order_id, sequence, event_id, type,
                                                body, created_at, next_attempt_at)
                            VALUES (:destination, :subscription, :tenant, :order, :sequence, :event, :type, :body, :now, :now)""")
                    .param("destination", destination[0])
                    .param("subscription", destination[1])
                    .param("tenant", tenant.toString())
                    .param("order", orderId)
                    .param("sequence", message.getSequenceNumber())
                    .param("event", message.getIdentifier())
                    .param("type", type)
                    .param("body", body)
                    .param("now", now)
                    .update();
        }
    }

    /** The notification's JSON (docs/api.md): the same for every destination. */
    private String body(Object event, DomainEventMessage<?> message, String tenant, String type) {
        ObjectNode body = json.createObjectNode();
        body.put("eventId", message.getIdentifier());
        body.put("tenant", tenant);
        body.put("orderId", message.getAggregateIdentifier());
        body.put("orderNumber", orderNumber(event, tenant, message.getAggregateIdentifier()));
        body.put("sequence", message.getSequenceNumber());
        body.put("type", type);
        body.put("at", message.getTimestamp().toString());
        Object actor = message.getMetaData().get("actor");
        body.put("by", actor == null ? null : actor.toString());
        body.put("source", source(event));
        body.set("payload", json.valueToTree(event));
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event that was stored as JSON cannot be written as JSON", e);
        }
    }

    private String orderNumber(Object event, String tenant, String orderId) {
        if (event instanceof OrderCreated created) {
            return created.orderNumber();
        }
        return OrderId.parse(orderId)
                .flatMap(id -> orders.find(OrderScope.tenant(tenant), id))
                .map(OrderView::orderNumber)
                .orElse(null);
    }

    /** Who made the change: a user, a rule of the system, or a provider's webhook. */
    static String source(Object event) {
        if (event instanceof OrderStatusChanged changed) {
            return changed.source();
        }
        return event instanceof ProviderEventRecorded ? OrderStatusChanged.WEBHOOK : OrderStatusChanged.USER;
    }
}

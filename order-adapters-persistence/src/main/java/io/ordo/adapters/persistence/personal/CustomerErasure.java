package io.ordo.adapters.persistence.personal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordo.adapters.persistence.EventJson;
import io.ordo.domain.event.CustomerErased;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What an order's erasure does beyond its event, in the transaction that stores it (a subscribing handler that fails
 * the erasure when it fails): destroys the order's key, so that every stored event and snapshot of it reads
 * {@code "[erased]"} for good; deletes its snapshots (one from before sealing would hold plain text); and writes
 * {@code "[erased]"} over the personal fields of the copies kept outside the events: its notifications in the outbox
 * and its requests and answers kept for Idempotency-Key replays. The read models forget by their own handlers.
 */
@ProcessingGroup(CustomerErasure.NAME)
public class CustomerErasure {

    public static final String NAME = "customer-erasure";

    /** The personal fields of a notification's payload, by the event type the outbox row names. */
    private static final Map<String, List<List<String>>> NOTIFIED = PersonalData.FIELDS.entrySet().stream()
            .collect(Collectors.toMap(e -> e.getKey().getSimpleName(), Map.Entry::getValue));

    private final JdbcClient jdbc;
    private final OrderDataKeys keys;
    private final ObjectMapper json = EventJson.objectMapper();

    public CustomerErasure(JdbcClient jdbc, OrderDataKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    @EventHandler
    void on(CustomerErased e, @MetaDataValue("tenant") String tenant) {
        String orderId = e.orderId().toString();
        UUID order = e.orderId().value();
        keys.destroy(orderId, tenant, e.customerId());
        jdbc.sql("DELETE FROM snapshot_event_entry WHERE aggregate_identifier = :order")
                .param("order", orderId)
                .update();
        scrubOutbox(order);
        scrubIdempotencyKeys(orderId);
    }

    private void scrubOutbox(UUID order) {
        record Row(long id, String type, String body) {}
        var rows = jdbc.sql("SELECT id, type, body FROM outbox WHERE order_id = :order")
                .param("order", order)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
        for (Row row : rows) {
            List<List<String>> paths = NOTIFIED.get(row.type());
            if (paths != null) {
                String body = erased(row.body(), "/payload", paths);
                jdbc.sql("UPDATE outbox SET body = :body WHERE id = :id")
                        .param("body", body)
                        .param("id", row.id())
                        .update();
            }
        }
    }

    /** A kept request is its method and path, a line break, and its body (IdempotencyService). */
    private void scrubIdempotencyKeys(String order) {
        record Row(String tenant, String user, String key, String request, String answer) {}
        var rows = jdbc.sql("""
                        SELECT tenant_id, user_id, idempotency_key, request, response_body FROM idempotency_key
                        WHERE order_id = :order""")
                .param("order", order)
                .query((rs, n) ->
                        new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
        for (Row row : rows) {
            int lineBreak = row.request().indexOf('\n');
            String request = lineBreak < 0
                    ? row.request()
                    : row.request().substring(0, lineBreak + 1)
                            + erased(row.request().substring(lineBreak + 1), "", PersonalData.OF_AN_ORDER);
            jdbc.sql("""
                            UPDATE idempotency_key SET request = :request, response_body = :answer
                            WHERE tenant_id = :tenant AND user_id = :user AND idempotency_key = :key""")
                    .param("request", request)
                    .param("answer", row.answer() == null ? null : erased(row.answer(), "", PersonalData.OF_AN_ORDER))
                    .param("tenant", row.tenant())
                    .param("user", row.user())
                    .param("key", row.key())
                    .update();
        }
    }

    /** {@code text} with the {@code paths} of its object at {@code at} erased; text that is no JSON object as it is. */
    private String erased(String text, String at, List<List<String>> paths) {
        try {
            JsonNode whole = json.readTree(text);
            if (whole == null || !(whole.at(at) instanceof ObjectNode object)) {
                return text;
            }
            PersonalData.erase(object, paths);
            return json.writeValueAsString(whole);
        } catch (JsonProcessingException notJson) {
            return text;
        }
    }
}

package io.ordo.adapters.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ordo.adapters.persistence.personal.OrderDataKeys;
import io.ordo.adapters.persistence.personal.PersonalData;
import io.ordo.application.port.in.history.ChainVerification;
import io.ordo.application.port.in.history.StoredEventView;
import io.ordo.application.port.out.OrderHistoryPort;
import io.ordo.domain.OrderId;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Outgoing-port adapter: reads an order's events straight from {@code domain_event_entry} (the stored truth,
 * not a projection) and re-computes its hash chain with the same SQL function the insert trigger uses.
 */
public class JdbcOrderHistoryAdapter implements OrderHistoryPort {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final ObjectMapper json = new ObjectMapper();

    private final OrderDataKeys keys;

    /** @param keys the orders' data keys: the events' sealed personal data is shown open, or "[erased]" */
    public JdbcOrderHistoryAdapter(JdbcClient jdbc, OrderDataKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    @Override
    public List<StoredEventView> events(OrderId id, long afterSequence, int limit) {
        return jdbc.sql("""
                        SELECT sequence_number, payload_type, payload_revision, time_stamp, payload
                        FROM domain_event_entry
                        WHERE aggregate_identifier = :id AND sequence_number > :after
                        ORDER BY sequence_number LIMIT :limit""")
                .param("id", id.toString())
                .param("after", afterSequence)
                .param("limit", limit)
                .query((rs, row) -> view(
                        rs.getLong("sequence_number"),
                        rs.getString("payload_type"),
                        rs.getString("payload_revision"),
                        rs.getString("time_stamp"),
                        rs.getBytes("payload")))
                .list();
    }

    private StoredEventView view(long sequence, String payloadType, String revision, String timestamp, byte[] payload) {
        String type = payloadType.substring(payloadType.lastIndexOf('.') + 1);
        Instant at = Instant.parse(timestamp);
        try {
            JsonNode event = json.readTree(payload);
            PersonalData.hidePlainIfErased(event, payloadType, keys::erased);
            PersonalData.open(event, event.path("orderId").asText(null), keys::find);
            Map<String, Object> fields = json.convertValue(event, OBJECT);
            Object actor = fields.get("actor");
            Object source = fields.getOrDefault("source", "user");
            return new StoredEventView(
                    sequence,
                    type,
                    revision,
                    at,
                    actor == null ? null : actor.toString(),
                    String.valueOf(source),
                    fields,
                    true);
        } catch (IOException unreadable) {
            return new StoredEventView(sequence, type, revision, at, null, null, null, false);
        }
    }

    @Override
    public ChainVerification verify(OrderId id) {
        record Link(long sequence, Boolean intact) {}
        List<Link> links = jdbc.sql("""
                        SELECT e.sequence_number,
                               e.hash = ordo_event_hash(lag(e.hash) OVER (ORDER BY e.sequence_number), e) AS intact
                        FROM domain_event_entry e
                        WHERE e.aggregate_identifier = :id
                        ORDER BY e.sequence_number""")
                .param("id", id.toString())
                .query((rs, row) -> new Link(rs.getLong(1), (Boolean) rs.getObject(2)))
                .list();
        long expected = 0;
        for (Link link : links) {
            if (link.sequence() != expected) {
                return ChainVerification.brokenAt(expected); // an event is missing
            }
            if (!Boolean.TRUE.equals(link.intact())) {
                return ChainVerification.brokenAt(link.sequence());
            }
            expected++;
        }
        return ChainVerification.valid(links.size());
    }
}

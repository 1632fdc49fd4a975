package io.ordo.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.adapters.persistence.testing.TestDatabase;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V24 moves the live tokens of {@code order-list} and {@code audit} to the one streaming processor: written and read
 * back with the token store's own serializer, so a change of Axon's token format shows here, not in a running
 * service that silently starts from the first event.
 */
class OneStreamingProcessorMigrationTest {

    private static final String PROCESSOR = "streaming-projections";

    private final Serializer tokens = new EventStoreConfiguration().serializer();

    @Test
    void the_new_processor_starts_below_every_event_either_old_one_may_not_have_handled() {
        var database = TestDatabase.newMigratedDataSource("onestream", "23");
        var jdbc = JdbcClient.create(database);
        // the list has read up to 100 but not yet seen 80 and 97; the audit has read up to 90
        storeToken(jdbc, "order-list", 0, GapAwareTrackingToken.newInstance(100, Set.of(80L, 97L)));
        storeToken(jdbc, "audit", 0, GapAwareTrackingToken.newInstance(90, Set.of()));
        storeToken(jdbc, "projection-rebuild", 0, GapAwareTrackingToken.newInstance(42, Set.of()));
        park(jdbc, "order-list", "event-1");
        park(jdbc, "audit", "event-1");
        park(jdbc, "audit", "event-2");

        TestDatabase.migrate(database, "24");

        assertThat(tokenOf(jdbc, PROCESSOR)).isEqualTo(GapAwareTrackingToken.newInstance(79, Set.of()));
        assertThat(jdbc.sql("SELECT processor_name FROM token_entry ORDER BY processor_name")
                        .query(String.class)
                        .list())
                .containsExactly("projection-rebuild", PROCESSOR);
        assertThat(jdbc.sql("SELECT processor || ' ' || event_identifier FROM projection_dead_letter ORDER BY 1")
                        .query(String.class)
                        .list())
                .as("one letter per event, in the new processor")
                .containsExactly(PROCESSOR + " event-1", PROCESSOR + " event-2");
    }

    @Test
    void a_token_it_cannot_read_leaves_the_new_processor_to_start_from_the_first_event() {
        var database = TestDatabase.newMigratedDataSource("onestream", "23");
        var jdbc = JdbcClient.create(database);
        storeToken(jdbc, "order-list", 0, GapAwareTrackingToken.newInstance(100, Set.of()));
        storeToken(
                jdbc, "audit", 0, ReplayToken.createReplayToken(GapAwareTrackingToken.newInstance(90, Set.of()), null));

        TestDatabase.migrate(database, "24");

        assertThat(jdbc.sql("SELECT count(*) FROM token_entry")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void a_new_database_gets_no_token() {
        var jdbc = JdbcClient.create(TestDatabase.newMigratedDataSource("onestream"));

        assertThat(jdbc.sql("SELECT count(*) FROM token_entry")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private void storeToken(JdbcClient jdbc, String processor, int segment, TrackingToken token) {
        SerializedObject<byte[]> serialized = tokens.serialize(token, byte[].class);
        jdbc.sql("""
                        INSERT INTO token_entry (processor_name, segment, token, token_type, timestamp)
                        VALUES (:processor, :segment, :token, :type, '2026-12-06T07:00:00Z')""")
                .param("processor", processor)
                .param("segment", segment)
                .param("token", serialized.getData())
                .param("type", serialized.getType().getName())
                .update();
    }

    private TrackingToken tokenOf(JdbcClient jdbc, String processor) {
        List<TrackingToken> stored = jdbc.sql("SELECT token, token_type FROM token_entry WHERE processor_name = :p")
                .param("p", processor)
                .query((rs, n) -> tokens.<byte[], TrackingToken>deserialize(
                        new SimpleSerializedObject<>(rs.getBytes(1), byte[].class, rs.getString(2), null)))
                .list();
        assertThat(stored).hasSize(1);
        return stored.get(0);
    }

    private static void park(JdbcClient jdbc, String processor, String event) {
        jdbc.sql("""
                        INSERT INTO projection_dead_letter (processor, projection, order_id, sequence_number,
                                                            event_identifier, event_type, error)
                        VALUES (:processor, :processor, 'order-1', 1, :event, 'OrderStatusChanged', 'boom')""").param("processor", processor).param("event", event).update();
    }
}

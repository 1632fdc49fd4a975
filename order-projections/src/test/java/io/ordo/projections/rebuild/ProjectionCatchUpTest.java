package io.ordo.projections.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.adapters.persistence.EventJson;
import io.ordo.adapters.persistence.testing.TestDatabase;
import io.ordo.projections.Projection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link ProjectionReplays#awaitCaughtUp}: a reader that needs the list to hold every change stored before it (a
 * bulk reassignment) waits until the streaming processor's stored token has passed every such event, including one
 * it passed over as a gap while it was not yet committed.
 */
class ProjectionCatchUpTest {

    private static final Duration BRIEFLY = Duration.ofMillis(200);

    /** The token store's serializer, as the service configures it. */
    private final Serializer tokens =
            JacksonSerializer.builder().objectMapper(EventJson.objectMapper()).build();

    private final JdbcClient jdbc = JdbcClient.create(TestDatabase.newMigratedDataSource("catchup"));
    private final ProjectionReplays replays = new ProjectionReplays(null, jdbc, null, null, null, tokens);

    @Test
    void the_list_has_caught_up_when_its_token_has_passed_every_stored_event() {
        long head = storeEvents(3);
        storeToken(GapAwareTrackingToken.newInstance(head - 1, Set.of()));

        assertThat(replays.awaitCaughtUp("order-list", BRIEFLY))
                .as("one event behind")
                .isFalse();

        storeToken(GapAwareTrackingToken.newInstance(head, Set.of()));
        assertThat(replays.awaitCaughtUp("order-list", BRIEFLY)).isTrue();
        assertThat(replays.awaitCaughtUp("audit", BRIEFLY))
                .as("the audit runs in the same processor")
                .isTrue();
    }

    @Test
    void an_event_the_token_passed_over_as_a_gap_is_waited_for_once_it_is_stored() {
        long head = storeEvents(2);
        // the processor read up to the head while the event before it was not committed; it is by now
        storeToken(GapAwareTrackingToken.newInstance(head, Set.of(head - 1)));
        assertThat(replays.awaitCaughtUp("order-list", BRIEFLY)).isFalse();

        // a gap that never became an event (a rolled-back insert took its index) is nothing to wait for
        long rolledBack = jdbc.sql("SELECT nextval(pg_get_serial_sequence('domain_event_entry', 'global_index'))")
                .query(Long.class)
                .single();
        long newHead = storeEvents(1);
        storeToken(GapAwareTrackingToken.newInstance(newHead, Set.of(rolledBack)));
        assertThat(replays.awaitCaughtUp("order-list", BRIEFLY)).isTrue();
    }

    @Test
    void a_replay_token_counts_where_its_current_token_stands() {
        long head = storeEvents(2);
        var atReset = GapAwareTrackingToken.newInstance(head + 5, Set.of());
        storeToken(ReplayToken.createReplayToken(atReset, GapAwareTrackingToken.newInstance(head, Set.of(head - 1))));
        assertThat(replays.awaitCaughtUp("order-list", BRIEFLY)).isFalse();

        storeToken(ReplayToken.createReplayToken(atReset, GapAwareTrackingToken.newInstance(head, Set.of())));
        assertThat(replays.awaitCaughtUp("order-list", BRIEFLY)).isTrue();
    }

    @Test
    void the_wait_ends_as_soon_as_the_processor_stores_a_token_past_the_head() throws Exception {
        long head = storeEvents(1);
        storeToken(GapAwareTrackingToken.newInstance(head - 1, Set.of()));

        var waiting = CompletableFuture.supplyAsync(() -> replays.awaitCaughtUp("order-list", Duration.ofSeconds(30)));
        Thread.sleep(300);
        assertThat(waiting).as("still waiting for the processor").isNotDone();
        storeToken(GapAwareTrackingToken.newInstance(head, Set.of()));

        assertThat(waiting.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void the_projections_written_with_the_command_have_always_caught_up() {
        storeEvents(1);

        assertThat(replays.awaitCaughtUp("order-detail", BRIEFLY)).isTrue();
    }

    /** Stores {@code count} events of one order; the global index of the last. */
    private long storeEvents(int count) {
        long first = jdbc.sql("SELECT count(*) FROM domain_event_entry")
                .query(Long.class)
                .single();
        for (long sequence = first; sequence < first + count; sequence++) {
            jdbc.sql("""
                            INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                                type, time_stamp, payload_type, payload_revision, payload, meta_data)
                            VALUES (:id, 'order-1', :sequence, 'Order', '2026-12-06T10:00:00Z',
                                'io.ordo.domain.event.Noted', '1', :payload, NULL)""")
                    .param("id", "event-" + sequence)
                    .param("sequence", sequence)
                    .param("payload", "{}".getBytes(StandardCharsets.UTF_8))
                    .update();
        }
        return jdbc.sql("SELECT max(global_index) FROM domain_event_entry")
                .query(Long.class)
                .single();
    }

    private void storeToken(TrackingToken token) {
        SerializedObject<byte[]> serialized = tokens.serialize(token, byte[].class);
        jdbc.sql("""
                        INSERT INTO token_entry (processor_name, segment, token, token_type, timestamp)
                        VALUES (:processor, 0, :token, :type, '2026-12-06T10:00:00Z')
                        ON CONFLICT (processor_name, segment)
                        DO UPDATE SET token = excluded.token, token_type = excluded.token_type""")
                .param("processor", Projection.STREAMING_PROCESSOR)
                .param("token", serialized.getData())
                .param("type", serialized.getType().getName())
                .update();
    }
}

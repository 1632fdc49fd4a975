package io.ordo.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.adapters.persistence.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The hash chain of the event table (V4, V23), against real PostgreSQL: what the trigger stores is the formula
 * docs/compliance.md gives, recomputed here outside the database as an auditor would.
 */
class EventHashChainTest {

    private final JdbcClient jdbc = JdbcClient.create(TestDatabase.newMigratedDataSource("hashchain"));

    @Test
    void each_stored_hash_is_the_documented_sha256_over_the_previous_hash_and_the_stored_bytes() throws Exception {
        byte[] previous = null;
        for (int sequence = 0; sequence < 3; sequence++) {
            byte[] payload = ("{\"n\":" + sequence + ",\"note\":\"Grüße\"}").getBytes(StandardCharsets.UTF_8);
            byte[] metaData = sequence == 1 ? null : "{\"tenant\":\"acme\"}".getBytes(StandardCharsets.UTF_8);
            String revision = sequence == 2 ? null : "1";
            jdbc.sql("""
                            INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                                type, time_stamp, payload_type, payload_revision, payload, meta_data)
                            VALUES (:id, 'order-1', :sequence, 'Order', '2026-12-06T05:00:00.123456Z',
                                'io.ordo.domain.event.Noted', :revision, :payload, :metaData)""")
                    .param("id", "event-" + sequence)
                    .param("sequence", sequence)
                    .param("revision", revision)
                    .param("payload", payload)
                    .param("metaData", metaData)
                    .update();

            byte[] expected = documentedHash(
                    previous,
                    "order-1|" + sequence + "|io.ordo.domain.event.Noted|" + (revision == null ? "" : revision)
                            + "|2026-12-06T05:00:00.123456Z|",
                    payload,
                    metaData);
            byte[] stored = jdbc.sql(
                            "SELECT hash FROM domain_event_entry WHERE aggregate_identifier = 'order-1' AND sequence_number = :s")
                    .param("s", sequence)
                    .query(byte[].class)
                    .single();
            assertThat(stored).as("the hash of event %d", sequence).isEqualTo(expected);
            previous = stored;
        }
    }

    /**
     * The function is labelled as volatile as its body (STABLE), so PostgreSQL plans its body into the trigger's
     * expression and into verify's query instead of running it as a function of its own, planned again in every
     * transaction that stores an event.
     */
    @Test
    void the_hash_function_is_planned_into_the_query_that_calls_it() {
        List<String> plan = jdbc.sql(
                        "EXPLAIN (VERBOSE, COSTS OFF) SELECT ordo_event_hash(NULL, e) FROM domain_event_entry e")
                .query(String.class)
                .list();

        assertThat(String.join("\n", plan)).contains("sha256(").doesNotContain("ordo_event_hash(");
    }

    private static byte[] documentedHash(byte[] previous, String header, byte[] payload, byte[] metaData)
            throws Exception {
        var bytes = new ByteArrayOutputStream();
        if (previous != null) {
            bytes.write(previous);
        }
        bytes.write(header.getBytes(StandardCharsets.UTF_8));
        bytes.write(ByteBuffer.allocate(4).putInt(payload.length).array());
        bytes.write(payload);
        bytes.write(ByteBuffer.allocate(4)
                .putInt(metaData == null ? -1 : metaData.length)
                .array());
        if (metaData != null) {
            bytes.write(metaData);
        }
        return MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray());
    }
}

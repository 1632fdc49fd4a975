package io.ordo.projections.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.adapters.persistence.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The pointer of a projection as queries read it, on real PostgreSQL. */
class ProjectionSlotsTest {

    private final JdbcClient jdbc = JdbcClient.create(TestDatabase.newMigratedDataSource("slots"));
    private final ProjectionSlots slots = new ProjectionSlots(jdbc);

    /**
     * A read through the pointer answers from the set the pointer names in the same statement, also right after a
     * flip this node has not seen yet, and tells a missing row from a moved pointer.
     */
    @Test
    void a_read_answers_from_the_active_set_also_after_a_flip() {
        for (String slot : new String[] {"blue", "green"}) {
            jdbc.sql("CREATE TABLE probe_" + slot + " (id INT PRIMARY KEY, value TEXT)")
                    .update();
            jdbc.sql("INSERT INTO probe_" + slot + " VALUES (1, '" + slot + " row')")
                    .update();
        }
        jdbc.sql("INSERT INTO projection_slot (name, active_slot) VALUES ('probe', 'blue')")
                .update();

        assertThat(read(1)).contains("blue row");
        assertThat(read(2)).isEmpty();

        jdbc.sql("UPDATE projection_slot SET active_slot = 'green' WHERE name = 'probe'")
                .update();

        assertThat(read(1)).as("after the flip").contains("green row");
        assertThat(read(2)).isEmpty();
    }

    private java.util.Optional<String> read(int id) {
        return slots.readActive(
                "probe", "probe", "SELECT value FROM %s WHERE id = :id", Map.of("id", id), String.class);
    }
}

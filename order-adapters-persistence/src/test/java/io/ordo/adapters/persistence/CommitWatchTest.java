package io.ordo.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.adapters.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The wake-up check of the streaming projections, against real PostgreSQL. */
class CommitWatchTest {

    private final DataSource dataSource = TestDatabase.newMigratedDataSource("commitwatch");
    private final JdbcClient jdbc = JdbcClient.create(dataSource);

    @Test
    void says_yes_when_a_write_transaction_ended_since_the_last_look_and_no_otherwise() throws Exception {
        jdbc.sql("CREATE TABLE watch_probe (n int)").update();
        try (var watch = new CommitWatch(dataSource)) {
            assertThat(watch.getAsBoolean()).as("the first look").isTrue();
            assertThat(watch.getAsBoolean()).as("nothing written since").isFalse();
            jdbc.sql("SELECT count(*) FROM watch_probe").query(Long.class).single();
            assertThat(watch.getAsBoolean()).as("a read only").isFalse();

            jdbc.sql("INSERT INTO watch_probe VALUES (1)").update();
            assertThat(watch.getAsBoolean()).as("a write committed").isTrue();
            assertThat(watch.getAsBoolean()).isFalse();

            // a write that commits after a later one: the event in a gap
            try (Connection other = dataSource.getConnection();
                    Statement statement = other.createStatement()) {
                other.setAutoCommit(false);
                statement.executeUpdate("INSERT INTO watch_probe VALUES (2)");
                assertThat(watch.getAsBoolean())
                        .as("a write under way: nothing to read yet")
                        .isFalse();
                jdbc.sql("INSERT INTO watch_probe VALUES (3)").update();
                assertThat(watch.getAsBoolean())
                        .as("a later write committed first")
                        .isTrue();
                assertThat(watch.getAsBoolean()).isFalse();
                other.commit();
            }
            assertThat(watch.getAsBoolean()).as("the write under way committed").isTrue();
        }
    }

    @Test
    void says_yes_when_the_database_cannot_be_asked() {
        try (var watch = new CommitWatch(new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none", "x", "y"))) {
            assertThat(watch.getAsBoolean()).isTrue();
            assertThat(watch.getAsBoolean()).isTrue();
        }
    }
}

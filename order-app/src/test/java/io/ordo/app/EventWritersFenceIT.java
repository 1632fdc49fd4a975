package io.ordo.app;

import static io.ordo.app.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.app.support.Http;
import io.ordo.app.support.OrdoIntegrationTest;
import io.ordo.projections.rebuild.ProjectionReplays;
import io.ordo.projections.store.ProjectionSlots;
import java.sql.Connection;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The fence between commands and a projection's pointer change (ADR 0019): the projections in a command's
 * transaction read their pointers without a row lock, so a rebuild's start and a flip must wait for every
 * transaction that stored an event, and a command must wait at its event while a pointer changes.
 */
@OrdoIntegrationTest
@TestPropertySource(properties = "ordo.test.database=fence")
class EventWritersFenceIT {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProjectionReplays replays;

    @Test
    void a_rebuild_starts_only_after_the_transactions_that_stored_events() throws Exception {
        var admin = new Http(port, "admin");
        String id = newOrder(admin, "Fenced");
        CompletableFuture<Void> start;
        try (Connection writer = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            // an event stored, its transaction still open, as a command's is while its projections run
            try (var insert = writer.prepareStatement("""
                    INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                                                    time_stamp, payload_type, payload, meta_data)
                    VALUES (?, ?, 0, 'Order', '2026-12-06T00:00:00Z', 'io.ordo.Fence', '{}'::bytea, '{}'::bytea)""")) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, UUID.randomUUID().toString());
                insert.executeUpdate();
            }
            start = CompletableFuture.runAsync(() -> replays.startReplay("order-timeline"));
            Thread.sleep(1_000);
            assertThat(start).as("the start waits for the open transaction").isNotDone();
            assertThat(replaying()).isNull();
            writer.rollback();
        }
        start.get(30, TimeUnit.SECONDS);
        assertThat(replaying()).as("the rebuild started once it ended").isNotNull();
        eventually(this::replaying, slot -> slot == null);
        assertThat(admin.get("/api/orders/" + id + "/timeline").json()).hasSize(1);
    }

    @Test
    void a_command_waits_at_its_event_while_a_pointer_changes() throws Exception {
        var admin = new Http(port, "admin");
        String id = newOrder(admin, "Held");
        CompletableFuture<Http.Answer> move;
        try (Connection change = dataSource.getConnection()) {
            change.setAutoCommit(false);
            try (var lock = change.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, ProjectionSlots.EVENT_WRITERS);
                lock.executeQuery().close();
            }
            move = CompletableFuture.supplyAsync(
                    () -> admin.post("/api/orders/" + id + "/status", "{\"status\": \"pending\"}"));
            Thread.sleep(1_000);
            assertThat(move).as("the command waits for the pointer change").isNotDone();
            change.commit();
        }
        var moved = move.get(30, TimeUnit.SECONDS);
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().get("status").asText()).isEqualTo("pending");
    }

    private static String newOrder(Http admin, String customer) {
        return admin.post("/api/orders", OrderFlowIT.standardOrder(customer))
                .json()
                .get("id")
                .asText();
    }

    private String replaying() {
        return jdbc.sql("SELECT replaying_slot FROM projection_slot WHERE name = 'order-timeline'")
                .query((rs, row) -> rs.getString(1))
                .list()
                .get(0);
    }
}

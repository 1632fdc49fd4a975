package io.ordo.app;

import static io.ordo.app.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.adapters.persistence.testing.TestDatabase;
import io.ordo.app.support.Http;
import io.ordo.app.support.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.Driver;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Two Ordo nodes (two application contexts on their own ports, distinct token-store node ids) on one
 * PostgreSQL: commands racing on one order from both are applied one after the other or refused cleanly, never
 * lost or doubled, and each node shows the other's writes on an immediate read.
 */
class TwoNodesIT {

    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;
    static JdbcClient jdbc;

    @BeforeAll
    static void startTwoNodes() {
        var server = TestDatabase.server();
        String url = TestDatabase.newDatabase("two_nodes");
        jdbc = JdbcClient.create(new SimpleDriverDataSource(new Driver(), url, server.user(), server.password()));
        nodeA = Node.start(url, server, "node-a");
        nodeB = Node.start(url, server, "node-b");
    }

    @AfterAll
    static void stop() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
    }

    static Http as(ConfigurableApplicationContext node, String user) {
        return new Http(Node.port(node), user);
    }

    @Test
    void fifty_racing_commands_from_two_nodes_are_all_accounted_for() throws Exception {
        var a = as(nodeA, "agent");
        var b = as(nodeB, "agent");
        String id = a.post("/api/orders", OrderFlowIT.standardOrder("Raced"))
                .json()
                .get("id")
                .asText();

        var pool = Executors.newFixedThreadPool(16);
        var go = new CountDownLatch(1);
        List<Future<Http.Answer>> futures = new ArrayList<>();
        String[] statuses = {"pending", "confirmed", "shipped", "delivered"};
        for (int i = 0; i < 50; i++) {
            Http node = i % 2 == 0 ? a : b;
            int n = i;
            Callable<Http.Answer> call = () -> {
                go.await();
                return n % 5 == 0
                        ? node.post("/api/orders/" + id + "/status", "{\"status\": \"" + statuses[(n / 5) % 4] + "\"}")
                        : node.post("/api/orders/" + id + "/notes", "{\"text\": \"note " + n + "\"}");
            };
            futures.add(pool.submit(call));
        }
        go.countDown();
        int succeeded = 0;
        var codes = new ArrayList<Integer>();
        for (var future : futures) {
            var answer = future.get();
            codes.add(answer.status());
            assertThat(answer.status()).as(answer.toString()).isIn(200, 201, 409);
            if (answer.status() == 409) {
                assertThat(answer.json().get("code").asText()).isIn("INVALID_TRANSITION", "CONCURRENT_MODIFICATION");
            } else {
                succeeded++;
            }
        }
        pool.shutdown();

        List<Long> sequences = jdbc.sql("""
                        SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = :id ORDER BY sequence_number""").param("id", id).query(Long.class).list();
        assertThat(sequences)
                .as("one event per successful answer, plus the creation")
                .hasSize(succeeded + 1);
        for (int i = 0; i < sequences.size(); i++) {
            assertThat(sequences.get(i)).isEqualTo((long) i);
        }
        assertThat(codes).doesNotContain(500, 503);

        long version = sequences.size() - 1;
        assertThat(as(nodeA, "agent")
                        .get("/api/orders/" + id)
                        .json()
                        .get("version")
                        .asLong())
                .isEqualTo(version);
        assertThat(as(nodeB, "agent")
                        .get("/api/orders/" + id)
                        .json()
                        .get("version")
                        .asLong())
                .isEqualTo(version);
        assertThat(as(nodeB, "agent").get("/api/orders/" + id + "/notes").json().size())
                .isEqualTo(as(nodeA, "agent")
                        .get("/api/orders/" + id + "/notes")
                        .json()
                        .size());
        var listed = eventually(
                () -> as(nodeB, "agent").get("/api/orders?q=Raced&active=all").json(),
                page -> page.get("items").size() == 1
                        && page.get("items").get(0).get("version").asLong() == version);
        assertThat(listed.get("items").get(0).get("version").asLong())
                .as("the list caught up on both")
                .isEqualTo(version);
    }

    @Test
    void each_node_shows_the_others_writes_at_once() {
        var a = as(nodeA, "manager");
        var b = as(nodeB, "manager");
        String id = a.post("/api/orders", OrderFlowIT.standardOrder("Seen everywhere"))
                .json()
                .get("id")
                .asText();
        assertThat(b.get("/api/orders/" + id).status()).isEqualTo(200);
        var moved = b.post("/api/orders/" + id + "/status", "{\"status\": \"pending\"}");
        assertThat(moved.status()).isEqualTo(200);
        assertThat(a.get("/api/orders/" + id).json().get("status").asText()).isEqualTo("pending");
        assertThat(a.get("/api/orders/" + id + "/timeline").json()).hasSize(2);
        assertThat(a.post("/api/orders/" + id + "/notes", "{\"text\": \"from A\"}")
                        .status())
                .isEqualTo(201);
        assertThat(b.get("/api/orders/" + id + "/notes")
                        .json()
                        .get(0)
                        .get("text")
                        .asText())
                .isEqualTo("from A");
        assertThat(b.get("/api/orders/" + id + "/events").json().get("items")).hasSize(3);
        var stale = a.post("/api/orders/" + id + "/status", "{\"status\": \"confirmed\"}", "\"1\"");
        assertThat(stale.status()).as("B's note moved the version on").isEqualTo(412);
    }

    /**
     * Each node keeps the aggregates of its last commands in memory; a node must never decide on the order as it
     * cached it when the other node has moved it since (here every move is valid only from the state the other node
     * left, and a stale aggregate would refuse it as an invalid transition).
     */
    @Test
    void a_node_decides_on_the_order_as_the_other_node_left_it() {
        var a = as(nodeA, "manager");
        var b = as(nodeB, "manager");
        String id = a.post("/api/orders", OrderFlowIT.standardOrder("Ping pong"))
                .json()
                .get("id")
                .asText();
        String[] statuses = {"pending", "confirmed", "shipped", "delivered"};
        for (int i = 0; i < statuses.length; i++) {
            Http node = i % 2 == 0 ? a : b;
            var moved = i % 2 == 0
                    ? node.post(
                            "/api/orders/" + id + "/status", "{\"status\": \"" + statuses[i] + "\"}", "\"" + i + "\"")
                    : node.post("/api/orders/" + id + "/status", "{\"status\": \"" + statuses[i] + "\"}");
            assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
            assertThat(moved.json().get("version").asLong()).isEqualTo(i + 1);
        }
        // A last saw the order shipped, when notes were open; B delivered it, which closes the discussion
        var late = a.post("/api/orders/" + id + "/notes", "{\"text\": \"after B's delivery\"}");
        assertThat(late.status()).as(late.toString()).isEqualTo(409);
        assertThat(late.json().get("code").asText()).isEqualTo("DISCUSSION_CLOSED");
        assertThat(b.get("/api/orders/" + id).json().get("version").asLong()).isEqualTo(4);
    }
}

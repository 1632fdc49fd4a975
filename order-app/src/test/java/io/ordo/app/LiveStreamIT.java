package io.ordo.app;

import static io.ordo.app.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.adapters.persistence.testing.TestDatabase;
import io.ordo.app.support.Http;
import io.ordo.app.support.Node;
import io.ordo.app.support.SseClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The live stream on two nodes over one database: a change made on node B reaches a stream on node A within a
 * second; a client that misses changes and comes back with Last-Event-ID gets exactly those, then live ones; no
 * other tenant's or other agent's order ever shows.
 */
class LiveStreamIT {

    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodes() {
        var server = TestDatabase.server();
        String url = TestDatabase.newDatabase("live_stream");
        nodeA = Node.start(url, server, "stream-a", "--ordo.stream.keep-alive=500ms");
        nodeB = Node.start(url, server, "stream-b", "--ordo.stream.keep-alive=500ms");
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

    static String create(Http as, String name) {
        var created = as.post("/api/orders", OrderFlowIT.standardOrder(name));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    @Test
    void changes_on_one_node_reach_the_other_within_a_second_and_a_resume_gets_exactly_what_was_missed()
            throws Exception {
        var onB = new Http(Node.port(nodeB), "agent");
        var otherAgent = onB.as("agent2");
        var otherTenant = onB.as("globex-admin");
        var stream = SseClient.open(Node.port(nodeA), "agent", null);
        assertThat(stream.status()).isEqualTo(200);
        Thread.sleep(300); // the stream is open before the first change

        long before = System.nanoTime();
        String mine = create(onB, "Streamed");
        SseClient.Event created = stream.next(Duration.ofSeconds(5));
        long tookMillis = (System.nanoTime() - before) / 1_000_000;
        assertThat(created).isNotNull();
        assertThat(created.name()).isEqualTo("OrderCreated");
        assertThat(created.data().get("orderId").asText()).isEqualTo(mine);
        assertThat(created.data().get("status").asText()).isEqualTo("draft");
        assertThat(created.data().get("by").asText()).isEqualTo("agent");
        assertThat(tookMillis).as("from node B's answer to node A's stream").isLessThan(1000);

        stream.close();
        var missed = new ArrayList<Integer>();
        for (int i = 0; i < 20; i++) {
            assertThat(onB.post("/api/orders/" + mine + "/notes", "{\"text\": \"note " + i + "\"}")
                            .status())
                    .isEqualTo(201);
            missed.add(i + 1);
            if (i % 5 == 0) {
                create(otherAgent, "Not yours");
                create(otherTenant, "Other tenant");
            }
        }

        try (var resumed = SseClient.open(Node.port(nodeA), "agent", created.id())) {
            List<SseClient.Event> replayed = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                var event = resumed.next(Duration.ofSeconds(5));
                assertThat(event).as("missed event %d", i).isNotNull();
                replayed.add(event);
            }
            assertThat(replayed)
                    .extracting(e -> e.data().get("orderId").asText())
                    .containsOnly(mine);
            assertThat(replayed)
                    .extracting(e -> e.data().get("sequence").asInt())
                    .containsExactlyElementsOf(missed);
            assertThat(replayed).extracting(SseClient.Event::name).containsOnly("DiscussionNoteAdded");
            assertThat(replayed).extracting(SseClient.Event::id).isSorted();

            create(otherAgent, "Still not yours");
            assertThat(onB.post("/api/orders/" + mine + "/status", "{\"status\": \"pending\"}")
                            .status())
                    .isEqualTo(200);
            var live = resumed.next(Duration.ofSeconds(5));
            assertThat(live).isNotNull();
            assertThat(live.name()).isEqualTo("OrderStatusChanged");
            assertThat(live.data().get("status").asText()).isEqualTo("pending");
            assertThat(resumed.drain(Duration.ofMillis(1500)))
                    .as("nothing else, nobody else's")
                    .isEmpty();
            assertThat(resumed.comments()).as("keep-alive comments").isPositive();
        }
    }

    @Test
    void a_user_may_have_five_streams_open_and_the_sixth_is_429() throws Exception {
        var streams = new ArrayList<SseClient>();
        try {
            for (int i = 0; i < 5; i++) {
                var stream = SseClient.open(Node.port(nodeA), "viewer", null);
                assertThat(stream.status()).isEqualTo(200);
                streams.add(stream);
            }
            var sixth = new Http(Node.port(nodeA), "viewer").get("/api/orders/stream");
            assertThat(sixth.status()).isEqualTo(429);
            assertThat(sixth.json().get("code").asText()).isEqualTo("RATE_LIMITED");
            assertThat(sixth.header("Retry-After")).isPresent();
            assertThat(new Http(Node.port(nodeA), "ops")
                            .get("/api/orders/stream")
                            .status())
                    .isEqualTo(403);

            streams.remove(0).close();
            int again = eventually(
                    () -> {
                        var attempt = SseClient.open(Node.port(nodeA), "viewer", null);
                        if (attempt.status() == 200) {
                            streams.add(attempt);
                        } else {
                            attempt.close();
                        }
                        return attempt.status();
                    },
                    status -> status == 200,
                    Duration.ofSeconds(10));
            assertThat(again).as("a closed stream frees its place").isEqualTo(200);
        } finally {
            streams.forEach(SseClient::close);
        }
    }
}

package io.ordo.app;

import static io.ordo.app.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.app.support.Http;
import io.ordo.app.support.OrdoIntegrationTest;
import io.ordo.app.support.OwnService;
import io.ordo.projections.Projection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Assignment: an order is its creator's until a manager gives it to another agent; then it leaves the old agent's
 * list and detail and appears in the new one's, and its events say who gave it and why. A bulk move gives every
 * open order of one agent to another, each in a transaction of its own.
 */
@OrdoIntegrationTest
class AssignmentIT {

    @LocalServerPort
    int port;

    private String create(Http as, String customer) {
        var created = as.post("/api/orders", OrderFlowIT.standardOrder(customer));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static List<String> listed(Http as, String query) {
        return StreamSupport.stream(
                        as.get("/api/orders?active=all&limit=100&" + query)
                                .json()
                                .get("items")
                                .spliterator(),
                        false)
                .map(order -> order.get("id").asText())
                .toList();
    }

    @Test
    void a_reassigned_order_leaves_the_old_agents_list_and_detail_and_its_events_say_who_and_why() {
        var agent = new Http(port, "agent");
        var agent2 = agent.as("agent2");
        var manager = agent.as("manager");
        String id = create(agent, "Assigned Away");
        assertThat(agent.get("/api/orders/" + id).json().get("assignee").asText())
                .as("the creator first")
                .isEqualTo("agent");

        var assigned = manager.post("/api/orders/" + id + "/assign", """
                {"assignee": "agent2", "reason": "agent on leave"}""");

        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        assertThat(assigned.json().get("assignee").asText()).isEqualTo("agent2");
        assertThat(assigned.header("ETag")).contains("\"1\"");
        assertThat(agent.get("/api/orders/" + id).status()).isEqualTo(404);
        assertThat(agent2.get("/api/orders/" + id).status()).isEqualTo(200);
        eventually(() -> listed(agent2, "q=Assigned%20Away"), ids -> ids.contains(id));
        assertThat(listed(agent, "q=Assigned%20Away")).doesNotContain(id);
        assertThat(listed(manager, "assignee=agent2&q=Assigned%20Away")).containsExactly(id);
        assertThat(listed(manager, "assignee=agent&q=Assigned%20Away")).isEmpty();
        JsonNode last = null;
        for (JsonNode event :
                manager.get("/api/orders/" + id + "/events").json().get("items")) {
            last = event;
        }
        assertThat(last.get("type").asText()).isEqualTo("OrderReassigned");
        assertThat(last.get("by").asText()).isEqualTo("manager");
        assertThat(last.at("/payload/from").asText()).isEqualTo("agent");
        assertThat(last.at("/payload/to").asText()).isEqualTo("agent2");
        assertThat(last.at("/payload/reason").asText()).isEqualTo("agent on leave");
    }

    @Test
    void only_admins_and_managers_assign_and_a_location_manager_only_its_locations_orders() {
        var agent = new Http(port, "agent");
        String id = create(agent, "Assign Rights");
        String body = "{\"assignee\": \"agent2\"}";
        assertThat(agent.post("/api/orders/" + id + "/assign", body).status()).isEqualTo(403);
        assertThat(agent.as("viewer")
                        .post("/api/orders/" + id + "/assign", body)
                        .status())
                .isEqualTo(403);
        assertThat(agent.as("manager-north")
                        .post("/api/orders/" + id + "/assign", body)
                        .status())
                .as("an order outside the manager's location is not there for it")
                .isEqualTo(404);
        assertThat(agent.as("manager")
                        .post("/api/orders/" + id + "/assign", "{\"assignee\": \" \"}")
                        .status())
                .isEqualTo(400);
        assertThat(agent.as("manager")
                        .post("/api/orders/reassign", "{\"to\": \"agent2\"}")
                        .status())
                .isEqualTo(400);
        assertThat(agent.post("/api/orders/reassign", "{\"from\": \"agent2\", \"to\": \"agent\"}")
                        .status())
                .isEqualTo(403);
        assertThat(agent.as("ops")
                        .post("/api/orders/reassign", "{\"from\": \"agent2\", \"to\": \"agent\"}")
                        .status())
                .isEqualTo(403);
        assertThat(agent.get("/api/orders/" + id).json().get("version").asLong())
                .as("no refusal stored anything")
                .isZero();
    }

    @Test
    void a_bulk_move_gives_every_open_order_of_an_agent_each_in_its_own_transaction() throws Exception {
        // a service of its own: every open order of agent is one this test made
        try (var service = OwnService.start("bulk-assign")) {
            var agent = new Http(service.httpPort(), "agent");
            var manager = agent.as("manager");
            var mine = new ArrayList<String>();
            for (int i = 0; i < 30; i++) {
                mine.add(create(agent, "Bulk Move " + i));
            }
            String cancelled = mine.get(0);
            assertThat(agent.post("/api/orders/" + cancelled + "/cancel", "{\"reason\": \"no longer wanted\"}")
                            .status())
                    .isEqualTo(200);
            String agent2Own = create(agent.as("agent2"), "Bulk Stays");
            // the list names the orders to move; held, it has not seen the last order when the move is asked for
            var list = service.app()
                    .getBean(EventProcessingConfiguration.class)
                    .eventProcessor(Projection.STREAMING_PROCESSOR, StreamingEventProcessor.class)
                    .orElseThrow();
            list.shutDown();
            CompletableFuture<Http.Answer> moving;
            try {
                mine.add(create(agent, "Bulk Move Late"));
                moving = CompletableFuture.supplyAsync(() -> manager.post("/api/orders/reassign", """
                        {"from": "agent", "to": "agent2", "reason": "agent left"}"""));
                Thread.sleep(500);
                assertThat(moving).as("the move waits for the list").isNotDone();
            } finally {
                list.start();
            }
            var moved = moving.get(30, TimeUnit.SECONDS);

            assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
            assertThat(moved.json().get("reassigned").asLong())
                    .as("every open order stored before the move, the last one too")
                    .isEqualTo(30);
            for (String id : mine.subList(1, mine.size())) {
                assertThat(agent.get("/api/orders/" + id).status()).isEqualTo(404);
                assertThat(agent.as("agent2")
                                .get("/api/orders/" + id)
                                .json()
                                .get("assignee")
                                .asText())
                        .isEqualTo("agent2");
            }
            assertThat(manager.get("/api/orders/" + cancelled)
                            .json()
                            .get("assignee")
                            .asText())
                    .as("a closed order stays where it was")
                    .isEqualTo("agent");
            assertThat(manager.get("/api/orders/" + agent2Own)
                            .json()
                            .get("version")
                            .asLong())
                    .as("another agent's order is untouched")
                    .isZero();
            var jdbc = service.app().getBean(JdbcClient.class);
            long transactions = jdbc.sql("""
                            SELECT count(DISTINCT xmin::text) FROM domain_event_entry
                            WHERE payload_type LIKE '%.OrderReassigned'""").query(Long.class).single();
            assertThat(transactions).as("one transaction per order").isEqualTo(30);
            assertThat(manager.post("/api/orders/reassign", "{\"from\": \"agent\", \"to\": \"agent2\"}")
                            .json()
                            .get("reassigned")
                            .asLong())
                    .as("nothing left to move")
                    .isZero();
        }
    }
}

package io.ordo.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.app.support.Http;
import io.ordo.app.support.OrdoIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Writers racing on one order with the same If-Match: one wins, every other hears 412, none 409 or 5xx. */
@OrdoIntegrationTest
class RacingWritersIT {

    private static final int WRITERS = 8;

    @LocalServerPort
    int port;

    @Test
    void of_writers_racing_with_one_if_match_one_wins_and_the_others_hear_412() throws Exception {
        var agent = new Http(port, "agent");
        for (int round = 0; round < 5; round++) {
            var created = agent.post("/api/orders", OrderFlowIT.standardOrder("Race " + round));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String id = created.json().get("id").asText();
            var start = new CountDownLatch(1);
            var pool = Executors.newFixedThreadPool(WRITERS);
            try {
                List<Future<Http.Answer>> answers = new ArrayList<>();
                for (int i = 0; i < WRITERS; i++) {
                    String body = "{\"description\": \"writer %d\"}".formatted(i);
                    answers.add(pool.submit(() -> {
                        start.await();
                        return agent.patch("/api/orders/" + id, body, "\"0\"");
                    }));
                }
                start.countDown();
                var statuses = new ArrayList<Integer>();
                for (var answer : answers) {
                    var a = answer.get();
                    statuses.add(a.status());
                    if (a.status() != 200) {
                        assertThat(a.json().get("code").asText())
                                .as(a.toString())
                                .isEqualTo("PRECONDITION_FAILED");
                    }
                }
                assertThat(statuses).as("round " + round).containsOnly(200, 412);
                assertThat(statuses.stream().filter(s -> s == 200))
                        .as("round " + round)
                        .hasSize(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}

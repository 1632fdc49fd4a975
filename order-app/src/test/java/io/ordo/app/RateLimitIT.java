package io.ordo.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.app.support.Http;
import io.ordo.app.support.OwnService;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A user past the rate limit gets 429 RATE_LIMITED with Retry-After, writes nothing, and is let in again when
 * the bucket refills; other users are not affected. The service runs with a limit small enough to reach: 5 a
 * second after a burst of 10 (the default is 500 after 1,000).
 */
class RateLimitIT {

    @Test
    void a_user_past_the_limit_gets_429_with_retry_after_writes_nothing_and_others_go_on() throws Exception {
        try (var service = OwnService.start(
                "rate-limit",
                "--ordo.node-id=rate-limit",
                "--ordo.rate-limit.per-second=5",
                "--ordo.rate-limit.burst=10")) {
            int httpPort = service.httpPort();
            var agent = new Http(httpPort, "agent");
            var manager = new Http(httpPort, "manager");
            for (int i = 0; i < 10; i++) {
                assertThat(agent.get("/api/workflows/standard").status())
                        .as("request %d of the burst", i)
                        .isEqualTo(200);
            }
            var refused = agent.post("/api/orders", OrderFlowIT.standardOrder("Rate Limited Buyer"));
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("code").asText()).isEqualTo("RATE_LIMITED");
            assertThat(Integer.parseInt(refused.header("Retry-After").orElseThrow()))
                    .isBetween(1, 2);

            var others = manager.get("/api/orders?q=Rate%20Limited%20Buyer");
            assertThat(others.status()).as("another user's bucket is their own").isEqualTo(200);
            assertThat(others.json().get("items"))
                    .as("the refused create wrote nothing")
                    .isEmpty();
            assertThat(service.app()
                            .getBean(JdbcClient.class)
                            .sql("SELECT count(*) FROM domain_event_entry")
                            .query(Long.class)
                            .single())
                    .isZero();

            Thread.sleep(1_100); // 5.5 tokens at 5 a second
            var created = agent.post("/api/orders", OrderFlowIT.standardOrder("Rate Limited Buyer"));
            assertThat(created.status())
                    .as("let in again once the bucket refilled")
                    .isEqualTo(201);
        }
    }
}

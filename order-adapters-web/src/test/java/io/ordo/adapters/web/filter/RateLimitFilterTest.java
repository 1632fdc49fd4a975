package io.ordo.adapters.web.filter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ordo.adapters.web.security.OrdoPrincipal;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** A user past the rate gets 429 RATE_LIMITED with Retry-After; the bucket refills with time and is per user. */
class RateLimitFilterTest {

    /** As the service has it: problem details with their properties (code) at the top level. */
    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final AtomicInteger passed = new AtomicInteger();
    private final RateLimitFilter filter = new RateLimitFilter(2, 3, JSON, now::get);

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_burst_passes_and_the_next_request_is_refused_with_retry_after() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(send("acme", "agent", "/api/orders").getStatus())
                    .as("request %d of the burst", i)
                    .isEqualTo(200);
        }
        var refused = send("acme", "agent", "/api/orders");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        var problem = new ObjectMapper().readTree(refused.getContentAsString());
        assertThat(problem.get("code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(passed)
                .as("the refused request never reached the controllers")
                .hasValue(3);
    }

    @Test
    void the_bucket_refills_at_the_rate() throws Exception {
        for (int i = 0; i < 3; i++) {
            send("acme", "agent", "/api/orders");
        }
        now.addAndGet(499_000_000L); // 0.998 of a token at 2 a second
        assertThat(send("acme", "agent", "/api/orders").getStatus()).isEqualTo(429);
        now.addAndGet(2_000_000L);
        assertThat(send("acme", "agent", "/api/orders").getStatus()).isEqualTo(200);
        assertThat(send("acme", "agent", "/api/orders").getStatus()).isEqualTo(429);
        now.addAndGet(10_000_000_000L); // idle: the bucket fills up to the burst, not beyond
        for (int i = 0; i < 3; i++) {
            assertThat(send("acme", "agent", "/api/orders").getStatus()).isEqualTo(200);
        }
        assertThat(send("acme", "agent", "/api/orders").getStatus()).isEqualTo(429);
    }

    @Test
    void each_user_of_each_tenant_has_a_bucket_of_their_own() throws Exception {
        for (int i = 0; i < 3; i++) {
            send("acme", "agent", "/api/orders");
        }
        assertThat(send("acme", "agent", "/api/orders").getStatus()).isEqualTo(429);
        assertThat(send("acme", "agent2", "/api/orders").getStatus()).isEqualTo(200);
        assertThat(send("globex", "agent", "/api/orders").getStatus()).isEqualTo(200);
    }

    @Test
    void the_wait_is_rounded_up_to_whole_seconds() throws Exception {
        var slow = new RateLimitFilter(0.25, 1, JSON, now::get);
        assertThat(send(slow, "acme", "agent", "/api/orders").getStatus()).isEqualTo(200);
        now.addAndGet(500_000_000L); // 3.5 s to wait
        assertThat(send(slow, "acme", "agent", "/api/orders").getHeader("Retry-After"))
                .isEqualTo("4");
    }

    @Test
    void requests_without_an_ordo_user_or_outside_the_api_are_not_counted() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(send(null, null, "/api/orders").getStatus())
                    .as("security answers these")
                    .isEqualTo(200);
            assertThat(send("acme", "agent", "/actuator/health").getStatus()).isEqualTo(200);
        }
        assertThat(send("acme", "agent", "/api/orders").getStatus()).isEqualTo(200);
    }

    private MockHttpServletResponse send(String tenant, String user, String path) throws Exception {
        return send(filter, tenant, user, path);
    }

    private MockHttpServletResponse send(RateLimitFilter filter, String tenant, String user, String path)
            throws Exception {
        SecurityContextHolder.clearContext();
        if (user != null) {
            var principal = new OrdoPrincipal(user, tenant, Set.of("agent"), null, null, null);
            SecurityContextHolder.getContext()
                    .setAuthentication(
                            new UsernamePasswordAuthenticationToken(principal, null, principal.getAuthorities()));
        }
        var request = new MockHttpServletRequest("GET", path);
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> {
            passed.incrementAndGet();
            ((MockHttpServletResponse) res).setStatus(200);
        });
        return response;
    }
}

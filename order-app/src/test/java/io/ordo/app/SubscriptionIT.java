package io.ordo.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.app.support.Http;
import io.ordo.app.support.OrdoIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Subscriptions as a tenant admin manages them, and the guard that keeps them off private networks. */
@OrdoIntegrationTest
class SubscriptionIT {

    @LocalServerPort
    int port;

    @Test
    void a_url_on_loopback_or_a_private_network_or_not_http_is_refused_without_the_escape() {
        var admin = new Http(port, "admin");
        for (String url : java.util.List.of(
                "http://127.0.0.1:9/hooks",
                "http://localhost/hooks",
                "http://10.0.0.8/hooks",
                "http://169.254.169.254/latest/meta-data",
                "http://[::1]/hooks",
                "ftp://example.com/hooks",
                "file:///etc/passwd")) {
            var refused = admin.post("/api/subscriptions", NotificationIT.subscription(url));
            assertThat(refused.status()).as(url + ": " + refused).isEqualTo(400);
            assertThat(refused.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
            assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo("url");
        }
        assertThat(admin.get("/api/subscriptions").json()).isEmpty();
    }

    @Test
    void only_an_admin_manages_subscriptions_and_unknown_ones_are_404() {
        var agent = new Http(port, "agent");
        assertThat(agent.get("/api/subscriptions").status()).isEqualTo(403);
        var admin = new Http(port, "admin");
        assertThat(admin.delete("/api/subscriptions/9b2f7c1e-0000-4000-8000-000000000000")
                        .status())
                .isEqualTo(404);
        assertThat(admin.get("/api/subscriptions/not-an-id/deliveries").status())
                .isEqualTo(404);
        var badEvents = admin.post("/api/subscriptions", """
                {"url": "https://93.184.216.34/hooks", "secret": "%s", "events": ["OrderTeleported"]}""".formatted(NotificationIT.SECRET));
        assertThat(badEvents.status()).isEqualTo(400);
        assertThat(badEvents.json().at("/errors/0/field").asText()).isEqualTo("events[0]");
    }
}

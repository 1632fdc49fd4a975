package io.ordo.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ordo.app.support.Browser;
import io.ordo.app.support.OrdoIntegrationTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console's single sign-on where Ordo takes JWT bearer tokens: the user goes to the identity provider (a small one
 * this test serves on localhost), comes back with a code, and the console exchanges it, proving its PKCE verifier,
 * for a token the API accepts. A code sent back with another state is refused.
 */
@OrdoIntegrationTest
class ConsoleSignOnIT {

    static final Map<String, String> CHALLENGES = new ConcurrentHashMap<>();
    static final HttpServer PROVIDER = provider();

    @DynamicPropertySource
    static void jwt(DynamicPropertyRegistry registry) {
        String base = "http://localhost:" + PROVIDER.getAddress().getPort();
        registry.add("ordo.jwt.jwk-set-uri", () -> base + "/jwks");
        registry.add("ordo.jwt.issuer-uri", () -> JwtIT.ISSUER);
        registry.add("ordo.console.oidc-client-id", () -> "ordo-console");
        registry.add("ordo.console.oidc-authorization-uri", () -> base + "/authorize");
        registry.add("ordo.console.oidc-token-uri", () -> base + "/token");
    }

    @LocalServerPort
    int port;

    @AfterAll
    static void stopProvider() {
        PROVIDER.stop(0);
    }

    /** Signs the user in at once (no form): redirects back with a code, remembering the PKCE challenge for it. */
    static HttpServer provider() {
        try {
            var server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext(
                    "/jwks", exchange -> answer(exchange, 200, new JWKSet(JwtIT.KEY.toPublicJWK()).toString()));
            server.createContext("/authorize", exchange -> {
                Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
                String code = "code-" + System.nanoTime();
                if (!"ordo-console".equals(query.get("client_id"))
                        || !"S256".equals(query.get("code_challenge_method"))) {
                    answer(exchange, 400, "{\"error\": \"invalid_request\"}");
                    return;
                }
                CHALLENGES.put(code, query.get("code_challenge"));
                exchange.getResponseHeaders()
                        .add(
                                "Location",
                                query.get("redirect_uri") + "?code=" + code + "&state="
                                        + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
            });
            server.createContext("/token", exchange -> {
                Map<String, String> body =
                        form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                String challenge = CHALLENGES.remove(body.getOrDefault("code", ""));
                if (challenge == null
                        || !"authorization_code".equals(body.get("grant_type"))
                        || !challenge.equals(s256(body.getOrDefault("code_verifier", "")))) {
                    answer(exchange, 400, "{\"error\": \"invalid_grant\"}");
                    return;
                }
                String token = JwtIT.token(
                        JwtIT.KEY,
                        JwtIT.ISSUER,
                        Instant.now().plusSeconds(600),
                        Map.of("sub", "sso-agent", "tenant", "acme", "roles", List.of("agent")));
                answer(exchange, 200, "{\"access_token\": \"" + token + "\", \"token_type\": \"Bearer\"}");
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> form(String encoded) {
        var fields = new HashMap<String, String>();
        if (encoded != null && !encoded.isEmpty()) {
            for (String pair : encoded.split("&")) {
                int eq = pair.indexOf('=');
                fields.put(
                        URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Test
    void a_user_signs_in_at_the_identity_provider_and_lands_where_they_were_going() throws Exception {
        try (var browser = Browser.start(port)) {
            browser.open("/orders?q=anything");

            browser.click("Sign in with single sign-on");

            browser.await(
                    () -> browser.driver().findElements(By.cssSelector("#session")).stream()
                            .anyMatch(s -> s.getText().contains("sso-agent · acme")),
                    "signed in as sso-agent");
            browser.awaitScreen();
            assertThat(browser.driver().getCurrentUrl()).endsWith("/orders?q=anything");
            assertThat(browser.field("Search").getAttribute("value")).isEqualTo("anything");

            browser.open("/sign-in?code=forged&state=not-ours");
            browser.await(
                    () -> browser.driver().findElements(By.cssSelector("main [role=alert]")).stream()
                            .anyMatch(a -> a.getText().contains("not started here")),
                    "the forged sign-in refused");
        }
    }
}

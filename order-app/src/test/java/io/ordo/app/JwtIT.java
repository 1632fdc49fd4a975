package io.ordo.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.ordo.app.support.OrdoIntegrationTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Production authentication: JWT bearer tokens, signed by a key this test makes and serves from its own
 * JWK set endpoint on localhost (no network). Valid tokens carry the caller; bad ones are 401 problems.
 */
@OrdoIntegrationTest
class JwtIT {

    static final String ISSUER = "https://id.example.test/";
    static final RSAKey KEY = generate("ordo-test");
    static final RSAKey STRANGER = generate("stranger");
    static final HttpServer JWKS = serve(new JWKSet(KEY.toPublicJWK()).toString());
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void jwt(DynamicPropertyRegistry registry) {
        registry.add(
                "ordo.jwt.jwk-set-uri",
                () -> "http://localhost:" + JWKS.getAddress().getPort() + "/jwks");
        registry.add("ordo.jwt.issuer-uri", () -> ISSUER);
    }

    @LocalServerPort
    int port;

    static RSAKey generate(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpServer serve(String jwks) {
        try {
            var server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/jwks", exchange -> {
                byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String token(RSAKey key, String issuer, Instant expires, Map<String, Object> claims) {
        try {
            var builder = new JWTClaimsSet.Builder()
                    .issuer(issuer)
                    .issueTime(new Date())
                    .expirationTime(Date.from(expires));
            claims.forEach(builder::claim);
            var jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    builder.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String valid(Map<String, Object> claims) {
        return token(KEY, ISSUER, Instant.now().plusSeconds(300), claims);
    }

    HttpResponse<String> call(String method, String path, String bearer, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static final String ORDER = """
            {"workflow": "standard", "customer": {"id": "cust-1", "name": "Token Holder"},
             "deliveryAddress": "1 Main St", "location": "%s"}""";

    @Test
    void a_valid_token_carries_user_tenant_and_roles() throws Exception {
        String agent = valid(Map.of("sub", "jwt-agent", "tenant", "acme", "roles", List.of("agent")));
        var created = call("POST", "/api/orders", agent, ORDER.formatted("north"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"createdBy\":\"jwt-agent\"");
        String id = created.body().replaceAll("^\\{\"id\":\"([^\"]+)\".*$", "$1");
        assertThat(call("GET", "/api/orders/" + id, agent, null).statusCode()).isEqualTo(200);

        String otherTenant = valid(Map.of("sub", "boss", "tenant", "globex", "roles", List.of("admin")));
        assertThat(call("GET", "/api/orders/" + id, otherTenant, null).statusCode())
                .isEqualTo(404);
        String viewer = valid(Map.of("sub", "v", "tenant", "acme", "roles", List.of("viewer")));
        assertThat(call("GET", "/api/orders/" + id, viewer, null).statusCode()).isEqualTo(200);
        assertThat(call("POST", "/api/orders", viewer, ORDER.formatted("north")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void a_location_claim_bounds_a_manager() throws Exception {
        String north = valid(Map.of("sub", "mn", "tenant", "acme", "roles", List.of("manager"), "location", "north"));
        assertThat(call("POST", "/api/orders", north, ORDER.formatted("south")).statusCode())
                .isEqualTo(403);
        var created = call("POST", "/api/orders", north, ORDER.formatted("north"));
        assertThat(created.statusCode()).isEqualTo(201);
    }

    @Test
    void expired_foreign_misissued_and_tenantless_tokens_are_401_problems() throws Exception {
        var claims = Map.<String, Object>of("sub", "a", "tenant", "acme", "roles", List.of("admin"));
        for (String bad : List.of(
                token(KEY, ISSUER, Instant.now().minusSeconds(3600), claims),
                token(KEY, "https://evil.example.test/", Instant.now().plusSeconds(300), claims),
                token(STRANGER, ISSUER, Instant.now().plusSeconds(300), claims),
                valid(Map.of("sub", "a", "roles", List.of("admin"))),
                "not-a-token")) {
            var answer = call("GET", "/api/orders", bad, null);
            assertThat(answer.statusCode()).as(bad).isEqualTo(401);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(answer.body()).contains("\"code\":\"UNAUTHENTICATED\"");
        }
        var basic = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/orders"))
                .header("Authorization", "Basic YWdlbnQ6ZGVtbw==")
                .build();
        assertThat(CLIENT.send(basic, HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("demo users are off when JWT is configured")
                .isEqualTo(401);
    }

    @Test
    void the_platform_operator_needs_no_tenant_but_sees_no_orders() throws Exception {
        String ops = valid(Map.of("sub", "ops", "roles", List.of("operator")));
        assertThat(call("GET", "/api/workflows", ops, null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/orders", ops, null).statusCode()).isEqualTo(403);
    }
}

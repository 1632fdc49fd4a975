package io.ordo.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.app.support.OrdoIntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests that never reach a controller (refused by Spring Security's firewall or by Tomcat itself) still get
 * problem+json with the contract's code and the security headers. Sent over a raw socket, because an HTTP
 * client library would refuse to send most of them.
 */
@OrdoIntegrationTest
class EdgeAnswersIT {

    private static final String AGENT = "Basic " + Base64.getEncoder().encodeToString("agent:demo".getBytes());

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "GET, /api/orders/%2e%2e, 404, NOT_FOUND",
        "GET, /api/orders/%2E%2E/x, 404, NOT_FOUND",
        "GET, /api/orders;x=1, 404, NOT_FOUND",
        "GET, //api/orders, 404, NOT_FOUND",
        "GET, /api/orders/%2f, 404, NOT_FOUND",
        "GET, /api/orders/not-a-uuid, 404, NOT_FOUND",
        "FOO, /api/orders, 405, METHOD_NOT_ALLOWED",
        "DELETE, /api/workflows, 405, METHOD_NOT_ALLOWED"
    })
    void refused_paths_and_methods_are_problems(String method, String path, int status, String code)
            throws IOException {
        var answer = send(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + AGENT
                + "\r\nConnection: close\r\n\r\n");
        assertProblem(answer, status, code);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"a control character in the path", "headers over Tomcat's limit"})
    void what_tomcat_refuses_itself_is_a_problem_too(String what) throws IOException {
        String request = what.startsWith("a control")
                ? "GET /api/orders/\u0001 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                : "GET /api/orders HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "x".repeat(20_000)
                        + "\r\nConnection: close\r\n\r\n";
        assertProblem(send(request), 400, "MALFORMED_REQUEST");
    }

    @Test
    void the_api_description_does_not_reflect_the_host_a_client_names() throws IOException {
        var answer = send("GET /v3/api-docs HTTP/1.1\r\nHost: evil.example:666\r\nConnection: close\r\n\r\n");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).doesNotContain("evil.example").contains("\"servers\":[{\"url\":\"/\"");
    }

    private static void assertProblem(RawAnswer answer, int status, String code) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.headers().get("content-type")).as(answer.toString()).startsWith("application/problem+json");
        assertThat(answer.headers().get("x-content-type-options"))
                .as(answer.toString())
                .isEqualTo("nosniff");
        assertThat(answer.body()).as(answer.toString()).contains("\"code\":\"" + code + "\"");
        if (status == 405) {
            assertThat(answer.headers()).as(answer.toString()).containsKey("allow");
        }
    }

    record RawAnswer(int status, Map<String, String> headers, String body) {}

    private RawAnswer send(String request) throws IOException {
        try (var socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String raw = new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8);
            int end = raw.indexOf("\r\n\r\n");
            String[] lines = raw.substring(0, end < 0 ? raw.length() : end).split("\r\n");
            var headers = new LinkedHashMap<String, String>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(
                            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).trim());
                }
            }
            return new RawAnswer(
                    Integer.parseInt(lines[0].split(" ")[1]), headers, end < 0 ? "" : raw.substring(end + 4));
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        var out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }
}

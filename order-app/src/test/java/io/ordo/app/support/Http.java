package io.ordo.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A small HTTP client for flow tests: calls the running app as a dashboard would, as a given demo user. */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final int port;
    private final String user;

    public Http(int port, String user) {
        this.port = port;
        this.user = user;
        ApiContract.prepare(port);
    }

    public int port() {
        return port;
    }

    public Http as(String otherUser) {
        return new Http(port, otherUser);
    }

    /** A call's answer: status, headers and the body as JSON (null when empty or not JSON). */
    public record Answer(int status, HttpHeaders headers, String text) {

        public JsonNode json() {
            try {
                return text == null || text.isEmpty() ? null : JSON.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text, e);
            }
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    private static Map<String, String> sentHeaders(HttpRequest request) {
        var headers = new LinkedHashMap<String, String>();
        request.headers().map().forEach((name, values) -> headers.put(name, String.join(",", values)));
        return headers;
    }

    public Answer get(String path) {
        return send("GET", path, null, null);
    }

    public Answer put(String path, String json) {
        return send("PUT", path, json, null);
    }

    public Answer delete(String path) {
        return send("DELETE", path, null, null);
    }

    public Answer post(String path, String json) {
        return send("POST", path, json, null);
    }

    public Answer patch(String path, String json, String ifMatch) {
        return send("PATCH", path, json, ifMatch);
    }

    public Answer post(String path, String json, String ifMatch) {
        return send("POST", path, json, ifMatch);
    }

    public Answer send(String method, String path, String body, String ifMatch) {
        return send(method, path, body, ifMatch, "application/json");
    }

    /** Sends the body chunked, without a Content-Length, as streaming clients do. */
    public Answer postChunked(String path, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return send(
                "POST",
                path,
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)),
                body,
                null,
                "application/json",
                Map.of());
    }

    public Answer send(String method, String path, String body, String ifMatch, String contentType) {
        return send(
                method,
                path,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8),
                body,
                ifMatch,
                body == null ? null : contentType,
                Map.of());
    }

    /** A POST with headers of its own (a webhook's signature, say); the body as given, byte for byte. */
    public Answer postWith(String path, String body, Map<String, String> headers) {
        return send(
                "POST",
                path,
                HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8),
                body,
                null,
                "application/json",
                headers);
    }

    /** A POST with an Idempotency-Key. */
    public Answer postOnce(String path, String json, String idempotencyKey) {
        return send(
                "POST",
                path,
                HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8),
                json,
                null,
                "application/json",
                Map.of("Idempotency-Key", idempotencyKey));
    }

    private Answer send(
            String method,
            String path,
            HttpRequest.BodyPublisher body,
            String text,
            String ifMatch,
            String contentType,
            Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body);
        headers.forEach(request::header);
        if (user != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        try {
            var response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            ApiContract.check(
                    port,
                    method,
                    path,
                    sentHeaders(request.build()),
                    text,
                    response.statusCode(),
                    response.headers(),
                    response.body());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

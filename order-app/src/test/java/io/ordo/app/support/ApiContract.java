package io.ordo.app.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds every call the integration tests make through {@link Http} against the OpenAPI document the service
 * itself serves: an answer with a status or a body the document does not state fails the test that got it, and
 * so does a request the service accepted that the document says it should not. Requests the service refused
 * are the tests' own bad input, so only their answers are checked. A 405 names a method that is no operation.
 */
public final class ApiContract {

    private static final Map<Integer, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

    private ApiContract() {}

    static void check(
            int port,
            String method,
            String pathAndQuery,
            Map<String, String> requestHeaders,
            String requestBody,
            int status,
            HttpHeaders responseHeaders,
            String responseBody) {
        if (!pathAndQuery.startsWith("/api/") || status == 405) {
            return;
        }
        var validator = VALIDATORS.computeIfAbsent(port, ApiContract::validatorFor);
        int question = pathAndQuery.indexOf('?');
        String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        var request = new SimpleRequest.Builder(method, path);
        if (question >= 0) {
            for (String pair : pathAndQuery.substring(question + 1).split("&")) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                request.withQueryParam(name, value);
            }
        }
        requestHeaders.forEach(request::withHeader);
        if (requestBody != null) {
            request.withBody(requestBody);
        }
        var response = SimpleResponse.Builder.status(status);
        responseHeaders.map().forEach((name, values) -> response.withHeader(name, values));
        if (responseBody != null && !responseBody.isEmpty()) {
            response.withBody(responseBody);
        }
        ValidationReport report = status < 400
                ? validator.validate(request.build(), response.build())
                : validator.validateResponse(path, Request.Method.valueOf(method), response.build());
        if (report.hasErrors()) {
            throw new AssertionError("%s %s -> %d is not as the served OpenAPI document says:%n%s%nanswer: %s"
                    .formatted(method, pathAndQuery, status, report, abbreviate(responseBody)));
        }
    }

    /**
     * Reads the service's document now rather than at the first answer: loading it takes a while, and a test that
     * counts on the pace of its requests (the rate limit's) must not be slowed by it.
     */
    static void prepare(int port) {
        try {
            VALIDATORS.computeIfAbsent(port, ApiContract::validatorFor);
        } catch (AssertionError notUpYet) {
            // read at the first answer instead
        }
    }

    private static OpenApiInteractionValidator validatorFor(int port) {
        try {
            var docs = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return OpenApiInteractionValidator.createForInlineApiSpecification(docs.body())
                    .withLevelResolver(LevelResolver.create()
                            // an unknown path is the test's own probe; the answer is checked as a problem elsewhere
                            .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
                            // tests send "{}" to the admin calls that take no body; the service ignores it
                            .withLevel("validation.request.body.unexpected", ValidationReport.Level.IGNORE)
                            .build())
                    .build();
        } catch (Exception e) {
            throw new AssertionError("cannot read the served OpenAPI document", e);
        }
    }

    private static String abbreviate(String text) {
        return text == null || text.length() < 2000 ? text : text.substring(0, 2000) + "…";
    }
}

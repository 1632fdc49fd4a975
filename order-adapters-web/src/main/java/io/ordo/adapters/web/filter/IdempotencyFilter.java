package io.ordo.adapters.web.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ordo.adapters.web.problem.Problems;
import io.ordo.adapters.web.security.OrdoPrincipal;
import io.ordo.application.port.in.Caller;
import io.ordo.application.port.in.idempotency.IdempotencyContext;
import io.ordo.application.port.in.idempotency.IdempotentRequestsUseCase;
import io.ordo.application.port.in.idempotency.IdempotentRequestsUseCase.StoredAnswer;
import io.ordo.domain.event.CustomerErased;
import io.ordo.domain.exception.FieldViolation;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on any POST under {@code /api} (docs/api.md): the first request with a key
 * runs and its answer (status, body, Location, ETag) is kept for 24 hours; the same key with a JSON-equal body
 * gets that answer again without running, also while the first is still running (it waits, polling, holding
 * no database connection); with another body it gets 409 IDEMPOTENCY_KEY_REUSED. 5xx answers are not kept. A key
 * whose events were stored but whose answer was lost (the node stopped in between) answers the order as it is now.
 * Runs after authentication: keys belong to (tenant, user).
 */
public class IdempotencyFilter extends SignedInFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final IdempotentRequestsUseCase keys;
    private final ObjectMapper json;

    public IdempotencyFilter(IdempotentRequestsUseCase keys, ObjectMapper json) {
        this.keys = keys;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterSignedIn(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain, OrdoPrincipal principal)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key.isBlank() || key.length() > IdempotentRequestsUseCase.MAX_KEY_LENGTH) {
            var problem = Problems.of(
                    HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Idempotency-Key must be 1–255 characters.");
            Problems.write(
                    response,
                    json,
                    Problems.withErrors(problem, List.of(new FieldViolation(HEADER, "must be 1–255 characters"))));
            return;
        }
        Caller caller = principal.toCaller();
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (RequestSizeLimitFilter.PayloadTooLargeException tooLarge) {
            Problems.write(response, json, Problems.tooLarge());
            return;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        Instant deadline = Instant.now().plus(WAIT);
        while (true) {
            var claim = keys.claim(caller, key, request.getMethod(), request.getRequestURI(), text);
            if (claim instanceof IdempotentRequestsUseCase.Claimed) {
                run(request, response, chain, caller, key, body);
                return;
            }
            if (claim instanceof IdempotentRequestsUseCase.Replay replay) {
                replay(response, replay.answer());
                return;
            }
            if (claim instanceof IdempotentRequestsUseCase.AnswerLost lost) {
                answerTheOrder(request, response, lost.orderId());
                return;
            }
            if (claim instanceof IdempotentRequestsUseCase.Mismatch) {
                Problems.write(
                        response,
                        json,
                        Problems.of(
                                HttpStatus.CONFLICT,
                                "IDEMPOTENCY_KEY_REUSED",
                                "This Idempotency-Key was used for a different request."));
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                response.setHeader("Retry-After", "5");
                Problems.write(
                        response,
                        json,
                        Problems.of(
                                HttpStatus.SERVICE_UNAVAILABLE,
                                "UNAVAILABLE",
                                "The first request with this Idempotency-Key is still running; retry shortly."));
                return;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServletException(e);
            }
        }
    }

    private void run(
            HttpServletRequest request,
            HttpServletResponse response,
            FilterChain chain,
            Caller caller,
            String key,
            byte[] body)
            throws IOException, ServletException {
        var captured = new ContentCachingResponseWrapper(response);
        IdempotencyContext.set(key);
        try {
            chain.doFilter(new CachedBodyRequest(request, body), captured);
        } catch (IOException | ServletException | RuntimeException e) {
            keys.abandon(caller, key);
            throw e;
        } finally {
            IdempotencyContext.clear();
        }
        int status = captured.getStatus();
        if (status >= 500) {
            keys.abandon(caller, key);
        } else {
            keys.complete(
                    caller,
                    key,
                    new StoredAnswer(
                            status,
                            new String(captured.getContentAsByteArray(), StandardCharsets.UTF_8),
                            captured.getContentType(),
                            captured.getHeader("Location"),
                            captured.getHeader("ETag")));
        }
        captured.copyBodyToResponse();
    }

    /**
     * Jackson's recursive JSON equality with one leaf rule more: an erased value of the first request matches any
     * text of the second.
     */
    private static final Comparator<JsonNode> SAME_OR_ERASED = (first, second) -> first.equals(second)
                    || (first.isTextual() && CustomerErased.ERASED.equals(first.textValue()) && second.isTextual())
            ? 0
            : 1;

    /**
     * Whether two stored requests ({@code METHOD path\nbody}) are the same: same method and path, and bodies
     * that are equal as JSON (key order and spacing do not matter), or byte-equal when not JSON. The first request's
     * personal values are {@code "[erased]"} once its customer was erased: there any text of the second matches, so
     * that a retry of the same request still gets its (erased) answer.
     */
    public static boolean sameRequest(ObjectMapper json, String first, String second) {
        int a = first.indexOf('\n');
        int b = second.indexOf('\n');
        if (a < 0 || b < 0 || !first.substring(0, a).equals(second.substring(0, b))) {
            return first.equals(second);
        }
        try {
            return json.readTree(first.substring(a + 1)).equals(SAME_OR_ERASED, json.readTree(second.substring(b + 1)));
        } catch (IOException notJson) {
            return first.equals(second);
        }
    }

    /**
     * The first request stored its events but not its answer: the order as it is now, as {@code GET
     * /api/orders/{id}} answers it (ETag, and {@code Content-Location} naming the order), replayed. A create's retry
     * gets the status and {@code Location} its first answer had (201); any other's gets 200 (ADR 0025).
     */
    private static void answerTheOrder(HttpServletRequest request, HttpServletResponse response, String orderId)
            throws ServletException, IOException {
        String path = "/api/orders/" + orderId;
        response.setHeader("Idempotent-Replayed", "true");
        response.setHeader("Content-Location", path);
        HttpServletResponse answer = response;
        if (isCreate(request)) {
            response.setStatus(HttpServletResponse.SC_CREATED);
            response.setHeader("Location", path);
            // the read answers as a read (Spring writes its ETag only to a 200); what leaves is the create's 201
            answer = new HttpServletResponseWrapper(response) {
                @Override
                public void setStatus(int status) {
                    super.setStatus(status == HttpServletResponse.SC_OK ? HttpServletResponse.SC_CREATED : status);
                }

                @Override
                public int getStatus() {
                    int status = super.getStatus();
                    return status == HttpServletResponse.SC_CREATED ? HttpServletResponse.SC_OK : status;
                }
            };
        }
        request.getRequestDispatcher(path).forward(new ReadRequest(request), answer);
    }

    private static boolean isCreate(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && "/api/orders".equals(request.getRequestURI());
    }

    private static void replay(HttpServletResponse response, StoredAnswer answer) throws IOException {
        response.setStatus(answer.status());
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        if (answer.location() != null) {
            response.setHeader("Location", answer.location());
        }
        if (answer.etag() != null) {
            response.setHeader("ETag", answer.etag());
        }
        response.setHeader("Idempotent-Replayed", "true");
        byte[] bytes = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** The request as a GET without a body: to read the order a lost answer was about. */
    private static final class ReadRequest extends HttpServletRequestWrapper {

        ReadRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getContentType() {
            return null;
        }

        @Override
        public int getContentLength() {
            return 0;
        }

        @Override
        public long getContentLengthLong() {
            return 0;
        }
    }

    /** The request with its body read once and served again to the handler. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}

package io.ordo.adapters.web.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ordo.adapters.web.logging.LogContext;
import io.ordo.domain.exception.FieldViolation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Builds the problem+json bodies (RFC 9457) of the API (docs/api.md): every one with its {@code code}. */
public final class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    private Problems() {}

    public static ProblemDetail of(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(
                "https://ordo.io/problems/" + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        return problem;
    }

    public static ProblemDetail withErrors(ProblemDetail problem, List<FieldViolation> errors) {
        problem.setProperty(
                "errors",
                errors.stream()
                        .map(e -> Map.of("field", e.field(), "message", e.message()))
                        .toList());
        return problem;
    }

    /** 413: the body is over {@link io.ordo.adapters.web.filter.RequestSizeLimitFilter#MAX_BODY_BYTES}. */
    /**
     * A bug (500 INTERNAL_ERROR), logged with the request's correlation id, which the body repeats: the operator
     * finds the stack trace, and every other line of the request, by the id the client quotes.
     */
    public static ProblemDetail bug(HttpServletRequest request, Throwable failure) {
        String correlationId = LogContext.correlationId(request);
        log.error("unexpected failure, correlation id {}", correlationId, failure);
        ProblemDetail problem = of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "INTERNAL_ERROR",
                "An unexpected error occurred; quote correlation id " + correlationId + ".");
        problem.setProperty("correlationId", correlationId);
        return problem;
    }

    public static ProblemDetail tooLarge() {
        return tooLarge("The body is larger than 1 MiB.");
    }

    /** 413 with the limit that applies where it was hit. */
    public static ProblemDetail tooLarge(String detail) {
        return of(HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", detail);
    }

    /** The answer that carries {@code problem}, as application/problem+json. */
    public static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(PROBLEM_JSON)
                .body(problem);
    }

    /**
     * The headers Spring Security writes on every answer it sees; answers made before its header writer runs (the
     * firewall's) or outside Spring altogether (Tomcat's) carry them through {@link #writeOutsideSecurity}.
     */
    public static final Map<String, String> SECURITY_HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "X-XSS-Protection", "0",
            "Cache-Control", "no-cache, no-store, max-age=0, must-revalidate",
            "Pragma", "no-cache",
            "Expires", "0");

    /** The contract's code for an answer of {@code status} that no handler of ours chose. */
    public static String codeFor(int status) {
        return switch (status) {
            case 400 -> "MALFORMED_REQUEST";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 429 -> "RATE_LIMITED";
            case 503 -> "UNAVAILABLE";
            default -> status >= 500 ? "INTERNAL_ERROR" : "MALFORMED_REQUEST";
        };
    }

    /** A problem for {@code status} with the contract's code for it and a plain detail. */
    public static ProblemDetail forStatus(int status, String detail) {
        HttpStatus known = HttpStatus.resolve(status);
        return of(known == null ? HttpStatus.BAD_REQUEST : known, codeFor(status), detail);
    }

    /** {@link #write}, adding the {@link #SECURITY_HEADERS} that no security filter will add. */
    public static void writeOutsideSecurity(HttpServletResponse response, ObjectMapper json, ProblemDetail problem)
            throws IOException {
        SECURITY_HEADERS.forEach(response::setHeader);
        write(response, json, problem);
    }

    /** For the filters that answer before Spring MVC does (security, size limits). */
    public static void write(HttpServletResponse response, ObjectMapper json, ProblemDetail problem)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(PROBLEM_JSON.toString());
        json.writeValue(response.getOutputStream(), problem);
    }
}

package io.ordo.adapters.web.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ordo.domain.exception.FieldViolation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** Builds the problem+json bodies (RFC 9457) of CONTRACT.md section 4: every one with its {@code code}. */
public final class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

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
    public static ProblemDetail tooLarge() {
        return of(HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", "The body is larger than 1 MiB.");
    }

    /** For the filters that answer before Spring MVC does (security, size limits). */
    public static void write(HttpServletResponse response, ObjectMapper json, ProblemDetail problem)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(PROBLEM_JSON.toString());
        json.writeValue(response.getOutputStream(), problem);
    }
}

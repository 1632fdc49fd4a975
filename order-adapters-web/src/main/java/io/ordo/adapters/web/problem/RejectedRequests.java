package io.ordo.adapters.web.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Requests Spring Security's firewall refuses before anything else sees them (encoded dots or slashes,
 * {@code ;x=1}, {@code //}, control characters, methods HTTP does not have) answer as problems too: a path that
 * cannot name a resource is 404, a method no resource has is 405, a bad header or parameter is 400.
 */
public final class RejectedRequests implements RequestRejectedHandler {

    private static final Set<String> METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT");

    private final ObjectMapper json;

    public RejectedRequests(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        ProblemDetail problem = problemFor(request, String.valueOf(rejected.getMessage()));
        if (problem.getStatus() == 405) {
            // no resource has a method HTTP does not define: name those the API answers
            response.setHeader("Allow", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
        }
        Problems.writeOutsideSecurity(response, json, problem);
    }

    static ProblemDetail problemFor(HttpServletRequest request, String reason) {
        if (!METHODS.contains(request.getMethod()) || reason.contains("HTTP method")) {
            return Problems.forStatus(405, "HTTP has no method '%s'.".formatted(printable(request.getMethod())));
        }
        if (reason.contains("header") || reason.contains("parameter")) {
            return Problems.forStatus(400, "A header or parameter holds characters HTTP does not allow there.");
        }
        return Problems.forStatus(404, "No such resource.");
    }

    private static String printable(String text) {
        return text.codePoints().allMatch(c -> c >= 0x20 && c < 0x7f) ? text : "?";
    }
}

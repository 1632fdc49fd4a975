package io.ordo.adapters.web.problem;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page ({@code /error}, where Tomcat forwards a {@code sendError} from a filter) answers
 * problem+json with the contract's code, in place of Spring Boot's default error JSON.
 */
@Hidden
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value && value >= 400 ? value : 500;
        ProblemDetail problem = Problems.forStatus(status, "The request cannot be served as sent.");
        if (status == 500) {
            problem = Problems.bug(request, (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
        }
        return ResponseEntity.status(status).contentType(Problems.PROBLEM_JSON).body(problem);
    }
}

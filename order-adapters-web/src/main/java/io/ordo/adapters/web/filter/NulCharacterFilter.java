package io.ordo.adapters.web.filter;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ordo.adapters.web.problem.Problems;
import io.ordo.domain.exception.FieldViolation;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/** Query parameters with a NUL character (which PostgreSQL cannot store or compare) are a 400 naming them. */
public class NulCharacterFilter extends OncePerRequestFilter {

    private final ObjectMapper json;

    public NulCharacterFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null && (query.contains("%00") || query.indexOf('\u0000') >= 0)) {
            for (var parameter : request.getParameterMap().entrySet()) {
                for (String value : parameter.getValue()) {
                    if (value.indexOf('\u0000') >= 0 || parameter.getKey().indexOf('\u0000') >= 0) {
                        var problem = Problems.of(
                                HttpStatus.BAD_REQUEST,
                                "VALIDATION_FAILED",
                                "Parameter '" + parameter.getKey().replace("\u0000", "")
                                        + "' contains a NUL character.");
                        Problems.write(
                                response,
                                json,
                                Problems.withErrors(
                                        problem,
                                        List.of(new FieldViolation(
                                                parameter.getKey().replace("\u0000", ""),
                                                "must not contain NUL characters"))));
                        return;
                    }
                }
            }
        }
        chain.doFilter(request, response);
    }
}

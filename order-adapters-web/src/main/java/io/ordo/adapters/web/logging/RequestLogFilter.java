package io.ordo.adapters.web.logging;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * First around every request: gives it a correlation id and the order its path names, in the logging context
 * for every line logged while it is served (the command it sends carries the same id into its events' metadata),
 * and logs one line when it is answered: at INFO for an API request that changes something, at DEBUG for a read.
 * The order a create made is taken from the answer's {@code Location}.
 */
public class RequestLogFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestLogFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String correlationId = UUID.randomUUID().toString();
        request.setAttribute(LogContext.CORRELATION_ATTRIBUTE, correlationId);
        String path = request.getRequestURI();
        LogContext.enter(correlationId, null, null, LogContext.orderOf(path).orElse(null));
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            if (path.startsWith("/api/")) {
                logAnswer(request, response, path, started);
            }
            LogContext.clear();
        }
    }

    private static void logAnswer(HttpServletRequest request, HttpServletResponse response, String path, long started) {
        boolean change = !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
        if (!(change ? log.isInfoEnabled() : log.isDebugEnabled())) {
            return;
        }
        if (MDC.get(LogContext.ORDER_ID) == null) {
            String location = response.getHeader("Location");
            if (location != null) {
                LogContext.orderOf(URI.create(location).getPath()).ifPresent(id -> MDC.put(LogContext.ORDER_ID, id));
            }
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        String answer = request.isAsyncStarted() ? "streaming" : String.valueOf(response.getStatus());
        if (change) {
            log.info("{} {} answered {} in {} ms", request.getMethod(), path, answer, millis);
        } else {
            log.debug("{} {} answered {} in {} ms", request.getMethod(), path, answer, millis);
        }
    }
}

package io.ordo.adapters.web.logging;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The keys of the logging context (SLF4J's MDC) that every line logged for a request, and for the handling of
 * the events it caused, carries (docs/operations.md "Logs"). Structured logging writes them as JSON fields.
 */
public final class LogContext {

    public static final String CORRELATION_ID = "correlationId";
    public static final String TENANT = "tenant";
    public static final String USER = "user";
    public static final String ORDER_ID = "orderId";

    /** The request attribute holding the correlation id, for the error page that runs after the filters. */
    static final String CORRELATION_ATTRIBUTE = LogContext.class.getName() + ".correlationId";

    private static final Pattern ORDER_PATH = Pattern.compile(
            "^/api/orders/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(/.*)?$");

    private LogContext() {}

    /** The correlation id of the request being served, or a new one where none is (a 500 must quote one). */
    public static String correlationId(HttpServletRequest request) {
        Object id = request.getAttribute(CORRELATION_ATTRIBUTE);
        if (id instanceof String known) {
            return known;
        }
        String current = MDC.get(CORRELATION_ID);
        return current != null ? current : UUID.randomUUID().toString();
    }

    /** The order a path such as {@code /api/orders/{id}/status} is about. */
    static Optional<String> orderOf(String path) {
        if (path == null) {
            return Optional.empty();
        }
        var matcher = ORDER_PATH.matcher(path);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /**
     * Puts the values that are known (not null) into the logging context and answers what to put back afterwards
     * with {@link #restore}: handling nested in a request (a subscribing projection) leaves the request's context
     * as it found it.
     */
    public static Map<String, String> enter(String correlationId, String tenant, String user, String orderId) {
        var previous = new HashMap<String, String>();
        put(previous, CORRELATION_ID, correlationId);
        put(previous, TENANT, tenant);
        put(previous, USER, user);
        put(previous, ORDER_ID, orderId);
        return previous;
    }

    private static void put(Map<String, String> previous, String key, String value) {
        if (value != null) {
            previous.put(key, MDC.get(key));
            MDC.put(key, value);
        }
    }

    /** Empties the logging context once a request is answered (the thread goes back to the pool). */
    static void clear() {
        MDC.remove(CORRELATION_ID);
        MDC.remove(TENANT);
        MDC.remove(USER);
        MDC.remove(ORDER_ID);
    }

    /** Puts back what {@link #enter} replaced. */
    public static void restore(Map<String, String> previous) {
        previous.forEach((key, value) -> {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        });
    }
}

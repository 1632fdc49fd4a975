package io.ordo.adapters.web.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.ordo.adapters.web.filter.RequestSizeLimitFilter;
import io.ordo.adapters.web.json.StrictDeserializers;
import io.ordo.adapters.web.webhook.WebhookController;
import io.ordo.domain.exception.FieldViolation;
import io.ordo.domain.exception.InvalidOrderException;
import io.ordo.domain.exception.OrdoException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every refusal and failure into a problem+json with its contract {@code code}; never a stack trace. */
@RestControllerAdvice
public class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    /** Jackson's words for a key given twice in one object (JsonParser.Feature.STRICT_DUPLICATE_DETECTION). */
    private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field '(.*)'");

    @ExceptionHandler(OrdoException.class)
    ResponseEntity<ProblemDetail> refused(OrdoException e) {
        HttpStatus status = switch (e.code()) {
            case "VALIDATION_FAILED" -> HttpStatus.BAD_REQUEST;
            case "NOT_FOUND" -> HttpStatus.NOT_FOUND;
            case "FORBIDDEN" -> HttpStatus.FORBIDDEN;
            case "PRECONDITION_FAILED" -> HttpStatus.PRECONDITION_FAILED;
            case "UNAUTHENTICATED" -> HttpStatus.UNAUTHORIZED;
            case "RATE_LIMITED" -> HttpStatus.TOO_MANY_REQUESTS;
            case "UNAVAILABLE" -> HttpStatus.SERVICE_UNAVAILABLE;
            default -> HttpStatus.CONFLICT; // every business refusal of the API (docs/api.md)
        };
        ProblemDetail problem = Problems.of(status, e.code(), e.getMessage());
        if (e instanceof InvalidOrderException invalid) {
            Problems.withErrors(problem, invalid.violations());
        }
        if (status == HttpStatus.TOO_MANY_REQUESTS || status == HttpStatus.SERVICE_UNAVAILABLE) {
            return ResponseEntity.status(status)
                    .header("Retry-After", "5")
                    .contentType(Problems.PROBLEM_JSON)
                    .body(problem);
        }
        return respond(problem);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof RequestSizeLimitFilter.PayloadTooLargeException) {
            return respond(Problems.tooLarge());
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return respond(Problems.withErrors(
                    Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Unknown field '" + field + "'."),
                    List.of(new FieldViolation(field, "is not a known field"))));
        }
        if (cause instanceof StrictDeserializers.Refused refused
                && !path(refused).isEmpty()) {
            String field = path(refused);
            return respond(Problems.withErrors(
                    Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Field '" + field + "' is invalid."),
                    List.of(new FieldViolation(field, refused.getOriginalMessage()))));
        }
        if (cause instanceof JsonParseException duplicate
                && DUPLICATE_FIELD
                        .matcher(String.valueOf(duplicate.getOriginalMessage()))
                        .matches()) {
            var matcher = DUPLICATE_FIELD.matcher(duplicate.getOriginalMessage());
            matcher.matches();
            String field = matcher.group(1);
            return respond(Problems.withErrors(
                    Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Field '" + field + "' is given twice."),
                    List.of(new FieldViolation(field, "must be given once"))));
        }
        if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
            var mismatch = (MismatchedInputException) cause;
            String field = path(mismatch);
            if (!field.isEmpty()) {
                String type = mismatch.getTargetType() == null
                        ? "value"
                        : mismatch.getTargetType().getSimpleName();
                return respond(Problems.withErrors(
                        Problems.of(
                                HttpStatus.BAD_REQUEST,
                                "VALIDATION_FAILED",
                                "Field '" + field + "' has the wrong type."),
                        List.of(new FieldViolation(field, "must be a " + describe(type)))));
            }
        }
        if (cause instanceof JsonProcessingException && !(cause instanceof JsonMappingException)
                || e.getCause() == null) {
            return respond(Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "The body is not valid JSON."));
        }
        if (cause instanceof JsonMappingException mapping && !path(mapping).isEmpty()) {
            String field = path(mapping);
            return respond(Problems.withErrors(
                    Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Field '" + field + "' is invalid."),
                    List.of(new FieldViolation(field, "is invalid"))));
        }
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "The body is not valid JSON."));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
        return respond(Problems.withErrors(
                Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Parameter '" + e.getName() + "' is invalid."),
                List.of(new FieldViolation(e.getName(), "is invalid"))));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", e.getMessage()));
    }

    @ExceptionHandler(WebhookController.TooLargeException.class)
    ResponseEntity<ProblemDetail> webhookTooLarge(WebhookController.TooLargeException e) {
        return respond(Problems.tooLarge(e.getMessage()));
    }

    /** A client that left mid-answer (a closed live stream, say): there is no one to answer, and nothing is wrong. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone(AsyncRequestNotUsableException e) {
        log.debug("The client left before its answer was written: {}", e.getMessage());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noSuchPath(NoResourceFoundException e) {
        return respond(Problems.of(HttpStatus.NOT_FOUND, "NOT_FOUND", "No such resource."));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        var problem = Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", e.getMessage());
        var allowed = e.getSupportedHttpMethods();
        if (allowed == null || allowed.isEmpty()) {
            return respond(problem);
        }
        // RFC 9110: a 405 names the methods the resource supports
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
                .contentType(Problems.PROBLEM_JSON)
                .allow(allowed.toArray(HttpMethod[]::new))
                .body(problem);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return respond(Problems.of(HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE", "Ordo answers application/json."));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupported(HttpMediaTypeNotSupportedException e) {
        return respond(Problems.of(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json."));
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessResourceException.class})
    ResponseEntity<ProblemDetail> databaseAway(Exception e) {
        log.warn("database unavailable: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .contentType(Problems.PROBLEM_JSON)
                .body(Problems.of(
                        HttpStatus.SERVICE_UNAVAILABLE, "UNAVAILABLE", "The database is unreachable; retry shortly."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> bug(Exception e, HttpServletRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimitFilter.PayloadTooLargeException) {
                return respond(Problems.tooLarge());
            }
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof ConnectException
                    || cause instanceof SQLException sql && connectionLost(sql)) {
                return databaseAway(e);
            }
        }
        return respond(Problems.bug(request, e));
    }

    /**
     * SQLSTATE classes 08 (connection exception) and 57P (server shutting down or gone), or a pooled connection
     * found closed under our feet (the pool and the driver say so without a SQLSTATE).
     */
    private static boolean connectionLost(SQLException exception) {
        String state = exception.getSQLState();
        if (state != null) {
            return state.startsWith("08") || state.startsWith("57P");
        }
        String message = String.valueOf(exception.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("connection is closed") || message.contains("connection has been closed");
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return Problems.respond(problem);
    }

    /** {@code items[0].quantity} from Jackson's reference path. */
    private static String path(JsonMappingException e) {
        var out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String describe(String type) {
        return switch (type) {
            case "Integer", "int", "Long", "long" -> "integer";
            case "BigDecimal" -> "decimal number";
            case "LocalDate" -> "date like 2026-12-31";
            case "String" -> "string";
            case "List" -> "list";
            default -> type.endsWith("Request") ? "object" : type;
        };
    }
}

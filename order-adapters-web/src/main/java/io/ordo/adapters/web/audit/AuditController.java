package io.ordo.adapters.web.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ordo.adapters.web.QueryParameters;
import io.ordo.adapters.web.security.OrdoPrincipal;
import io.ordo.application.port.in.audit.AuditEntry;
import io.ordo.application.port.in.audit.AuditPage;
import io.ordo.application.port.in.audit.AuditQuery;
import io.ordo.application.port.in.audit.ReadLogPage;
import io.ordo.application.port.in.audit.ReadLogQuery;
import io.ordo.application.port.in.audit.SearchAuditUseCase;
import io.ordo.domain.exception.FieldViolation;
import io.ordo.domain.exception.InvalidOrderException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The audit trail of the caller's tenant: pages, and a streamed export as NDJSON or CSV. */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit")
public class AuditController {

    private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

    private final SearchAuditUseCase audit;
    private final ObjectMapper json;

    public AuditController(SearchAuditUseCase audit, ObjectMapper json) {
        this.audit = audit;
        this.json = json;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "searchAudit", summary = "Events across the tenant, newest first")
    public AuditPage search(
            Authentication auth,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String orderId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false, defaultValue = "20") String limit) {
        var errors = new ArrayList<FieldViolation>();
        int size = limit(errors, limit);
        var query = query(errors, actor, type, orderId, from, to, cursor, size);
        return audit.search(OrdoPrincipal.callerOf(auth), query);
    }

    @GetMapping(path = "/reads", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "searchReads",
            summary =
                    "Who read what: answers about orders (detail, asOf, timeline, notes, events) and exports, newest first")
    public ReadLogPage reads(
            Authentication auth,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String orderId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false, defaultValue = "20") String limit) {
        var errors = new ArrayList<FieldViolation>();
        int size = limit(errors, limit);
        var filters = query(errors, actor, null, orderId, from, to, cursor, size);
        return audit.reads(
                OrdoPrincipal.callerOf(auth),
                new ReadLogQuery(actor, orderId, filters.from(), filters.to(), cursor, size));
    }

    /** The page size: 1 to {@link AuditQuery#MAX_LIMIT}, or a field error. */
    private static int limit(List<FieldViolation> errors, String limit) {
        int size = -1;
        try {
            size = Integer.parseInt(limit);
        } catch (NumberFormatException ignored) {
            // reported below
        }
        if (size < 1 || size > AuditQuery.MAX_LIMIT) {
            errors.add(new FieldViolation("limit", "must be an integer from 1 to " + AuditQuery.MAX_LIMIT));
        }
        return size;
    }

    @GetMapping("/export")
    @Operation(operationId = "exportAudit", summary = "All matching events, streamed as NDJSON or CSV")
    public ResponseEntity<StreamingResponseBody> export(
            Authentication auth,
            @RequestParam(required = false, defaultValue = "ndjson") String format,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String orderId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        var errors = new ArrayList<FieldViolation>();
        if (!format.equals("ndjson") && !format.equals("csv")) {
            errors.add(new FieldViolation("format", "must be ndjson or csv"));
        }
        var query = query(errors, actor, type, orderId, from, to, null, 0);
        var export = audit.export(OrdoPrincipal.callerOf(auth), query);
        boolean csv = format.equals("csv");
        StreamingResponseBody body = out -> {
            var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            if (csv) {
                writer.write("orderId,orderNumber,sequence,type,at,by,source,reason\r\n");
            }
            try {
                export.forEach(entry -> {
                    try {
                        writer.write(csv ? csvLine(entry) : json.writeValueAsString(entry) + "\n");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException clientGone) {
                throw clientGone.getCause();
            }
            writer.flush();
        };
        return ResponseEntity.ok()
                .contentType(csv ? CSV : NDJSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit." + format + "\"")
                .body(body);
    }

    private static AuditQuery query(
            List<FieldViolation> errors,
            String actor,
            String type,
            String orderId,
            String from,
            String to,
            String cursor,
            int limit) {
        Instant fromInstant = QueryParameters.instant(errors, "from", from);
        Instant toInstant = QueryParameters.instant(errors, "to", to);
        if (!errors.isEmpty()) {
            throw new InvalidOrderException(errors);
        }
        return new AuditQuery(actor, type, orderId, fromInstant, toInstant, cursor, limit);
    }

    /** An ISO-8601 instant parameter, or a field error naming it. */
    static String csvLine(AuditEntry e) {
        return String.join(
                        ",",
                        cell(e.orderId()),
                        cell(e.orderNumber()),
                        cell(String.valueOf(e.sequence())),
                        cell(e.type()),
                        cell(e.at().toString()),
                        cell(e.by()),
                        cell(e.source()),
                        cell(e.reason()))
                + "\r\n";
    }

    /**
     * One CSV cell (RFC 4180 quoting); a cell a spreadsheet would run as a formula (starting with = + - @, tab
     * or carriage return) is neutralised with a leading apostrophe.
     */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}

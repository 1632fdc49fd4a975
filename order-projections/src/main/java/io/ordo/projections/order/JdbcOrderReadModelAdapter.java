package io.ordo.projections.order;

import io.ordo.application.port.in.OrderView;
import io.ordo.application.port.in.discussion.NoteView;
import io.ordo.application.port.in.history.TimelineEntry;
import io.ordo.application.port.in.order.OrderPage;
import io.ordo.application.port.in.order.OrderQuery;
import io.ordo.application.port.out.OrderReadModelPort;
import io.ordo.application.port.out.OrderScope;
import io.ordo.domain.OrderId;
import io.ordo.domain.exception.InvalidOrderException;
import io.ordo.domain.workflow.Workflows;
import io.ordo.projections.search.SearchWords;
import io.ordo.projections.store.ProjectionSlots;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Outgoing-port adapter: queries on the detail, timeline and list tables. Every query is bound to the
 * caller's scope in SQL; a list never fetches rows it then drops. Lists page by keyset (the sort key and
 * the id of the last row, in an opaque cursor), so a deep page costs what the first one does.
 */
public class JdbcOrderReadModelAdapter implements OrderReadModelPort {

    /**
     * How many of the newest rows a search for a common q looks at before it asks the trigram index: a q in one row
     * of 500 fills a page of 20 within them. They are read from the sort index alone (V12, V13): 10,000 rows in about
     * 5 ms at a million orders. A q with rare pieces walks as many rows as its share in the sample calls for, or none.
     */
    static final int NEWEST = 10_000;

    private final JdbcClient jdbc;
    private final int newest;
    private final TransactionOperations transactions;
    private final ProjectionSlots slots;
    private final Clock clock;
    private final SearchWords searchWords;

    public JdbcOrderReadModelAdapter(
            JdbcClient jdbc, TransactionOperations transactions, ProjectionSlots slots, Clock clock) {
        this(jdbc, transactions, slots, clock, SearchWords.fromTable(jdbc), NEWEST);
    }

    JdbcOrderReadModelAdapter(
            JdbcClient jdbc,
            TransactionOperations transactions,
            ProjectionSlots slots,
            Clock clock,
            SearchWords searchWords,
            int newest) {
        this.jdbc = jdbc;
        this.newest = newest;
        this.transactions = transactions;
        this.slots = slots;
        this.clock = clock;
        this.searchWords = searchWords;
    }

    @Override
    public Optional<OrderView> find(OrderScope scope, OrderId id) {
        return findOne(scope, "order_id", id.value());
    }

    /**
     * The order as the command's own transaction left it, when the command answered with it ({@link WrittenOrder}):
     * the document just written, judged by the scope in memory as {@link #scopeSql} judges it in the database.
     */
    @Override
    public Optional<OrderView> findAfter(Object commandAnswer, OrderScope scope, OrderId id) {
        if (commandAnswer instanceof WrittenOrder written) {
            OrderDocument document = written.of(id.toString());
            if (document != null) {
                OrderView order = document.toView(today());
                return scope.includes(document.tenantId, order) ? Optional.of(order) : Optional.empty();
            }
        }
        return find(scope, id);
    }

    @Override
    public Optional<OrderView> findByNumber(OrderScope scope, String orderNumber) {
        return findOne(scope, "order_number", orderNumber);
    }

    /** The order whose {@code column} is {@code value}, if it is in the scope. */
    private Optional<OrderView> findOne(OrderScope scope, String column, Object value) {
        var params = new LinkedHashMap<String, Object>();
        params.put("value", value);
        String where = column + " = :value AND " + scopeSql(scope, params);
        return slots.readActive(
                        OrderDetailProjection.NAME,
                        OrderDetailProjection.TABLE,
                        "SELECT document FROM %s WHERE " + where,
                        params,
                        String.class)
                .map(json -> ProjectionJson.read(json).toView(today()));
    }

    @Override
    public List<TimelineEntry> timeline(OrderScope scope, OrderId id) {
        return jdbc.sql("""
                        SELECT status, previous_status, at, by_user, source, reason, note, carrier, tracking_number
                        FROM %s WHERE order_id = :id AND tenant_id = :tenant ORDER BY sequence_number""".formatted(slots.activeTable(OrderTimelineProjection.NAME, OrderTimelineProjection.TABLE)))
                .param("id", id.value())
                .param("tenant", scope.tenantId())
                .query((rs, row) -> new TimelineEntry(
                        rs.getString("status"),
                        rs.getString("previous_status"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("by_user"),
                        rs.getString("source"),
                        rs.getString("reason"),
                        rs.getString("note"),
                        rs.getString("carrier"),
                        rs.getString("tracking_number")))
                .list();
    }

    @Override
    public List<NoteView> notes(OrderScope scope, OrderId id) {
        return jdbc.sql("""
                        SELECT note_id, by_user, at, text FROM %s
                        WHERE order_id = :id AND tenant_id = :tenant ORDER BY sequence_number""".formatted(slots.activeTable(OrderNotesProjection.NAME, OrderNotesProjection.TABLE)))
                .param("id", id.value())
                .param("tenant", scope.tenantId())
                .query((rs, row) -> new NoteView(
                        rs.getString("note_id"),
                        rs.getString("by_user"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("text")))
                .list();
    }

    @Override
    public List<String> openOrdersAssignedTo(OrderScope scope, String assignee) {
        var params = new LinkedHashMap<String, Object>();
        String where = scopeSql(scope, params);
        params.put("assignee", assignee);
        return jdbc
                .sql("SELECT order_id, workflow, status FROM "
                        + slots.activeTable(OrderListProjection.NAME, OrderListProjection.TABLE)
                        + " WHERE " + where + " AND assignee = :assignee ORDER BY created_at, order_id")
                .params(params)
                .query((rs, row) ->
                        new Assigned(rs.getString("order_id"), rs.getString("workflow"), rs.getString("status")))
                .list()
                .stream()
                .filter(order -> Workflows.find(order.workflow())
                        .map(w -> !w.isTerminal(order.status()))
                        .orElse(false))
                .map(Assigned::orderId)
                .toList();
    }

    private record Assigned(String orderId, String workflow, String status) {}

    @Override
    public List<String> ordersOfCustomer(OrderScope scope, String customerId) {
        var params = new LinkedHashMap<String, Object>();
        String where = scopeSql(scope, params);
        params.put("customer", customerId);
        return jdbc.sql("SELECT order_id::text FROM "
                        + slots.activeTable(OrderDetailProjection.NAME, OrderDetailProjection.TABLE)
                        + " WHERE " + where + " AND customer_id = :customer ORDER BY order_id")
                .params(params)
                .query(String.class)
                .list();
    }

    @Override
    public OrderPage search(OrderScope scope, OrderQuery query) {
        var sort = query.sort() == null ? OrderQuery.Sort.CREATED_AT_DESC : query.sort();
        var key = SortKey.of(sort);
        var params = new LinkedHashMap<String, Object>();
        var where = new ArrayList<String>();
        where.add(scopeSql(scope, params));
        filter(where, params, "status", "status = :status", query.status());
        filter(where, params, "workflow", "workflow = :workflow", query.workflow());
        filter(where, params, "customerId", "customer_id = :customerId", query.customerId());
        filter(where, params, "contactId", "contact_id = :contactId", query.contactId());
        filter(where, params, "conversationId", "conversation_id = :conversationId", query.conversationId());
        filter(where, params, "qLocation", "location = :qLocation", query.location());
        filter(where, params, "qAssignee", "assignee = :qAssignee", query.assignee());
        filter(where, params, "active", "active = :active", query.active());
        filter(
                where,
                params,
                "createdFrom",
                "created_at >= :createdFrom",
                query.createdFrom() == null ? null : Timestamp.from(query.createdFrom()));
        filter(
                where,
                params,
                "createdTo",
                "created_at <= :createdTo",
                query.createdTo() == null ? null : Timestamp.from(query.createdTo()));
        if (query.cursor() != null) {
            var cursor = Cursor.decode(query.cursor(), sort);
            where.add("(" + key.expression + ", order_id) " + (key.descending ? "<" : ">") + " (:afterKey, :afterId)");
            params.put("afterKey", key.parse(cursor.key));
            params.put("afterId", cursor.id);
        }
        params.put("limit", query.limit() + 1);
        String table = slots.activeTable(OrderListProjection.NAME, OrderListProjection.TABLE);
        String order = key.descending ? " DESC" : " ASC";
        String filters = String.join(" AND ", where);
        LocalDate today = today();
        List<Row> rows = query.q() == null || query.q().isBlank()
                ? rows(
                        key,
                        today,
                        params,
                        "SELECT document, order_id, " + key.expression + " AS sort_key FROM " + table
                                + " WHERE " + filters + " ORDER BY " + key.expression + order + ", order_id" + order
                                + " LIMIT :limit")
                : search(query.q(), query.limit(), table, key, filters, today, params);
        boolean hasMore = rows.size() > query.limit();
        var page = hasMore ? rows.subList(0, query.limit()) : rows;
        String next =
                hasMore ? new Cursor(sort, page.get(page.size() - 1).key, page.get(page.size() - 1).id).encode() : null;
        return new OrderPage(page.stream().map(Row::view).toList(), next, hasMore);
    }

    /**
     * The rows of a list with {@code q}: the newest rows walked first where that is expected to be cheaper, then the
     * rows the trigram index finds for the rare pieces of {@code q}, or for the whole of it (ADR 0006, SearchWords).
     * Planned for these values every time: a plan made once for any values (PostgreSQL's generic plan, which it may
     * choose after five runs of a prepared statement) cannot tell a rare q from a common one.
     */
    private List<Row> search(
            String text,
            int limit,
            String table,
            SortKey key,
            String filters,
            LocalDate today,
            Map<String, Object> params) {
        String order = key.descending ? " DESC" : " ASC";
        String q = text.toLowerCase(Locale.ROOT);
        // planned before the transaction: the plan needs no connection once the table's sample is read
        var plan = searchWords.plan(table, q, limit, newest);
        return transactions.execute(tx -> {
            jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
            params.put("q", q);
            if (plan.walk() > 0) {
                // the newest rows in the page's order: where q is common, the page is among them. Any match further on
                // sorts after them, so a full page is the answer. The walk reads the sort index alone where it can (it
                // carries search_text and active, V12 and V13) and stops at a full page
                boolean everyRow = plan.walk() == SearchWords.EVERY_ROW;
                if (!everyRow) {
                    params.put("walk", plan.walk());
                }
                var found = rows(
                        key,
                        today,
                        params,
                        "SELECT t.document, page.order_id, page.sort_key FROM (SELECT "
                                + "order_id, sort_key FROM (SELECT order_id, search_text, " + key.expression
                                + " AS sort_key FROM "
                                + table + " WHERE " + filters + " ORDER BY " + key.expression + order + ", order_id"
                                + order
                                + (everyRow ? "" : " LIMIT :walk")
                                + ") newest WHERE strpos(search_text, :q) > 0 ORDER BY sort_key"
                                + order + ", order_id" + order + " LIMIT :limit) page JOIN " + table
                                + " t ON t.order_id = "
                                + "page.order_id ORDER BY page.sort_key" + order + ", page.order_id" + order);
                if (everyRow || found.size() > limit) {
                    return found;
                }
            }
            if (!plan.pieces().isEmpty()) {
                // the index is asked for the rare pieces only, and every row it finds is checked for the whole q by
                // strpos, which the index cannot serve
                var matches = new ArrayList<String>();
                for (int i = 0; i < plan.pieces().size(); i++) {
                    matches.add("search_text LIKE :qPart" + i + " ESCAPE '\\'");
                    params.put("qPart" + i, containing(plan.pieces().get(i)));
                }
                matches.add("strpos(search_text, :q) > 0");
                return rows(
                        key, today, params, everyMatch(table, key, filters + " AND " + String.join(" AND ", matches)));
            }
            params.put("qPattern", containing(q));
            return rows(
                    key,
                    today,
                    params,
                    everyMatch(table, key, filters + " AND search_text LIKE :qPattern ESCAPE '\\'"));
        });
    }

    /** A LIKE pattern (escaped by a backslash) for the values that contain {@code text}. */
    private static String containing(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /**
     * Every row that meets {@code condition}, then the page of them. Planned apart from the page's LIMIT, PostgreSQL
     * looks the condition up in the trigram index rather than walking the sort index in the hope that matching rows
     * come soon: for a rare q none may come in this status, and that walk read a whole status (a second at a million
     * orders). The cost is bounded by how many rows the index finds.
     */
    private static String everyMatch(String table, SortKey key, String condition) {
        String order = key.descending ? " DESC" : " ASC";
        return "WITH found AS MATERIALIZED (SELECT order_id, " + key.expression + " AS sort_key FROM " + table
                + " WHERE " + condition + ") SELECT t.document, page.order_id, page.sort_key FROM (SELECT order_id, "
                + "sort_key FROM found ORDER BY sort_key" + order + ", order_id" + order + " LIMIT :limit) page JOIN "
                + table + " t ON t.order_id = page.order_id ORDER BY page.sort_key" + order + ", page.order_id" + order;
    }

    private List<Row> rows(SortKey key, LocalDate today, Map<String, Object> params, String sql) {
        return jdbc.sql(sql)
                .params(params)
                .query((rs, row) -> new Row(
                        ProjectionJson.read(rs.getString("document")).toView(today),
                        (UUID) rs.getObject("order_id"),
                        key.format(rs.getObject("sort_key"))))
                .list();
    }

    private static void filter(List<String> where, Map<String, Object> params, String name, String sql, Object value) {
        if (value != null) {
            where.add(sql);
            params.put(name, value);
        }
    }

    /** The scope as SQL: the tenant always; assignee, location or customer when the role narrows it. */
    private static String scopeSql(OrderScope scope, Map<String, Object> params) {
        var where = new ArrayList<String>();
        where.add("tenant_id = :scopeTenant");
        params.put("scopeTenant", scope.tenantId());
        filter(where, params, "scopeAssignee", "assignee = :scopeAssignee", scope.assignee());
        filter(where, params, "scopeLocation", "location = :scopeLocation", scope.location());
        filter(where, params, "scopeCustomer", "customer_id = :scopeCustomer", scope.customerId());
        return String.join(" AND ", where);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private record Row(OrderView view, UUID id, String key) {}

    /** How each sort orders the rows: a SQL expression with a total order once the id breaks ties. */
    private enum SortKey {
        CREATED("created_at", true, false),
        CREATED_ASC("created_at", false, false),
        CHANGED("last_changed_at", true, false),
        TOTAL("COALESCE(total_amount, -1)", true, true),
        TOTAL_ASC("COALESCE(total_amount, -1)", false, true),
        PRIORITY("priority", true, true);

        final String expression;
        final boolean descending;
        final boolean numeric;

        SortKey(String expression, boolean descending, boolean numeric) {
            this.expression = expression;
            this.descending = descending;
            this.numeric = numeric;
        }

        static SortKey of(OrderQuery.Sort sort) {
            return switch (sort) {
                case CREATED_AT_DESC -> CREATED;
                case CREATED_AT_ASC -> CREATED_ASC;
                case UPDATED_AT_DESC -> CHANGED;
                case TOTAL_AMOUNT_DESC -> TOTAL;
                case TOTAL_AMOUNT_ASC -> TOTAL_ASC;
                case PRIORITY_DESC -> PRIORITY;
            };
        }

        String format(Object value) {
            if (value instanceof Timestamp timestamp) {
                return timestamp.toInstant().toString();
            }
            return value instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(value);
        }

        Object parse(String text) {
            try {
                if (!numeric) {
                    return Timestamp.from(Instant.parse(text));
                }
                return this == PRIORITY ? (Object) Integer.valueOf(text) : new BigDecimal(text);
            } catch (RuntimeException malformed) {
                throw Cursor.invalid();
            }
        }
    }

    /** Where a page ended: the sort, its key and the id of the last row. Opaque to clients. */
    private record Cursor(OrderQuery.Sort sort, String key, UUID id) {

        String encode() {
            String raw = sort.parameter() + "|" + key + "|" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String text, OrderQuery.Sort expected) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
                String[] parts = raw.split("\\|", -1);
                if (parts.length != 3 || !parts[0].equals(expected.parameter())) {
                    throw invalid();
                }
                return new Cursor(expected, parts[1], UUID.fromString(parts[2]));
            } catch (IllegalArgumentException malformed) {
                throw invalid();
            }
        }

        static InvalidOrderException invalid() {
            return InvalidOrderException.of("cursor", "is not a cursor of this list (or of this sort)");
        }
    }
}

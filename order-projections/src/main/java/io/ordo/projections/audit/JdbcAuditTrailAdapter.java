package io.ordo.projections.audit;

import io.ordo.application.port.in.audit.AuditEntry;
import io.ordo.application.port.in.audit.AuditPage;
import io.ordo.application.port.in.audit.AuditQuery;
import io.ordo.application.port.out.AuditTrailPort;
import io.ordo.domain.exception.InvalidOrderException;
import io.ordo.projections.store.ProjectionSlots;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;

/**
 * Outgoing-port adapter: queries on the audit table, always within one tenant, newest first, paged by keyset
 * (at, order, sequence). The export streams from a server-side cursor, a few hundred rows at a time, so
 * millions of entries never sit in memory.
 */
public class JdbcAuditTrailAdapter implements AuditTrailPort {

    private static final int FETCH_SIZE = 500;
    private static final SQLStateSQLExceptionTranslator TRANSLATOR = new SQLStateSQLExceptionTranslator();

    private final DataSource dataSource;
    private final ProjectionSlots slots;

    public JdbcAuditTrailAdapter(DataSource dataSource, ProjectionSlots slots) {
        this.dataSource = dataSource;
        this.slots = slots;
    }

    private record Sql(String text, List<Object> params) {}

    private Sql sql(String tenantId, AuditQuery query, Integer limit) {
        var where = new ArrayList<String>();
        var params = new ArrayList<Object>();
        where.add("tenant_id = ?");
        params.add(tenantId);
        if (query.actor() != null) {
            where.add("by_user = ?");
            params.add(query.actor());
        }
        if (query.type() != null) {
            where.add("type = ?");
            params.add(query.type());
        }
        if (query.orderId() != null) {
            UUID orderId;
            try {
                orderId = UUID.fromString(query.orderId());
            } catch (IllegalArgumentException notAnId) {
                orderId = new UUID(0, 0); // no order has it: the answer is simply empty
            }
            where.add("order_id = ?");
            params.add(orderId);
        }
        if (query.from() != null) {
            where.add("at >= ?");
            params.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            where.add("at <= ?");
            params.add(Timestamp.from(query.to()));
        }
        if (query.cursor() != null) {
            Cursor after = Cursor.decode(query.cursor());
            where.add("(at, order_id, sequence_number) < (?, ?, ?)");
            params.add(Timestamp.from(after.at()));
            params.add(after.orderId());
            params.add(after.sequence());
        }
        String text = "SELECT order_id, order_number, sequence_number, type, at, by_user, source, reason "
                + "FROM " + slots.activeTable(AuditProjection.NAME, AuditProjection.TABLE) + " WHERE "
                + String.join(" AND ", where)
                + " ORDER BY at DESC, order_id DESC, sequence_number DESC" + (limit == null ? "" : " LIMIT " + limit);
        return new Sql(text, params);
    }

    @Override
    public AuditPage search(String tenantId, AuditQuery query) {
        var entries = new ArrayList<AuditEntry>();
        run(sql(tenantId, query, query.limit() + 1), entries::add);
        boolean more = entries.size() > query.limit();
        var page = more ? entries.subList(0, query.limit()) : entries;
        String next = null;
        if (more) {
            AuditEntry last = page.get(page.size() - 1);
            next = new Cursor(last.at(), UUID.fromString(last.orderId()), last.sequence()).encode();
        }
        return new AuditPage(List.copyOf(page), next, more);
    }

    @Override
    public void stream(String tenantId, AuditQuery query, Consumer<AuditEntry> sink) {
        run(sql(tenantId, query, null), sink);
    }

    private void run(Sql sql, Consumer<AuditEntry> sink) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
            try (PreparedStatement statement = connection.prepareStatement(sql.text())) {
                statement.setFetchSize(FETCH_SIZE);
                for (int i = 0; i < sql.params().size(); i++) {
                    statement.setObject(i + 1, sql.params().get(i));
                }
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(new AuditEntry(
                                rs.getString("order_id"),
                                rs.getString("order_number"),
                                rs.getLong("sequence_number"),
                                rs.getString("type"),
                                rs.getTimestamp("at").toInstant(),
                                rs.getString("by_user"),
                                rs.getString("source"),
                                rs.getString("reason")));
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw TRANSLATOR.translate("audit query", sql.text(), e);
        }
    }

    /** Where a page ended: the last entry's time, order and sequence. */
    private record Cursor(Instant at, UUID orderId, long sequence) {

        String encode() {
            String raw = at + "|" + orderId + "|" + sequence;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String text) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|");
                return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]), Long.parseLong(parts[2]));
            } catch (RuntimeException malformed) {
                throw InvalidOrderException.of("cursor", "is not a cursor of this list");
            }
        }
    }
}

package io.ordo.adapters.persistence.outbox;

import io.ordo.adapters.persistence.IdCursor;
import io.ordo.adapters.persistence.secret.SecretBox;
import io.ordo.application.port.in.subscription.NotificationDeliveryPage;
import io.ordo.application.port.in.subscription.NotificationDeliveryView;
import io.ordo.application.port.in.subscription.SubscriptionView;
import io.ordo.application.port.out.subscription.SubscriptionPort;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The subscriptions (secrets sealed by {@link SecretBox}) and, from the outbox, their deliveries. */
public final class JdbcSubscriptionAdapter implements SubscriptionPort {

    private final JdbcClient jdbc;
    private final SecretBox secrets;
    private final Clock clock;

    public JdbcSubscriptionAdapter(JdbcClient jdbc, SecretBox secrets, Clock clock) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.clock = clock;
    }

    @Override
    public SubscriptionView save(String tenant, String url, String secret, List<String> events) {
        return jdbc.sql("""
                        INSERT INTO subscription (id, tenant_id, url, secret, events, created_at)
                        VALUES (:id, :tenant, :url, :secret, :events, :now)
                        RETURNING id, url, events, created_at""")
                .param("id", UUID.randomUUID())
                .param("tenant", tenant)
                .param("url", url)
                .param("secret", secrets.seal(secret))
                .param("events", events.toArray(String[]::new))
                .param("now", Timestamp.from(clock.instant()))
                .query(JdbcSubscriptionAdapter::subscription)
                .single();
    }

    @Override
    public List<SubscriptionView> list(String tenant) {
        return jdbc.sql("""
                        SELECT id, url, events, created_at FROM subscription WHERE tenant_id = :tenant
                        ORDER BY created_at, id""")
                .param("tenant", tenant)
                .query(JdbcSubscriptionAdapter::subscription)
                .list();
    }

    @Override
    public boolean delete(String tenant, UUID id) {
        return jdbc.sql("DELETE FROM subscription WHERE tenant_id = :tenant AND id = :id")
                        .param("tenant", tenant)
                        .param("id", id)
                        .update()
                == 1;
    }

    @Override
    public boolean exists(String tenant, UUID id) {
        return jdbc.sql("SELECT count(*) FROM subscription WHERE tenant_id = :tenant AND id = :id")
                        .param("tenant", tenant)
                        .param("id", id)
                        .query(Long.class)
                        .single()
                == 1;
    }

    @Override
    public NotificationDeliveryPage deliveries(UUID id, String cursor, int limit) {
        long after = IdCursor.after(cursor);
        var rows = jdbc.sql("""
                        SELECT id, event_id, order_id, sequence, type, state, attempts, last_status, last_error,
                               next_attempt_at, delivered_at
                        FROM outbox WHERE subscription_id = :subscription AND id < :after
                        ORDER BY id DESC LIMIT :limit""")
                .param("subscription", id)
                .param("after", after)
                .param("limit", limit + 1)
                .query((rs, n) -> new Row(rs.getLong("id"), delivery(rs)))
                .list();
        boolean more = rows.size() > limit;
        var page = more ? rows.subList(0, limit) : rows;
        return new NotificationDeliveryPage(
                page.stream().map(Row::view).toList(),
                more ? IdCursor.of(page.get(page.size() - 1).id()) : null,
                more);
    }

    private record Row(long id, NotificationDeliveryView view) {}

    private static NotificationDeliveryView delivery(ResultSet rs) throws SQLException {
        String state = rs.getString("state");
        int status = rs.getInt("last_status");
        Integer lastStatus = rs.wasNull() ? null : status;
        return new NotificationDeliveryView(
                rs.getString("event_id"),
                rs.getObject("order_id").toString(),
                rs.getLong("sequence"),
                rs.getString("type"),
                state,
                rs.getInt("attempts"),
                lastStatus,
                rs.getString("last_error"),
                state.equals("pending") ? instant(rs.getTimestamp("next_attempt_at")) : null,
                instant(rs.getTimestamp("delivered_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static SubscriptionView subscription(ResultSet rs, int row) throws SQLException {
        Array events = rs.getArray("events");
        return new SubscriptionView(
                rs.getObject("id").toString(),
                rs.getString("url"),
                Arrays.asList((String[]) events.getArray()),
                rs.getTimestamp("created_at").toInstant());
    }
}

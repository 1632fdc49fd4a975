package io.ordo.adapters.persistence.webhook;

import io.ordo.adapters.persistence.IdCursor;
import io.ordo.adapters.persistence.secret.SecretBox;
import io.ordo.application.port.in.webhook.WebhookDeliveryPage;
import io.ordo.application.port.in.webhook.WebhookDeliveryView;
import io.ordo.application.port.in.webhook.WebhookProviderView;
import io.ordo.application.port.out.webhook.WebhookDeliveryPort;
import io.ordo.application.port.out.webhook.WebhookProviderPort;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The webhook providers (secrets sealed by {@link SecretBox}) and their deliveries, in PostgreSQL. */
public final class JdbcWebhookAdapter implements WebhookProviderPort, WebhookDeliveryPort {

    private final JdbcClient jdbc;
    private final SecretBox secrets;
    private final Clock clock;

    public JdbcWebhookAdapter(JdbcClient jdbc, SecretBox secrets, Clock clock) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.clock = clock;
    }

    @Override
    public WebhookProviderView save(String tenant, String name, String kind, String secret) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                        INSERT INTO webhook_provider (tenant_id, name, kind, secret, created_at, rotated_at)
                        VALUES (:tenant, :name, :kind, :secret, :now, :now)
                        ON CONFLICT (tenant_id, name) DO UPDATE
                            SET kind = EXCLUDED.kind, secret = EXCLUDED.secret, rotated_at = EXCLUDED.rotated_at
                        RETURNING name, kind, created_at""")
                .param("tenant", tenant)
                .param("name", name)
                .param("kind", kind)
                .param("secret", secrets.seal(secret))
                .param("now", now)
                .query(JdbcWebhookAdapter::provider)
                .single();
    }

    @Override
    public Optional<Registered> find(String tenant, String name) {
        return jdbc.sql("SELECT name, kind, secret FROM webhook_provider WHERE tenant_id = :tenant AND name = :name")
                .param("tenant", tenant)
                .param("name", name)
                .query((rs, row) ->
                        new Registered(rs.getString("name"), rs.getString("kind"), secrets.open(rs.getBytes("secret"))))
                .optional();
    }

    @Override
    public List<WebhookProviderView> list(String tenant) {
        return jdbc.sql("SELECT name, kind, created_at FROM webhook_provider WHERE tenant_id = :tenant ORDER BY name")
                .param("tenant", tenant)
                .query(JdbcWebhookAdapter::provider)
                .list();
    }

    @Override
    public Optional<WebhookDeliveryView> find(String tenant, String provider, String eventId) {
        return jdbc.sql("""
                        SELECT id, event_id, received_at, order_id, status, outcome, reason FROM webhook_delivery
                        WHERE tenant_id = :tenant AND provider = :provider AND event_id = :event""")
                .param("tenant", tenant)
                .param("provider", provider)
                .param("event", eventId)
                .query(JdbcWebhookAdapter::delivery)
                .optional();
    }

    @Override
    public boolean recordRejected(String tenant, String provider, WebhookDeliveryView delivery) {
        return insert(jdbc, tenant, provider, delivery) == 1;
    }

    /** Inserts a delivery unless its event id is taken; answers the rows inserted (0 or 1). */
    static int insert(JdbcClient jdbc, String tenant, String provider, WebhookDeliveryView delivery) {
        return jdbc.sql("""
                        INSERT INTO webhook_delivery
                            (tenant_id, provider, event_id, received_at, order_id, status, outcome, reason)
                        VALUES (:tenant, :provider, :event, :received, :order, :status, :outcome, :reason)
                        ON CONFLICT ON CONSTRAINT webhook_delivery_once DO NOTHING""")
                .param("tenant", tenant)
                .param("provider", provider)
                .param("event", delivery.eventId())
                .param("received", Timestamp.from(delivery.receivedAt()))
                .param("order", delivery.orderId() == null ? null : UUID.fromString(delivery.orderId()))
                .param("status", delivery.status())
                .param("outcome", delivery.outcome())
                .param("reason", delivery.reason())
                .update();
    }

    @Override
    public WebhookDeliveryPage page(String tenant, String provider, String cursor, int limit) {
        long after = IdCursor.after(cursor);
        var rows = jdbc.sql("""
                        SELECT id, event_id, received_at, order_id, status, outcome, reason FROM webhook_delivery
                        WHERE tenant_id = :tenant AND provider = :provider AND id < :after
                        ORDER BY id DESC LIMIT :limit""")
                .param("tenant", tenant)
                .param("provider", provider)
                .param("after", after)
                .param("limit", limit + 1)
                .query((rs, row) -> new Row(rs.getLong("id"), delivery(rs, row)))
                .list();
        boolean more = rows.size() > limit;
        var page = more ? rows.subList(0, limit) : rows;
        return new WebhookDeliveryPage(
                page.stream().map(Row::view).toList(),
                more ? IdCursor.of(page.get(page.size() - 1).id()) : null,
                more);
    }

    private record Row(long id, WebhookDeliveryView view) {}

    private static WebhookProviderView provider(ResultSet rs, int row) throws SQLException {
        return new WebhookProviderView(
                rs.getString("name"),
                rs.getString("kind"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static WebhookDeliveryView delivery(ResultSet rs, int row) throws SQLException {
        Object order = rs.getObject("order_id");
        Instant received = rs.getTimestamp("received_at").toInstant();
        return new WebhookDeliveryView(
                rs.getString("event_id"),
                received,
                order == null ? null : order.toString(),
                rs.getString("status"),
                rs.getString("outcome"),
                rs.getString("reason"));
    }
}

package io.ordo.adapters.persistence;

import io.ordo.application.port.in.idempotency.IdempotentRequestsUseCase.StoredAnswer;
import io.ordo.application.port.out.IdempotencyPort;
import java.time.Duration;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Outgoing-port adapter: idempotency keys in PostgreSQL, each statement its own short transaction. */
public class JdbcIdempotencyAdapter implements IdempotencyPort {

    private final JdbcClient jdbc;

    public JdbcIdempotencyAdapter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(String tenant, String user, String key, String request, Duration ttl, Duration abandonAfter) {
        jdbc.sql("""
                        DELETE FROM idempotency_key
                        WHERE tenant_id = :tenant AND user_id = :user AND idempotency_key = :key
                          AND (created_at < now() - make_interval(secs => :ttl)
                               OR (state = 'running' AND claimed_at < now() - make_interval(secs => :abandon)))""")
                .param("tenant", tenant)
                .param("user", user)
                .param("key", key)
                .param("ttl", ttl.toSeconds())
                .param("abandon", abandonAfter.toSeconds())
                .update();
        return jdbc.sql("""
                        INSERT INTO idempotency_key (tenant_id, user_id, idempotency_key, request, state)
                        VALUES (:tenant, :user, :key, :request, 'running')
                        ON CONFLICT (tenant_id, user_id, idempotency_key) DO NOTHING""")
                        .param("tenant", tenant)
                        .param("user", user)
                        .param("key", key)
                        .param("request", request)
                        .update()
                == 1;
    }

    @Override
    public Optional<Entry> find(String tenant, String user, String key) {
        return jdbc.sql("""
                        SELECT request, state, response_status, response_body, content_type, location, etag, order_id,
                               extract(epoch FROM now() - claimed_at) AS since_claimed
                        FROM idempotency_key WHERE tenant_id = :tenant AND user_id = :user AND idempotency_key = :key""")
                .param("tenant", tenant)
                .param("user", user)
                .param("key", key)
                .query((rs, row) -> new Entry(
                        rs.getString("request"),
                        rs.getString("state"),
                        rs.getString("state").equals("done")
                                ? new StoredAnswer(
                                        rs.getInt("response_status"),
                                        rs.getString("response_body"),
                                        rs.getString("content_type"),
                                        rs.getString("location"),
                                        rs.getString("etag"))
                                : null,
                        rs.getString("order_id"),
                        Duration.ofMillis(Math.round(rs.getDouble("since_claimed") * 1000))))
                .optional();
    }

    @Override
    public int purgeExpired(Duration ttl, int limit) {
        return jdbc.sql("""
                        DELETE FROM idempotency_key WHERE ctid IN (
                            SELECT ctid FROM idempotency_key WHERE created_at < now() - make_interval(secs => :ttl)
                            LIMIT :limit)""").param("ttl", ttl.toSeconds()).param("limit", limit).update();
    }

    @Override
    public void complete(String tenant, String user, String key, StoredAnswer answer) {
        jdbc.sql("""
                        UPDATE idempotency_key SET state = 'done', response_status = :status, response_body = :body,
                               content_type = :type, location = :location, etag = :etag
                        WHERE tenant_id = :tenant AND user_id = :user AND idempotency_key = :key""")
                .param("tenant", tenant)
                .param("user", user)
                .param("key", key)
                .param("status", answer.status())
                .param("body", answer.body())
                .param("type", answer.contentType())
                .param("location", answer.location())
                .param("etag", answer.etag())
                .update();
    }

    @Override
    public void release(String tenant, String user, String key) {
        // a key whose command committed stays: its events exist, so running it again would do it twice
        jdbc.sql("""
                        DELETE FROM idempotency_key
                        WHERE tenant_id = :tenant AND user_id = :user AND idempotency_key = :key AND state = 'running'""")
                .param("tenant", tenant)
                .param("user", user)
                .param("key", key)
                .update();
    }
}

package io.ordo.adapters.persistence;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.annotation.SourceId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Marks a request's Idempotency-Key committed, with the order its events belong to, in the transaction that stores
 * its command's events (a subscribing handler), so a key is never left claimed for events that exist, nor
 * committed without them.
 */
@ProcessingGroup(IdempotencyKeyRecorder.NAME)
public class IdempotencyKeyRecorder {

    public static final String NAME = "idempotency-keys";

    private final JdbcClient jdbc;

    public IdempotencyKeyRecorder(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(
            Object event,
            @MetaDataValue("idempotencyKey") String key,
            @MetaDataValue("tenant") String tenant,
            @MetaDataValue("actor") String actor,
            @SourceId String orderId) {
        if (key == null || actor == null) {
            return;
        }
        jdbc.sql("""
                        UPDATE idempotency_key SET state = 'committed', order_id = :order
                        WHERE tenant_id = :tenant AND user_id = :user AND idempotency_key = :key AND state = 'running'""")
                .param("tenant", tenant == null ? "-" : tenant)
                .param("user", actor)
                .param("key", key)
                .param("order", orderId)
                .update();
    }
}

package io.ordo.adapters.persistence.personal;

import io.ordo.adapters.persistence.secret.SecretBox;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One AES-256 key per order ({@code order_data_key}, V20), wrapped by the master key ({@code ordo.secrets.key}).
 * A key is made with its order's first event that holds personal data, in that event's transaction. Keys read
 * once are kept in memory (at most {@link #CACHED}).
 */
public final class OrderDataKeys {

    static final int CACHED = 100_000;

    private final JdbcClient jdbc;
    private final SecretBox master;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretBox> cache = new ConcurrentHashMap<>();

    public OrderDataKeys(JdbcClient jdbc, SecretBox master) {
        this.jdbc = jdbc;
        this.master = master;
    }

    /**
     * The key of the order, made now if it has none yet. A new order has none: the insert comes first, and only an
     * order that had one already (an event of an order from before sealing, or a race) reads it back.
     */
    SecretBox keyFor(String orderId, String tenant, String customerId) {
        SecretBox known = cache.get(orderId);
        if (known != null) {
            return known;
        }
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        int made = jdbc.sql("""
                        INSERT INTO order_data_key (order_id, tenant_id, customer_id, wrapped_key)
                        VALUES (:order, :tenant, :customer, :wrapped)
                        ON CONFLICT (order_id) DO NOTHING""")
                .param("order", UUID.fromString(orderId))
                .param("tenant", tenant)
                .param("customer", customerId)
                .param("wrapped", master.seal(Base64.getEncoder().encodeToString(fresh)))
                .update();
        if (made == 1) {
            return remember(orderId, new SecretBox(fresh));
        }
        return find(orderId)
                .orElseThrow(() -> new IllegalStateException("order " + orderId + " has no data key: it was erased"));
    }

    /** The key of the order; empty when it has none (never had, or it was destroyed). */
    public Optional<SecretBox> find(String orderId) {
        SecretBox known = cache.get(orderId);
        if (known != null) {
            return Optional.of(known);
        }
        return jdbc.sql("SELECT wrapped_key FROM order_data_key WHERE order_id = :order AND wrapped_key IS NOT NULL")
                .param("order", UUID.fromString(orderId))
                .query(byte[].class)
                .optional()
                .map(wrapped ->
                        remember(orderId, new SecretBox(Base64.getDecoder().decode(master.open(wrapped)))));
    }

    private SecretBox remember(String orderId, SecretBox key) {
        if (cache.size() >= CACHED) {
            cache.clear();
        }
        cache.put(orderId, key);
        return key;
    }
}

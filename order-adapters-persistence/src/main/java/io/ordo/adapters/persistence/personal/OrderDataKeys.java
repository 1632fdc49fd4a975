package io.ordo.adapters.persistence.personal;

import io.ordo.adapters.persistence.secret.SecretBox;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One AES-256 key per order ({@code order_data_key}, V20), wrapped by the master key ({@code ordo.secrets.key}).
 * A key is made with its order's first event that holds personal data, in that event's transaction, and destroyed
 * by its order's erasure ({@link #destroy}). Keys read once are kept in memory (at most {@link #CACHED}); every node
 * drops the keys erased anywhere within a poll of {@link #forgetErased} (ADR 0016), and knows from then on that their
 * orders were erased ({@link #erased}, ADR 0024).
 */
public final class OrderDataKeys {

    static final int CACHED = 100_000;

    private final JdbcClient jdbc;
    private final SecretBox master;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretBox> cache = new ConcurrentHashMap<>();
    private final Set<String> erasedOrders = ConcurrentHashMap.newKeySet();
    private volatile boolean erasedLoaded;
    private volatile Instant lastErasurePoll;

    /** How far back each poll of {@link #forgetErased} looks beyond the previous one. */
    static final Duration ERASURE_OVERLAP = Duration.ofMinutes(1);

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

    /**
     * Whether the order was erased (its key destroyed, or a keyless row written for an order from before sealing), as
     * this node knows it: every erased order is read once, then each erasure is added by this node's commit or by the
     * poll of {@link #forgetErased}, as the keys are forgotten. An erasure is never undone.
     */
    public boolean erased(String orderId) {
        return erasedOrders().contains(orderId);
    }

    /** Whether any order was erased: until the first erasure, stored JSON without a sealed value needs no look. */
    public boolean anyErased() {
        return !erasedOrders().isEmpty();
    }

    private Set<String> erasedOrders() {
        if (!erasedLoaded) {
            synchronized (erasedOrders) {
                if (!erasedLoaded) {
                    erasedOrders.addAll(
                            jdbc.sql("SELECT order_id::text FROM order_data_key WHERE erased_at IS NOT NULL")
                                    .query(String.class)
                                    .list());
                    erasedLoaded = true;
                }
            }
        }
        return erasedOrders;
    }

    /**
     * Destroys the order's key, in the caller's transaction: its row keeps no key, only when it was erased (a row is
     * written for an order that had no key, so that none is made for it later). This node forgets the key now and
     * again once the transaction commits (a read in between could have cached it again).
     */
    void destroy(String orderId, String tenant, String customerId) {
        jdbc.sql("""
                        INSERT INTO order_data_key (order_id, tenant_id, customer_id, wrapped_key, erased_at)
                        VALUES (:order, :tenant, :customer, NULL, now())
                        ON CONFLICT (order_id) DO UPDATE
                        SET wrapped_key = NULL, erased_at = COALESCE(order_data_key.erased_at, now())""")
                .param("order", UUID.fromString(orderId))
                .param("tenant", tenant)
                .param("customer", customerId)
                .update();
        cache.remove(orderId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cache.remove(orderId);
                    erasedOrders.add(orderId);
                }
            });
        } else {
            erasedOrders.add(orderId);
        }
    }

    /**
     * Forgets the keys erased (on any node) since the last call, or in the last {@link #ERASURE_OVERLAP} before it, and
     * notes their orders as erased:
     * an erasure's time is its transaction's start, so one that commits a little later is still seen. Answers how
     * many were forgotten.
     */
    public int forgetErased() {
        Instant now = jdbc.sql("SELECT now()").query(Timestamp.class).single().toInstant();
        Instant since = (lastErasurePoll == null ? now : lastErasurePoll).minus(ERASURE_OVERLAP);
        List<String> erased = jdbc.sql("""
                        SELECT order_id::text FROM order_data_key
                        WHERE erased_at IS NOT NULL AND erased_at >= :since""")
                .param("since", Timestamp.from(since))
                .query(String.class)
                .list();
        lastErasurePoll = now;
        erased.forEach(cache::remove);
        erasedOrders.addAll(erased);
        return erased.size();
    }

    private SecretBox remember(String orderId, SecretBox key) {
        if (cache.size() >= CACHED) {
            cache.clear();
        }
        cache.put(orderId, key);
        return key;
    }
}

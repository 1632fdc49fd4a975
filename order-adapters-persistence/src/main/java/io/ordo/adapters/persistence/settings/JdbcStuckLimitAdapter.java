package io.ordo.adapters.persistence.settings;

import io.ordo.application.port.out.StuckLimitPort;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** A tenant's stuck limits ({@code stuck_limit}): replaced whole, in one transaction. */
public final class JdbcStuckLimitAdapter implements StuckLimitPort {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public JdbcStuckLimitAdapter(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public Map<String, Map<String, Double>> overrides(String tenant) {
        var overrides = new LinkedHashMap<String, Map<String, Double>>();
        jdbc.sql("SELECT workflow, status, hours FROM stuck_limit WHERE tenant_id = :tenant ORDER BY workflow, status")
                .param("tenant", tenant)
                .query(rs -> {
                    overrides
                            .computeIfAbsent(rs.getString("workflow"), w -> new LinkedHashMap<>())
                            .put(rs.getString("status"), rs.getDouble("hours"));
                });
        return overrides;
    }

    @Override
    public void replace(String tenant, Map<String, Map<String, Double>> overrides) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM stuck_limit WHERE tenant_id = :tenant")
                    .param("tenant", tenant)
                    .update();
            overrides.forEach((workflow, statuses) -> statuses.forEach((name, hours) -> jdbc.sql("""
                            INSERT INTO stuck_limit (tenant_id, workflow, status, hours)
                            VALUES (:tenant, :workflow, :status, :hours)""")
                    .param("tenant", tenant)
                    .param("workflow", workflow)
                    .param("status", name)
                    .param("hours", hours)
                    .update()));
        });
    }
}

package io.ordo.adapters.persistence;

import io.ordo.application.port.out.OrderNumberPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Order numbers from one counter row per (tenant, year), advanced atomically in PostgreSQL, so two nodes
 * never hand out the same number. It runs on its own, outside the command's transaction, so a
 * number is never held back by a slow command. A number whose command then fails is a gap, never a duplicate.
 */
public class JdbcOrderNumberAdapter implements OrderNumberPort {

    private final JdbcClient jdbc;

    public JdbcOrderNumberAdapter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String next(String tenantId, int year) {
        long value = jdbc.sql("""
                        INSERT INTO order_number_counter (tenant_id, year, last_value) VALUES (:tenant, :year, 1)
                        ON CONFLICT (tenant_id, year) DO UPDATE SET last_value = order_number_counter.last_value + 1
                        RETURNING last_value""")
                .param("tenant", tenantId)
                .param("year", year)
                .query(Long.class)
                .single();
        return "ORD-%d-%06d".formatted(year, value);
    }
}

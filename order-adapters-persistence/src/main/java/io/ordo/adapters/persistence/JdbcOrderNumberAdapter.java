package io.ordo.adapters.persistence;

import io.ordo.application.port.out.OrderNumberPort;
import java.sql.SQLException;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Order numbers from one PostgreSQL sequence per (tenant, year), created on the year's first number
 * ({@code next_order_number}, V14), so two nodes never hand out the same number and no create waits for another's
 * disk flush to take one. It runs on its own, outside the command's transaction, so a number is never held back by
 * a slow command. A number whose command then fails is a gap, never a duplicate.
 */
public class JdbcOrderNumberAdapter implements OrderNumberPort {

    private final JdbcClient jdbc;

    public JdbcOrderNumberAdapter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String next(String tenantId, int year) {
        long value;
        try {
            value = take(tenantId, year);
        } catch (DataAccessException e) {
            if (!createdMeanwhile(e)) {
                throw e;
            }
            value = take(tenantId, year);
        }
        return "ORD-%d-%06d".formatted(year, value);
    }

    /**
     * Two callers created the year's sequence at once and this one lost: PostgreSQL says so as a duplicate key in
     * its catalog (23505) or as the relation already there (42P07). The sequence exists now; a new statement sees it.
     */
    private static boolean createdMeanwhile(DataAccessException e) {
        return e.getMostSpecificCause() instanceof SQLException sql
                && ("23505".equals(sql.getSQLState()) || "42P07".equals(sql.getSQLState()));
    }

    private long take(String tenantId, int year) {
        return jdbc.sql("SELECT next_order_number(:tenant, :year)")
                .param("tenant", tenantId)
                .param("year", year)
                .query(Long.class)
                .single();
    }
}

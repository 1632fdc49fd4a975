package io.ordo.adapters.persistence;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells Axon when an append failed because the (aggregate, sequence) was taken: PostgreSQL's SQLSTATE 23505,
 * wherever the driver put it (batch inserts hide it in the next exception). Axon then raises a
 * ConcurrencyException, which the write path retries or answers with 409 CONCURRENT_MODIFICATION. Axon's
 * own resolver looks for a SQLIntegrityConstraintViolationException, which the PostgreSQL driver never throws.
 */
public class PostgresDuplicateKeyResolver implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && isUniqueViolation(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUniqueViolation(SQLException exception) {
        for (SQLException next = exception; next != null; next = next.getNextException()) {
            if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                return true;
            }
            if (next instanceof BatchUpdateException && next.getNextException() == next) {
                break;
            }
        }
        return false;
    }
}

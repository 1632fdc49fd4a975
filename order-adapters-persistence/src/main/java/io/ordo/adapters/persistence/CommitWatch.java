package io.ordo.adapters.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/**
 * Whether any write transaction ended (committed or rolled back) since the last look, on this node or another:
 * PostgreSQL's current snapshot ({@code xmin:xmax:in-progress}) changes with each, since {@code xmax} is one past
 * the latest ended transaction and one that ends below it leaves the in-progress list; reads change nothing. One
 * statement without a table, on a connection of its own, so that a busy pool never holds up the one who asks.
 * Not thread-safe: one caller (PromptEventSource's ticker). When the database cannot be asked, the answer is
 * yes, so the caller looks for itself.
 */
final class CommitWatch implements BooleanSupplier, AutoCloseable {

    private final DataSource dataSource;
    private Connection connection;
    private String lastSnapshot;

    CommitWatch(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean getAsBoolean() {
        try {
            if (connection == null) {
                connection = dataSource.getConnection();
                connection.setAutoCommit(true);
            }
            try (Statement statement = connection.createStatement();
                    ResultSet snapshot = statement.executeQuery("SELECT pg_current_snapshot()::text")) {
                snapshot.next();
                String now = snapshot.getString(1);
                boolean changed = !now.equals(lastSnapshot);
                lastSnapshot = now;
                return changed;
            }
        } catch (SQLException | RuntimeException unavailable) {
            close();
            lastSnapshot = null;
            return true;
        }
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the connection is gone either way
            }
            connection = null;
        }
    }
}

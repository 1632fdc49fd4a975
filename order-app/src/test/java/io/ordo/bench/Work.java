package io.ordo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The work PostgreSQL did, from its own counters: statements run (pg_stat_statements, every statement of every
 * session, the service's streaming projections and outbox included), transactions committed (pg_stat_database) and
 * WAL flushes to disk (pg_stat_wal: the durable commits, fewer than the commits when one flush covers several), and
 * the WAL written (pg_stat_wal: its bytes, and the full-page images among them, the pages changed for the first time
 * since a checkpoint, which PostgreSQL writes whole).
 */
record Work(long statements, long commits, long walFlushes, long walBytes, long fullPageImages) {

    /** Creates the statistics' view in the benchmark's database (the server preloads the library). */
    static void enable(String jdbcUrl) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            c.createStatement().execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        } catch (SQLException unavailable) {
            System.out.println("No statement statistics: " + unavailable.getMessage());
        }
    }

    /** The counters now; null where the server cannot tell. */
    static Work read(String jdbcUrl) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
                ResultSet rs = c.createStatement().executeQuery("""
                        SELECT (SELECT coalesce(sum(calls), 0) FROM pg_stat_statements),
                               (SELECT sum(xact_commit) FROM pg_stat_database),
                               (SELECT wal_sync FROM pg_stat_wal),
                               (SELECT wal_bytes FROM pg_stat_wal),
                               (SELECT wal_fpi FROM pg_stat_wal)""")) {
            rs.next();
            return new Work(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
        } catch (SQLException unavailable) {
            return null;
        }
    }

    /**
     * The work since {@code before}: read after the sessions have reported their counters (they do at most once a
     * second while busy); null where not known.
     */
    static Work since(String jdbcUrl, Work before) throws InterruptedException {
        if (before == null) {
            return null;
        }
        Thread.sleep(1_500);
        Work now = read(jdbcUrl);
        return now == null
                ? null
                : new Work(
                        now.statements - before.statements,
                        now.commits - before.commits,
                        now.walFlushes - before.walFlushes,
                        now.walBytes - before.walBytes,
                        now.fullPageImages - before.fullPageImages);
    }

    /** "per create: 13.8 statements, 3.25 commits, 1.10 WAL flushes, 9.1 kB WAL (0.41 full pages)". */
    String per(String operation, long count) {
        if (count == 0) {
            return "";
        }
        return "per %s: %.1f statements, %.2f commits, %.2f WAL flushes, %.1f kB WAL (%.2f full pages)"
                .formatted(
                        operation,
                        statements / (double) count,
                        commits / (double) count,
                        walFlushes / (double) count,
                        walBytes / 1000.0 / count,
                        fullPageImages / (double) count);
    }

    /** Forgets the statement statistics so far, so that the next phase's can be itemised alone. */
    static void reset(String jdbcUrl) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            c.createStatement().execute("SELECT pg_stat_statements_reset()");
        } catch (SQLException unavailable) {
            // no statistics: nothing to itemise
        }
    }

    /**
     * Writes the statements run since the last {@link #reset}, most frequent first, per {@code operation} (of which
     * {@code count} were answered): how often, how many rows and how much execution time each cost per operation.
     */
    static void itemise(String jdbcUrl, String operation, long count, Path file) {
        if (count == 0) {
            return;
        }
        var out = new StringBuilder(
                "| per " + operation + ": calls | rows | execution ms | statement |\n|---:|---:|---:|---|\n");
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
                ResultSet rs = c.createStatement().executeQuery("""
                        SELECT calls, rows, total_exec_time, regexp_replace(query, '\\s+', ' ', 'g')
                        FROM pg_stat_statements ORDER BY calls DESC LIMIT 40""")) {
            while (rs.next()) {
                String query = rs.getString(4);
                out.append("| %.3f | %.2f | %.4f | `%s` |\n"
                        .formatted(
                                rs.getLong(1) / (double) count,
                                rs.getLong(2) / (double) count,
                                rs.getDouble(3) / count,
                                (query.length() > 160 ? query.substring(0, 160) + "…" : query).replace("|", "\\|")));
            }
            Files.writeString(file, out);
        } catch (SQLException | IOException unavailable) {
            System.out.println("No statement list for " + operation + ": " + unavailable.getMessage());
        }
    }
}

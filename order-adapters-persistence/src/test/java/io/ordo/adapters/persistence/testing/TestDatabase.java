package io.ordo.adapters.persistence.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.Driver;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * The real PostgreSQL every test talks to, started once per JVM: {@code ORDO_TEST_DATABASE_URL} if set
 * (with {@code ORDO_TEST_DATABASE_USERNAME}/{@code _PASSWORD}), else Testcontainers where Docker answers,
 * else an embedded PostgreSQL in a temporary directory. Each Spring context gets a database of its own,
 * created fresh on that server, so contexts never see each other's orders.
 */
public final class TestDatabase {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static Server server;

    /** Where the server is and how to log in; {@code url} ends in a database name we replace. */
    public record Server(String host, int port, String user, String password, String adminDatabase) {

        String url(String database) {
            return "jdbc:postgresql://%s:%d/%s".formatted(host, port, database);
        }
    }

    private TestDatabase() {}

    public static synchronized Server server() {
        if (server == null) {
            server = start();
        }
        return server;
    }

    /** A new database on the shared server, migrated by Flyway to the latest version. */
    public static DataSource newMigratedDataSource(String prefix) {
        return newMigratedDataSource(prefix, "latest");
    }

    /** A new database on the shared server, migrated by Flyway up to {@code version} (e.g. "23", or "latest"). */
    public static DataSource newMigratedDataSource(String prefix, String version) {
        Server s = server();
        var dataSource = new SimpleDriverDataSource(new Driver(), newDatabase(prefix), s.user(), s.password());
        migrate(dataSource, version);
        return dataSource;
    }

    /** Migrates the database further, up to {@code version} (e.g. "24", or "latest"). */
    public static void migrate(DataSource dataSource, String version) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .target(version)
                .load()
                .migrate();
    }

    /** A new, empty database on the shared server; returns its JDBC URL. */
    public static String newDatabase(String prefix) {
        Server s = server();
        String name = "%s_%d_%d".formatted(prefix, ProcessHandle.current().pid(), DATABASES.incrementAndGet());
        try (Connection c = DriverManager.getConnection(s.url(s.adminDatabase()), s.user(), s.password())) {
            c.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return s.url(name);
    }

    private static Server start() {
        String url = System.getenv("ORDO_TEST_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            var uri = URI.create(url.substring("jdbc:".length()));
            String database = uri.getPath().replaceFirst("^/", "");
            return new Server(
                    uri.getHost(),
                    uri.getPort() < 0 ? 5432 : uri.getPort(),
                    env("ORDO_TEST_DATABASE_USERNAME", "postgres"),
                    env("ORDO_TEST_DATABASE_PASSWORD", ""),
                    database.isEmpty() ? "postgres" : database);
        }
        if (dockerAvailable()) {
            var container = new PostgreSQLContainer<>("postgres:17-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new Server(
                    container.getHost(),
                    container.getFirstMappedPort(),
                    container.getUsername(),
                    container.getPassword(),
                    container.getDatabaseName());
        }
        try {
            var embedded = EmbeddedPostgres.builder()
                    .setDataDirectory(Files.createTempDirectory("ordo-test-pg"))
                    .setCleanDataDirectory(true)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (Exception ignored) {
                    // the JVM is going away
                }
            }));
            return new Server("localhost", embedded.getPort(), "postgres", "", "postgres");
        } catch (Exception e) {
            throw new IllegalStateException("cannot start an embedded PostgreSQL for the tests", e);
        }
    }

    private static boolean dockerAvailable() {
        boolean configured = System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"));
        if (!configured) {
            return false; // spares Testcontainers' noisy search on machines without Docker
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable noDocker) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    /** Points a Spring context at a fresh database of its own on the shared server. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            Server s = server();
            TestPropertyValues.of(
                            "spring.datasource.url=" + newDatabase("ordo_it"),
                            "spring.datasource.username=" + s.user(),
                            "spring.datasource.password=" + s.password())
                    .applyTo(context);
        }
    }
}

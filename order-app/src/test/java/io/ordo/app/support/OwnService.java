package io.ordo.app.support;

import io.ordo.app.EmbeddedPostgresServer;
import io.ordo.app.OrdoApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A service of its own on an embedded database of its own, for a test that needs settings or faults that the
 * shared one must not see: started with {@code args} on a free port. The database can be stopped and started
 * again on the same data and port.
 */
public final class OwnService implements AutoCloseable {

    private final Path data;
    private final int databasePort;
    private EmbeddedPostgresServer database;
    private final ConfigurableApplicationContext app;

    private OwnService(Path data, int databasePort, String... args) throws IOException {
        this(data, databasePort, new Class<?>[0], args);
    }

    private OwnService(Path data, int databasePort, Class<?>[] extraSources, String... args) throws IOException {
        this.data = data;
        this.databasePort = databasePort;
        this.database = EmbeddedPostgresServer.start(data, databasePort);
        var all = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=postgres"));
        all.addAll(List.of(args));
        try {
            var sources = new ArrayList<Class<?>>(List.of(OrdoApplication.class));
            sources.addAll(List.of(extraSources));
            this.app = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new)).run(all.toArray(String[]::new));
        } catch (RuntimeException failed) {
            database.close();
            throw failed;
        }
    }

    /** Starts the database and the service ({@code name} names the data directory). */
    public static OwnService start(String name, String... args) throws IOException {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return new OwnService(Files.createTempDirectory("ordo-" + name).resolve("postgres"), port, args);
    }

    /** As {@link #start}, with configuration classes of the test's own (a clock it controls, say). */
    public static OwnService startWith(String name, Class<?> configuration, String... args) throws IOException {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return new OwnService(
                Files.createTempDirectory("ordo-" + name).resolve("postgres"),
                port,
                new Class<?>[] {configuration},
                args);
    }

    public ConfigurableApplicationContext app() {
        return app;
    }

    public int httpPort() {
        return ((ServletWebServerApplicationContext) app).getWebServer().getPort();
    }

    public void stopDatabase() throws IOException {
        database.close();
    }

    public void startDatabase() throws IOException {
        database = EmbeddedPostgresServer.start(data, databasePort);
    }

    @Override
    public void close() throws IOException {
        app.close();
        database.close();
    }
}

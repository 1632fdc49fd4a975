package io.ordo.app.support;

import static io.ordo.app.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.ordo.adapters.persistence.testing.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Ordo in a JVM of its own, from the packaged jar, on a database of the test server: for tests that kill it with
 * SIGKILL. Its output goes to {@code target/<log>}.
 */
public final class OrdoProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private OrdoProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts Ordo on {@code url} with {@code args} and waits until it is healthy. */
    public static OrdoProcess start(String url, TestDatabase.Server server, String log, String... args)
            throws IOException {
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<>(List.of(
                java,
                "-Xmx512m",
                "-jar",
                jar().toString(),
                "--server.port=" + port,
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + server.user(),
                "--spring.datasource.password=" + server.password()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", log).toFile())
                .start();
        var started = new OrdoProcess(process, port);
        var anonymous = new Http(port, null);
        int health = eventually(
                () -> {
                    try {
                        return anonymous.get("/actuator/health").status();
                    } catch (AssertionError notYet) {
                        return 0;
                    }
                },
                status -> status == 200 || !process.isAlive(),
                Duration.ofSeconds(90));
        assertThat(health).as("Ordo started (see target/" + log + ")").isEqualTo(200);
        return started;
    }

    public Http as(String user) {
        return new Http(port, user);
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or given back. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    /** The packaged service's jar in {@code target/}. */
    public static Path jar() throws IOException {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("order-app-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("run after package: no order-app jar in target/"));
        }
    }

    public static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

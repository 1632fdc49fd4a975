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
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Ordo in a JVM of its own, from the packaged jar, on a database of the test server: for tests that kill it with
 * SIGKILL. Its output goes to {@code target/<log>}.
 */
public final class OrdoProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private OrdoProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts Ordo on {@code url} with {@code args} and waits until it is healthy. */
    public static OrdoProcess start(String url, TestDatabase.Server server, String log, String... args)
            throws IOException {
        return start(url, server, log, Map.of(), args);
    }

    /** Starts Ordo with {@code environment} added to this JVM's and waits until it is healthy. */
    public static OrdoProcess start(
            String url, TestDatabase.Server server, String log, Map<String, String> environment, String... args)
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
        var builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", log).toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        var started = new OrdoProcess(process, port, Path.of("target", log));
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

    /** The lines the service wrote to its console so far (one it is still writing is left out). */
    public List<String> logLines() throws IOException {
        String written = Files.readString(log);
        return written.substring(0, written.lastIndexOf('\n') + 1).lines().toList();
    }

    /** SIGTERM, as an orchestrator stops it; waits until it has exited and answers its exit code. */
    public int terminate(Duration patience) throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS))
                .as("Ordo stopped within " + patience + " of SIGTERM (see " + log + ")")
                .isTrue();
        return process.exitValue();
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

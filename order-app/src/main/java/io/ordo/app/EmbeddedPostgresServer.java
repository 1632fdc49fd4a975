package io.ordo.app;

import com.sun.management.OperatingSystemMXBean;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL (zonky binaries) on a data directory that outlives the process: durable commits,
 * never wiped. After a {@code kill -9} of the JVM the postmaster started through {@code pg_ctl} may still
 * run on the directory; {@link #start} finds it through {@code postmaster.pid} and stops it first, and
 * PostgreSQL's own crash recovery does the rest.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts PostgreSQL on {@code dataDirectory} (created if new), on {@code port} or a free port when 0. */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) throws IOException {
        return start(dataDirectory, port, null);
    }

    /**
     * Starts PostgreSQL on {@code dataDirectory} (created if new), on {@code port} or a free port when 0, with
     * {@code sharedBuffers} of page cache of its own (PostgreSQL's 128MB when null).
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port, String sharedBuffers) throws IOException {
        return start(dataDirectory, port, sharedBuffers, Map.of());
    }

    /** As {@link #start(Path, int, String)}, with more server settings (the benchmark's statement statistics). */
    public static EmbeddedPostgresServer start(
            Path dataDirectory, int port, String sharedBuffers, Map<String, String> settings) throws IOException {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        Files.createDirectories(directory);
        requireNoLiveOwner(directory);
        stopStaleServer(directory);
        var builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("max_connections", "100")
                .setPGStartupWait(Duration.ofSeconds(60));
        if (sharedBuffers != null) {
            builder.setServerConfig("shared_buffers", sharedBuffers);
        }
        settings.forEach(builder::setServerConfig);
        if (port > 0) {
            builder.setPort(port);
        }
        var postgres = builder.start();
        log.info("Embedded PostgreSQL listening on port {}, data in {}", postgres.getPort(), directory);
        return new EmbeddedPostgresServer(postgres);
    }

    /**
     * The embedded default's {@code shared_buffers}: a quarter of the machine's memory (PostgreSQL's advice for a
     * server of its own), at least PostgreSQL's 128MB and at most 2GB. PostgreSQL's own default of 128MB holds a tenth
     * of a million orders' list: every search beyond it read its pages from the operating system's cache
     * (docs/benchmarks.md).
     */
    public static String sharedBuffersFor(long machineBytes) {
        long megabytes = Math.max(128, Math.min(2048, machineBytes / 4 / (1024 * 1024)));
        return megabytes + "MB";
    }

    /** {@link #sharedBuffersFor} this machine's memory. */
    public static String defaultSharedBuffers() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        long machine = os instanceof OperatingSystemMXBean bean ? bean.getTotalMemorySize() : 0;
        return sharedBuffersFor(machine);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:%d/postgres".formatted(postgres.getPort());
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    /**
     * Zonky holds a file lock on {@code epg-lock} for as long as its JVM lives. If we can take it, whoever
     * started the server on this directory is gone; if not, another Ordo is using it and must not be harmed.
     */
    static void requireNoLiveOwner(Path directory) throws IOException {
        Path lockFile = directory.resolve("epg-lock");
        if (!Files.exists(lockFile)) {
            return;
        }
        try (var channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            var lock = channel.tryLock();
            if (lock == null) {
                throw new IllegalStateException("Another running Ordo uses the data directory " + directory
                        + "; stop it first or set ordo.embedded.data-dir to another directory.");
            }
            lock.release();
        } catch (OverlappingFileLockException sameJvm) {
            throw new IllegalStateException("This process already runs PostgreSQL on " + directory, sameJvm);
        }
    }

    /** A postmaster left running by a killed JVM: stop it (fast shutdown), waiting up to 60 s. */
    static void stopStaleServer(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return; // PostgreSQL itself will judge a garbled pid file
        }
        Optional<ProcessHandle> process =
                ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> isPostgres(p));
        if (process.isEmpty()) {
            log.info("Found postmaster.pid of a server that is gone (pid {}); PostgreSQL will recover", pid);
            return;
        }
        log.warn("A PostgreSQL from an earlier run (pid {}) still serves {}; stopping it", pid, directory);
        signal(pid, "INT"); // fast shutdown: rolls back open transactions, keeps every committed one
        Instant deadline = Instant.now().plusSeconds(60);
        while (process.get().isAlive() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while stopping the stale PostgreSQL", e);
            }
        }
        if (process.get().isAlive()) {
            log.warn("Stale PostgreSQL (pid {}) did not stop in 60 s; killing it, crash recovery follows", pid);
            process.get().destroyForcibly();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        Path cmdline = Path.of("/proc", String.valueOf(process.pid()), "cmdline");
        try {
            if (Files.exists(cmdline)) {
                return new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).contains("postgres");
            }
        } catch (IOException unreadable) {
            return false;
        }
        return process.info().command().map(c -> c.contains("postgres")).orElse(true);
    }

    private static void signal(long pid, String signal) throws IOException {
        try {
            new ProcessBuilder("kill", "-" + signal, String.valueOf(pid))
                    .inheritIO()
                    .start()
                    .waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while signalling " + pid, e);
        }
    }
}

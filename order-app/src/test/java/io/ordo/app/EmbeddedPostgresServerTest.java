package io.ordo.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default survives its JVM being killed: a child JVM starts PostgreSQL on a data directory,
 * commits a row and is killed with SIGKILL; the next start finds the orphaned server, stops it and
 * serves the same data. Its page cache is sized to the machine.
 */
class EmbeddedPostgresServerTest {

    @TempDir
    Path data;

    /** Run in a child JVM: start on args[0], commit a row, say READY, wait to be killed. */
    public static void main(String[] args) throws Exception {
        var server = EmbeddedPostgresServer.start(Path.of(args[0]), 0);
        try (var c = DriverManager.getConnection(server.jdbcUrl(), "postgres", "")) {
            c.createStatement().execute("CREATE TABLE survivor (name text)");
            c.createStatement().execute("INSERT INTO survivor VALUES ('acknowledged')");
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    @Test
    void shared_buffers_are_a_quarter_of_the_machine_from_128MB_to_2GB() {
        long gib = 1024L * 1024 * 1024;
        assertThat(EmbeddedPostgresServer.sharedBuffersFor(24 * gib)).isEqualTo("2048MB");
        assertThat(EmbeddedPostgresServer.sharedBuffersFor(4 * gib)).isEqualTo("1024MB");
        assertThat(EmbeddedPostgresServer.sharedBuffersFor(gib / 4)).isEqualTo("128MB");
        assertThat(EmbeddedPostgresServer.sharedBuffersFor(0))
                .as("memory unknown")
                .isEqualTo("128MB");
    }

    @Test
    void the_server_runs_with_the_shared_buffers_it_is_given() throws Exception {
        try (var server = EmbeddedPostgresServer.start(data.resolve("postgres"), 0, "192MB");
                var c = DriverManager.getConnection(server.jdbcUrl(), "postgres", "")) {
            var rs = c.createStatement().executeQuery("SHOW shared_buffers");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("192MB");
        }
    }

    @Test
    void data_survives_a_kill_of_the_jvm_and_the_orphaned_server_is_stopped() throws Exception {
        Path directory = data.resolve("postgres");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var child = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        EmbeddedPostgresServerTest.class.getName(),
                        directory.toString())
                .redirectErrorStream(true)
                .start();
        try (var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.contains("READY")) {
                // start-up chatter
            }
            assertThat(line).as("child JVM reported READY").isNotNull();
        }
        long orphan = Long.parseLong(
                Files.readAllLines(directory.resolve("postmaster.pid")).get(0).trim());
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive))
                .as("postmaster outlived its JVM")
                .contains(true);

        try (var server = EmbeddedPostgresServer.start(directory, 0);
                var c = DriverManager.getConnection(server.jdbcUrl(), "postgres", "")) {
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false))
                    .isFalse();
            var rs = c.createStatement().executeQuery("SELECT name FROM survivor");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("acknowledged");
        }
    }
}

package io.ordo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.ordo.adapters.persistence.EventJson;
import io.ordo.adapters.persistence.EventStoreConfiguration;
import io.ordo.adapters.persistence.PreciseJdbcEventStorageEngine;
import io.ordo.app.EmbeddedPostgresServer;
import io.ordo.domain.Contact;
import io.ordo.domain.Customer;
import io.ordo.domain.OrderId;
import io.ordo.domain.OrderLine;
import io.ordo.domain.event.OrderCreated;
import io.ordo.domain.event.OrderStatusChanged;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * One run, one table: the raw insert limit of the database, then Ordo over real HTTP in its own JVM on the
 * same database — creates at 1/4/16 clients, status changes on short and long orders, projection lag, list
 * queries (first and deep pages), a replay, and the service's peak RSS — each with its ratio to the raw limit.
 * Run with {@code ./mvnw -Pbench verify} (see docs/benchmarks.md); {@link BenchmarkSmokeIT} runs it tiny in CI.
 */
public final class OrdoBenchmark {

    /** How big a run is. */
    public record Settings(
            Duration phase,
            int longOrderEvents,
            int listOrders,
            int lagSamples,
            int reassignOrders,
            Set<String> phases,
            List<String> jvmArgs) {

        /** Every phase, in the order a run takes them. */
        public static final List<String> ALL =
                List.of("raw", "crud", "creates", "subscribed", "status", "lag", "list", "reassign", "replay");

        public Settings(Duration phase, int longOrderEvents, int listOrders, int lagSamples, int reassignOrders) {
            this(phase, longOrderEvents, listOrders, lagSamples, reassignOrders, Set.copyOf(ALL), List.of());
        }

        /**
         * {@code bench.seconds}, {@code bench.longOrderEvents}, {@code bench.listOrders}, {@code bench.lagSamples},
         * {@code bench.reassignOrders};
         * {@code bench.phases} (comma-separated subset of {@link #ALL}) and {@code bench.jvmArgs} (space-separated
         * options for the service's JVM, e.g. a flight recording) for tuning runs.
         */
        public static Settings fromSystemProperties() {
            String phases = System.getProperty("bench.phases", String.join(",", ALL));
            String jvmArgs = System.getProperty("bench.jvmArgs", "").trim();
            return new Settings(
                    Duration.ofSeconds(Long.getLong("bench.seconds", 10)),
                    Integer.getInteger("bench.longOrderEvents", 500),
                    Integer.getInteger("bench.listOrders", 100_000),
                    Integer.getInteger("bench.lagSamples", 200),
                    Integer.getInteger("bench.reassignOrders", 10_000),
                    Set.of(phases.split(",")),
                    jvmArgs.isEmpty() ? List.of() : List.of(jvmArgs.split("\\s+")));
        }

        boolean runs(String phase) {
            return phases.contains(phase);
        }
    }

    /** One measured figure. */
    public record Figure(String what, double value, String unit, String note) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // the JDK's blocking client keeps 5 idle connections per server by default: 16 clients would reconnect
        System.setProperty("http.maxConnections", "64");
    }

    /** The JIT has settled when its compilers use less than this share of one core over {@link #SETTLE_WINDOW}. */
    private static final double SETTLED = 0.05;

    private static final Duration SETTLE_WINDOW = Duration.ofSeconds(10);

    private static final String AUTH = basic("admin");
    /** The replays are started by {@code ops}, the role that may. */
    private static final String OPS = basic("ops");

    private final Settings settings;
    private final List<Figure> figures = new ArrayList<>();
    private String base;
    private String jdbcUrl;
    /** The CPU each phase cost, where the machine tells it (Linux); null elsewhere. */
    private CpuMeter meter;

    public OrdoBenchmark(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        var benchmark = new OrdoBenchmark(Settings.fromSystemProperties());
        var figures = benchmark.run(
                Path.of(System.getProperty("bench.jar", "target")), Path.of(System.getProperty("java.io.tmpdir")));
        String table = table(figures);
        System.out.println(table);
        String out = System.getProperty("bench.output");
        if (out != null) {
            Files.writeString(Path.of(out), table);
        }
    }

    /**
     * Runs the phases on a database of its own in a new directory under {@code scratchParent}, and deletes that
     * directory at the end (a million orders leave about 10 GB), unless {@code bench.keepDatabase} is true: then
     * it says where the database is, to be studied afterwards.
     */
    public List<Figure> run(Path jarDirectory, Path scratchParent) throws Exception {
        Path scratch = Files.createTempDirectory(scratchParent, "ordo-bench");
        try {
            return runOn(jarDirectory, scratch.resolve("postgres"));
        } finally {
            if (Boolean.getBoolean("bench.keepDatabase")) {
                System.out.println("The benchmark's database is kept in " + scratch);
            } else {
                deleteRecursively(scratch);
            }
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private Path postgresData;

    private List<Figure> runOn(Path jarDirectory, Path data) throws Exception {
        postgresData = data;
        // the database as the service's embedded default starts it
        try (var database = EmbeddedPostgresServer.start(
                data,
                0,
                EmbeddedPostgresServer.defaultSharedBuffers(),
                // statements per operation (Work): the statistics of every statement the server runs
                Map.of("shared_preload_libraries", "pg_stat_statements", "pg_stat_statements.track", "all"))) {
            jdbcUrl = database.jdbcUrl();
            Work.enable(jdbcUrl);
            meter = CpuMeter.available() ? new CpuMeter(0, data) : null;
            if (settings.runs("raw")) {
                rawInserts(1);
                rawInserts(16);
                // the raw rows written out now: the checkpoint they cause would otherwise run beside Ordo's first
                // phases
                checkpoint();
            }
            if (settings.runs("crud")) {
                crudReference();
                checkpoint();
            }
            Process ordo = startOrdo(jarDirectory);
            meter = meter == null ? null : new CpuMeter(ordo.pid(), data);
            try {
                warmUp();
                if (settings.runs("creates")) {
                    creates(1);
                    creates(4);
                    creates(16);
                    createsAtHalfLoad(figures.get(figures.size() - 1).value() / 2);
                }
                if (settings.runs("subscribed")) {
                    createsWithOneSubscription();
                }
                if (settings.runs("status")) {
                    statusChanges(16, 0, "short orders");
                    statusChanges(
                            16, settings.longOrderEvents(), "orders of ~" + settings.longOrderEvents() + " events");
                }
                if (settings.runs("lag")) {
                    projectionLag();
                }
                if (settings.runs("list")) {
                    listQueries();
                }
                if (settings.runs("reassign")) {
                    bulkReassignment();
                }
                if (settings.runs("replay")) {
                    replay();
                }
                figures.add(new Figure("peak RSS of the service", peakRssMiB(ordo.pid()), "MiB", "VmHWM of its JVM"));
            } finally {
                ordo.destroy();
                ordo.waitFor(30, TimeUnit.SECONDS);
            }
        }
        return figures;
    }

    // --- the CRUD reference -------------------------------------------------------------------------

    /**
     * The yardstick: the service a team would build without events ({@code crud.CrudReference}), started as its own
     * JVM with the same JVM options on the same PostgreSQL, warmed up for {@code bench.crudWarmup} seconds (default
     * six phases: 60 s) of 16 clients creating and moving, then measured like Ordo: creates and status changes, 16
     * clients.
     */
    private void crudReference() throws Exception {
        int port = freePort();
        Path target = Path.of(System.getProperty("bench.jar", "target"));
        String classpath = String.join(
                java.io.File.pathSeparator,
                target.resolve("test-classes").toString(),
                target.resolve("classes").toString(),
                Files.readString(target.resolve("bench-classpath.txt")).trim());
        var command = java();
        command.addAll(List.of(
                "-cp",
                classpath,
                "io.ordo.bench.crud.CrudReference",
                "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.hikari.maximum-pool-size=20"));
        Process crud = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(Path.of(System.getProperty("java.io.tmpdir"), "ordo-bench-crud.log")
                        .toFile())
                .start();
        String ordoBase = base;
        var ordoMeter = meter;
        base = "http://localhost:" + port;
        try {
            Instant deadline = Instant.now().plusSeconds(120);
            String last = "no answer";
            while (true) {
                try {
                    var answer = send("POST", "/orders", order("Up"));
                    if (answer.statusCode() == 201) {
                        break;
                    }
                    last = answer.statusCode() + " " + answer.body();
                } catch (IOException notYet) {
                    // starting
                }
                if (!crud.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(
                            "the CRUD reference did not start (" + last + "): see ordo-bench-crud.log");
                }
                Thread.sleep(200);
            }
            meter = meter == null ? null : new CpuMeter(crud.pid(), postgresData);
            var ids = new ConcurrentLinkedQueue<String>();
            long warmUp = Long.getLong("bench.crudWarmup", 6 * settings.phase().toSeconds());
            var until = Instant.now().plusSeconds(warmUp);
            var pool = Executors.newFixedThreadPool(16);
            for (int c = 0; c < 16; c++) {
                pool.submit(() -> {
                    while (Instant.now().isBefore(until)) {
                        String id = JSON.readTree(send("POST", "/orders", order("Warm-up"))
                                        .body())
                                .get("id")
                                .asText();
                        send("POST", "/orders/" + id + "/status", "{\"status\": \"pending\"}");
                        ids.add(id);
                    }
                    return null;
                });
            }
            pool.shutdown();
            pool.awaitTermination(warmUp + 60, TimeUnit.SECONDS);
            checkpoint();
            report("CRUD reference: POST /orders, 16 clients", "create", load(16, client -> {
                try {
                    return send("POST", "/orders", order("Bench " + client)).statusCode() == 201;
                } catch (IOException | InterruptedException e) {
                    return false;
                }
            }));
            var orders = new ArrayList<>(ids).subList(0, 16);
            var moves = new int[16];
            report("CRUD reference: status changes, 16 clients", "status change", load(16, client -> {
                String to = moves[client]++ % 2 == 0 ? "paused" : "active";
                try {
                    return send("POST", "/orders/" + orders.get(client) + "/status", "{\"status\": \"" + to + "\"}")
                                    .statusCode()
                            == 200;
                } catch (IOException | InterruptedException e) {
                    return false;
                }
            }));
            figures.add(
                    new Figure("peak RSS of the CRUD reference", peakRssMiB(crud.pid()), "MiB", "VmHWM of its JVM"));
        } finally {
            base = ordoBase;
            meter = ordoMeter;
            crud.destroy();
            crud.waitFor(30, TimeUnit.SECONDS);
        }
    }

    // --- the raw limit --------------------------------------------------------------------------------

    private void checkpoint() throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            c.createStatement().execute("CHECKPOINT");
        }
    }

    private void rawInserts(int threads) throws Exception {
        checkpoint(); // each phase starts with the earlier phase's writes on disk
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            // a schema of its own: Ordo's Flyway expects the public schema to be its alone
            c.createStatement().execute("CREATE SCHEMA IF NOT EXISTS bench");
            c.createStatement().execute("""
                    CREATE TABLE IF NOT EXISTS bench.bench_event (global_index BIGSERIAL PRIMARY KEY,
                      aggregate_identifier VARCHAR(255) NOT NULL, sequence_number BIGINT NOT NULL, type VARCHAR(255),
                      event_identifier VARCHAR(255) NOT NULL UNIQUE, meta_data BYTEA, payload BYTEA NOT NULL,
                      payload_revision VARCHAR(255), payload_type VARCHAR(255) NOT NULL, time_stamp VARCHAR(255) NOT NULL,
                      UNIQUE (aggregate_identifier, sequence_number))""");
        }
        byte[] payload = ("{\"orderId\":\"x\",\"from\":\"draft\",\"to\":\"pending\",\"actor\":\"agent\",\"padding\":\""
                        + "x".repeat(300) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        var count = new AtomicLong();
        var cpu = cpu();
        var deadline = Instant.now().plus(settings.phase());
        var pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
                    var insert = c.prepareStatement("""
                            INSERT INTO bench.bench_event (aggregate_identifier, sequence_number, type, event_identifier,
                              meta_data, payload, payload_revision, payload_type, time_stamp) VALUES (?, 0, 'Order', ?, ?, ?, '1', 'x', ?)""");
                    while (Instant.now().isBefore(deadline)) {
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setString(2, UUID.randomUUID().toString());
                        insert.setBytes(3, "{}".getBytes(StandardCharsets.UTF_8));
                        insert.setBytes(4, payload);
                        insert.setString(5, Instant.now().toString());
                        insert.executeUpdate();
                        count.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(settings.phase().toSeconds() + 60, TimeUnit.SECONDS);
        figures.add(new Figure(
                "raw JDBC event-row inserts, " + threads + " thread" + (threads > 1 ? "s" : ""),
                count.get() / (double) settings.phase().toSeconds(),
                "rows/s",
                "one row per transaction, durable commits" + cpuPer(cpu, "row", count.get())));
    }

    // --- Ordo -----------------------------------------------------------------------------------------

    private Process startOrdo(Path jarDirectory) throws Exception {
        Path jar;
        try (var files = Files.list(jarDirectory)) {
            jar = files.filter(p -> p.getFileName().toString().matches("order-app-.*\\.jar"))
                    .findFirst()
                    .orElseThrow();
        }
        int port = freePort();
        var command = java();
        command.addAll(settings.jvmArgs());
        command.addAll(List.of(
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--ordo.node-id=bench",
                // every request comes from one user, up to 16 at a time: the per-user limit would measure itself
                "--ordo.rate-limit.enabled=false",
                // the subscribed phase's receiver listens on loopback, in this JVM
                "--ordo.subscriptions.allow-private-targets=true"));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(Path.of(System.getProperty("java.io.tmpdir"), "ordo-bench.log")
                        .toFile())
                .start();
        base = "http://localhost:" + port;
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (send("GET", "/actuator/health", null).statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("Ordo did not start; see ordo-bench.log in the temp directory");
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** This JVM's java with the JVM options of order-app/jvm.options: a service runs as the README runs it. */
    private static List<String> java() {
        Path options = Path.of(System.getProperty("bench.jvmOptions", "jvm.options"));
        if (!Files.exists(options)) {
            throw new IllegalStateException("no JVM options file at " + options.toAbsolutePath());
        }
        return new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "@" + options.toAbsolutePath()));
    }

    /** A service's answer: its status and body. */
    record Answer(int statusCode, String body) {}

    /**
     * One request on a kept-alive connection of the JDK's plain blocking client: the figures are the service's, so the
     * client should cost little of the two cores it shares with it (the asynchronous {@code HttpClient} cost ~30 % of
     * the creates at 16 clients, docs/benchmarks.md).
     */
    private Answer send(String method, String path, String body) throws IOException, InterruptedException {
        return send(method, path, body, AUTH);
    }

    private Answer send(String method, String path, String body, String authorization) throws IOException {
        var connection = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
        connection.setRequestMethod(method);
        connection.setRequestProperty("Authorization", authorization);
        if (body != null) {
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            try (var out = connection.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = connection.getResponseCode();
        try (var in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            return new Answer(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    static String order(String name) {
        return """
                {"workflow": "standard", "customer": {"id": "cust-1", "name": "%s", "phone": "+15550100"},
                 "deliveryAddress": "1 Main St", "description": "Headphones", "currency": "USD",
                 "items": [{"sku": "SKU-1", "name": "Headphones", "quantity": 2, "unitPrice": "100.00"}]}""".formatted(name);
    }

    /**
     * A measured phase: its answered requests' latencies, sorted, the CPU it cost (null where not known) and the work
     * PostgreSQL did meanwhile.
     */
    private record Phase(List<Long> sortedNanos, CpuMeter.Usage cpu, Work work) {

        static Phase of(Collection<Long> latencies, CpuMeter.Usage cpu, Work work) {
            var sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            return new Phase(sorted, cpu, work);
        }
    }

    /** Runs {@code clients} loops of {@code call} for one phase; figures throughput and latency. */
    private Phase load(int clients, IntFunction<Boolean> call) throws InterruptedException {
        var latencies = new ConcurrentLinkedQueue<Long>();
        var work = Work.read(jdbcUrl);
        var cpu = cpu();
        var deadline = Instant.now().plus(settings.phase());
        var done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            new Thread(
                            () -> {
                                while (Instant.now().isBefore(deadline)) {
                                    long start = System.nanoTime();
                                    if (call.apply(client)) {
                                        latencies.add(System.nanoTime() - start);
                                    }
                                }
                                done.countDown();
                            },
                            "bench-client-" + client)
                    .start();
        }
        done.await();
        var usage = since(cpu);
        return Phase.of(latencies, usage, Work.since(jdbcUrl, work));
    }

    /** A phase's figure: its rate, latencies, and the CPU per {@code operation}. */
    private void report(String what, String operation, Phase phase) {
        List<Long> sortedNanos = phase.sortedNanos();
        double perSecond = sortedNanos.size() / (double) settings.phase().toSeconds();
        String cpu = phase.cpu() == null ? "" : "; " + phase.cpu().per(operation, sortedNanos.size());
        cpu += phase.work() == null ? "" : "; " + phase.work().per(operation, sortedNanos.size());
        figures.add(new Figure(
                what,
                perSecond,
                "/s",
                "p50 %.1f ms, p99 %.1f ms"
                                .formatted(percentile(sortedNanos, 50) / 1e6, percentile(sortedNanos, 99) / 1e6)
                        + cpu));
    }

    private CpuMeter.Reading cpu() {
        return meter == null ? null : meter.read();
    }

    /** The CPU since {@code before}, or null where the machine does not tell. */
    private CpuMeter.Usage since(CpuMeter.Reading before) {
        return before == null ? null : CpuMeter.between(before, meter.read());
    }

    /** "; CPU per row: …" since {@code before}, or nothing where the machine does not tell. */
    private String cpuPer(CpuMeter.Reading before, String operation, long count) {
        var usage = since(before);
        return usage == null ? "" : "; " + usage.per(operation, count);
    }

    /** "; CPU: service … s" since {@code before}, or nothing where the machine does not tell. */
    private String cpuTotal(CpuMeter.Reading before) {
        var usage = since(before);
        return usage == null ? "" : "; " + usage.total();
    }

    static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /**
     * Unmeasured creates, status changes and reads by 4 clients, for at least {@code bench.warmup} seconds (default:
     * two phases, at least 5 s), and on until the service's JIT compilers used less than {@link #SETTLED} of a core
     * over {@link #SETTLE_WINDOW}, or {@code bench.warmupMax} seconds have passed (default: 30 phases). A service just
     * started compiles its hot paths for about two minutes, with up to most of a core, on the cores its requests
     * need: measured before that, the first figures are a cold service's. Where the machine does not tell the
     * compilers' CPU (not Linux), the minimum only. The time it took is a figure of the table. A checkpoint follows.
     */
    private void warmUp() throws Exception {
        long minimum =
                Long.getLong("bench.warmup", Math.max(5, 2 * settings.phase().toSeconds()));
        long maximum = Math.max(
                minimum, Long.getLong("bench.warmupMax", 30 * settings.phase().toSeconds()));
        var stop = new AtomicBoolean();
        var pool = Executors.newFixedThreadPool(4);
        for (int c = 0; c < 4; c++) {
            pool.submit(() -> {
                while (!stop.get()) {
                    String id = JSON.readTree(send("POST", "/api/orders", order("Warm-up"))
                                    .body())
                            .get("id")
                            .asText();
                    send("POST", "/api/orders/" + id + "/status", "{\"status\": \"pending\"}");
                    send("GET", "/api/orders/" + id, null);
                }
                return null;
            });
        }
        long start = System.nanoTime();
        Thread.sleep(TimeUnit.SECONDS.toMillis(minimum));
        String note = "the minimum; the compilers' CPU is not known here";
        if (meter != null) {
            while (true) {
                long before = meter.compilerTicks();
                Thread.sleep(SETTLE_WINDOW.toMillis());
                double compilersMs = CpuMeter.millis(Math.max(0, meter.compilerTicks() - before));
                double seconds = (System.nanoTime() - start) / 1e9;
                note = "the JIT compilers used %.0f ms of CPU in the last %d s"
                        .formatted(compilersMs, SETTLE_WINDOW.toSeconds());
                if (compilersMs < SETTLED * SETTLE_WINDOW.toMillis()) {
                    break;
                }
                if (seconds >= maximum) {
                    note += ", still compiling at the limit of %d s".formatted(maximum);
                    break;
                }
            }
        }
        stop.set(true);
        pool.shutdown();
        if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the warm-up's clients did not stop");
        }
        figures.add(new Figure(
                "warm-up (unmeasured: 4 clients creating, moving and reading orders)",
                (System.nanoTime() - start) / 1e9,
                "s",
                note));
        // its writes on disk now, as the raw phase's: their checkpoint would otherwise run beside the first phases
        checkpoint();
    }

    private void creates(int clients) throws InterruptedException {
        creates(clients, "");
    }

    private void creates(int clients, String label) throws InterruptedException {
        boolean itemised = clients == 16 && label.isEmpty();
        if (itemised) {
            Work.reset(jdbcUrl);
        }
        var phase = load(clients, client -> {
            try {
                return send("POST", "/api/orders", order("Bench " + client)).statusCode() == 201;
            } catch (IOException | InterruptedException e) {
                return false;
            }
        });
        report("POST /api/orders, " + clients + " client" + (clients > 1 ? "s" : "") + label, "create", phase);
        if (itemised) {
            Work.itemise(jdbcUrl, "create", phase.sortedNanos().size(), statementsFile("create"));
        }
    }

    /** Where the statements of one kind of operation are itemised: beside the benchmark's table. */
    private static Path statementsFile(String operation) {
        String table = System.getProperty("bench.output", "target/benchmark.md");
        return Path.of(table).resolveSibling("benchmark-statements-" + operation.replace(' ', '-') + ".md");
    }

    /**
     * {@code bench.reassignOrders} orders created by {@code agent2} (16 clients; the list phase's orders are
     * {@code agent}'s), then all of them given to {@code agent} in one {@code POST /api/orders/reassign}: how long the
     * request takes, one command and transaction per order.
     */
    private void bulkReassignment() throws Exception {
        int orders = settings.reassignOrders();
        String agent = basic("agent2");
        var next = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(16);
        for (int client = 0; client < 16; client++) {
            pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < orders; i = next.getAndIncrement()) {
                    if (send("POST", "/api/orders", order("Reassign " + i), agent)
                                    .statusCode()
                            != 201) {
                        throw new IllegalStateException("a create for the reassignment failed");
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the reassignment's creates did not finish");
        }
        // the list names the orders to move: wait until it has them all
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            for (long listed = 0; listed < orders; Thread.sleep(100)) {
                listed = Long.parseLong(single(
                        c,
                        "SELECT count(*) FROM order_list_" + activeSlot(c, "order-list")
                                + " WHERE assignee = 'agent2'"));
            }
        }
        long started = System.nanoTime();
        var answer =
                send("POST", "/api/orders/reassign", "{\"from\": \"agent2\", \"to\": \"agent\"}", basic("manager"));
        double seconds = (System.nanoTime() - started) / 1e9;
        int moved = JSON.readTree(answer.body()).path("reassigned").asInt(-1);
        if (answer.statusCode() != 200 || moved != orders) {
            throw new IllegalStateException("the reassignment answered " + answer.statusCode() + " " + answer.body());
        }
        figures.add(new Figure(
                "POST /api/orders/reassign, " + orders + " orders",
                seconds,
                "s",
                "%.0f orders/s, one command and transaction each".formatted(orders / seconds)));
    }

    /**
     * Creates at 1 and 16 clients with one subscription to every event, whose receiver (in this JVM, on loopback)
     * answers 204 at once: what notifying costs, the outbox rows in the creates' transactions and the dispatcher's
     * POSTs beside them. Also how many notifications went out during the 16-client phase, and how long the rest took.
     */
    private void createsWithOneSubscription() throws Exception {
        var received = new AtomicLong();
        var receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        var threads = Executors.newFixedThreadPool(4);
        receiver.setExecutor(threads);
        receiver.createContext("/hooks", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
            var subscribed = send(
                    "POST",
                    "/api/subscriptions",
                    "{\"url\": \"" + url + "\", \"secret\": \"bench-subscription-secret\", \"events\": [\"*\"]}");
            if (subscribed.statusCode() != 201) {
                throw new IllegalStateException("subscribing failed: " + subscribed.body());
            }
            String id = JSON.readTree(subscribed.body()).get("id").asText();
            // unmeasured: the dispatcher's code (claims, signing, the HTTP client) is compiled before it is measured,
            // as the warm-up compiled the rest
            load(4, client -> {
                try {
                    return send("POST", "/api/orders", order("Bench warm subscribed " + client))
                                    .statusCode()
                            == 201;
                } catch (IOException | InterruptedException e) {
                    return false;
                }
            });
            // and the notifications of that warm-up sent, so that they do not run beside the measured phases
            Instant drained = Instant.now().plusSeconds(120);
            while (Instant.now().isBefore(drained) && outboxPending() > 0) {
                Thread.sleep(100);
            }
            creates(1, ", one subscription");
            long before = received.get();
            long began = System.nanoTime();
            creates(16, ", one subscription");
            double created =
                    figures.get(figures.size() - 1).value() * settings.phase().toSeconds();
            long during = received.get() - before;
            long target = before + (long) created;
            Instant deadline = Instant.now().plusSeconds(120);
            while (received.get() < target && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            figures.add(new Figure(
                    "notifications sent during the 16-client subscribed phase",
                    during,
                    "",
                    "of %.0f orders created; all sent %.1f s after the phase began"
                            .formatted(created, (System.nanoTime() - began) / 1e9)));
            send("DELETE", "/api/subscriptions/" + id, null);
        } finally {
            receiver.stop(0);
            threads.shutdownNow();
        }
    }

    private long outboxPending() throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
                var rows = c.createStatement().executeQuery("SELECT count(*) FROM outbox WHERE state = 'pending'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * Creates at a fixed rate (open loop): one request every 1/{@code perSecond} s, each on a free one of 16 clients,
     * its latency counted from when it was due, so a service that falls behind shows it in the figure.
     */
    private void createsAtHalfLoad(double perSecond) throws InterruptedException {
        var latencies = new ConcurrentLinkedQueue<Long>();
        var cpu = cpu();
        var pool = Executors.newFixedThreadPool(16);
        long interval = (long) (1e9 / Math.max(1, perSecond));
        long start = System.nanoTime();
        long end = start + settings.phase().toNanos();
        int n = 0;
        for (long due = start; due < end; due += interval, n++) {
            LockSupport.parkNanos(due - System.nanoTime());
            long scheduled = due;
            String name = "Bench paced " + (n % 16);
            pool.submit(() -> {
                try {
                    if (send("POST", "/api/orders", order(name)).statusCode() == 201) {
                        latencies.add(System.nanoTime() - scheduled);
                    }
                } catch (IOException | InterruptedException e) {
                    // not counted
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);
        report(
                "POST /api/orders at half the 16-client rate (%.0f/s due, open loop)".formatted(perSecond),
                "create",
                Phase.of(latencies, since(cpu), null));
    }

    /** Active lead campaigns toggled between active and paused: a move that is always allowed. */
    private void statusChanges(int clients, int eventsBefore, String label) throws Exception {
        var campaigns = new ArrayList<String>();
        for (int c = 0; c < clients; c++) {
            var created = JSON.readTree(send("POST", "/api/orders", """
                    {"workflow": "lead_campaign", "customer": {"name": "Bench campaign"}, "leadsPurchased": 10}""").body());
            String id = created.get("id").asText();
            send("POST", "/api/orders/" + id + "/status", "{\"status\": \"active\"}");
            campaigns.add(id);
        }
        var seeders = Executors.newFixedThreadPool(clients);
        for (String id : campaigns) {
            seeders.submit(() -> {
                for (int i = 0; i < eventsBefore / 2; i++) {
                    send("POST", "/api/orders/" + id + "/status", "{\"status\": \"paused\"}");
                    send("POST", "/api/orders/" + id + "/status", "{\"status\": \"active\"}");
                }
                return null;
            });
        }
        seeders.shutdown();
        seeders.awaitTermination(30, TimeUnit.MINUTES);
        if (eventsBefore > 0) {
            checkpoint(); // the seeding's writes on disk before the phase, as after the raw phase and the warm-up
        }
        var next = new String[clients];
        Arrays.fill(next, "paused");
        boolean itemised = eventsBefore == 0;
        if (itemised) {
            Work.reset(jdbcUrl);
        }
        var phase = load(clients, client -> {
            try {
                var answer = send(
                        "POST",
                        "/api/orders/" + campaigns.get(client) + "/status",
                        "{\"status\": \"" + next[client] + "\"}");
                next[client] = next[client].equals("paused") ? "active" : "paused";
                return answer.statusCode() == 200;
            } catch (IOException | InterruptedException e) {
                return false;
            }
        });
        report("status changes, " + clients + " clients, " + label, "status change", phase);
        if (itemised) {
            Work.itemise(jdbcUrl, "status change", phase.sortedNanos().size(), statementsFile("status change"));
        }
    }

    /** Time from a create's answer to the order showing in the list, while 8 other clients keep creating. */
    private void projectionLag() throws Exception {
        var background = Executors.newFixedThreadPool(8);
        var stop = new AtomicBoolean();
        for (int i = 0; i < 8; i++) {
            background.submit(() -> {
                while (!stop.get()) {
                    send("POST", "/api/orders", order("Background"));
                }
                return null;
            });
        }
        var lags = new ArrayList<Long>();
        for (int i = 0; i < settings.lagSamples(); i++) {
            String name = "Lag" + UUID.randomUUID().toString().replace("-", "");
            send("POST", "/api/orders", order(name));
            long answered = System.nanoTime();
            while (JSON.readTree(send("GET", "/api/orders?q=" + name, null).body())
                    .get("items")
                    .isEmpty()) {
                Thread.sleep(2);
            }
            lags.add(System.nanoTime() - answered);
        }
        stop.set(true);
        background.shutdown();
        background.awaitTermination(60, TimeUnit.SECONDS);
        Collections.sort(lags);
        figures.add(new Figure(
                "projection lag, create answered → in the list (8 writers busy)",
                percentile(lags, 50) / 1e6,
                "ms p50",
                "p99 %.1f ms".formatted(percentile(lags, 99) / 1e6)));
    }

    /**
     * {@code listOrders} orders appended straight to the event store through Axon's JDBC storage engine, as their
     * commands would have stored them (the same events, serializer, metadata and hash chain): a quarter stay
     * {@code draft} (1 event), the rest move to {@code pending} (2 events). The service's streaming list and audit
     * projections pick them up like any other node's writes; the figure is how fast the list catches up.
     */
    private void generateOrders() throws Exception {
        var dataSource = new DriverManagerDataSource(jdbcUrl, "postgres", "");
        var properties = new Properties();
        properties.setProperty("reWriteBatchedInserts", "true");
        dataSource.setConnectionProperties(properties);
        var serializer = JacksonSerializer.builder()
                .objectMapper(EventJson.objectMapper())
                .build();
        var engine = new PreciseJdbcEventStorageEngine(JdbcEventStorageEngine.builder()
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .connectionProvider(new DataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(EventStoreConfiguration.schema()));
        long listedBefore;
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            listedBefore = Long.parseLong(single(c, "SELECT count(*) FROM order_list_" + activeSlot(c, "order-list")));
        }
        int orders = settings.listOrders();
        var meta = MetaData.from(Map.of("tenant", "acme", "actor", "agent"));
        var batch = new ArrayList<DomainEventMessage<?>>();
        long events = 0;
        var cpu = cpu();
        long start = System.nanoTime();
        for (int n = 0; n < orders; n++) {
            var id = OrderId.of(UUID.randomUUID());
            String name = "Bench Customer " + (n % 5000);
            var created = new OrderCreated(
                    id,
                    "acme",
                    "GEN-%07d".formatted(n),
                    "standard",
                    "draft",
                    new Customer("cust-" + (n % 1000), name, "+1555" + n, null),
                    new Contact(null, null, name, "+1555" + n),
                    "1 Main St",
                    "Headphones",
                    null,
                    null,
                    n % 5,
                    "USD",
                    List.of(new OrderLine("SKU-1", "Headphones", 1 + n % 3, new BigDecimal("100.00"))),
                    new BigDecimal("100.00").multiply(BigDecimal.valueOf(1 + n % 3)),
                    null,
                    null,
                    "agent");
            batch.add(new GenericDomainEventMessage<>("Order", id.toString(), 0, created, meta));
            if (n % 4 != 0) {
                batch.add(new GenericDomainEventMessage<>(
                        "Order",
                        id.toString(),
                        1,
                        new OrderStatusChanged(id, "draft", "pending", null, null, null, null, "user", "agent"),
                        meta));
            }
            if (batch.size() >= 2_000 || n == orders - 1) {
                engine.appendEvents(batch);
                events += batch.size();
                batch.clear();
            }
        }
        double appendSeconds = (System.nanoTime() - start) / 1e9;
        figures.add(new Figure(
                "generator: events appended through Axon's storage engine (" + orders + " orders)",
                events / appendSeconds,
                "events/s",
                events + " events in %.0f s".formatted(appendSeconds)));
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            String table = "order_list_" + activeSlot(c, "order-list");
            while (Long.parseLong(single(c, "SELECT count(*) FROM " + table)) < listedBefore + orders) {
                Thread.sleep(1_000);
            }
            double listedSeconds = (System.nanoTime() - start) / 1e9;
            figures.add(new Figure(
                    "live list projection catching up with the generated events",
                    events / listedSeconds,
                    "events/s",
                    "all %d orders listed %.0f s after the first append".formatted(orders, listedSeconds)
                            + cpuTotal(cpu)));
            // the list is measured once the audit projection has caught up too, so that it measures queries alone
            String audit = "audit_entry_" + activeSlot(c, "audit");
            while (Long.parseLong(single(c, "SELECT count(*) FROM " + audit))
                    < Long.parseLong(single(c, "SELECT count(*) FROM domain_event_entry"))) {
                Thread.sleep(1_000);
            }
            c.createStatement().execute("ANALYZE " + table);
        }
    }

    private static String activeSlot(Connection c, String projection) throws Exception {
        return single(c, "SELECT active_slot FROM projection_slot WHERE name = '" + projection + "'");
    }

    /**
     * The list at {@code listOrders} generated orders: a status filter with {@code q} (first page), and deep pages.
     * Twice: right after the load (the list analysed, not yet vacuumed), and after a {@code VACUUM} of the list (its
     * pages all-visible, so a walk of an index needs no table row). A live table is between the two: autovacuum
     * visits a table of a million rows after 200,000 inserts or changes.
     */
    private void listQueries() throws Exception {
        generateOrders();
        listPass("");
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            c.createStatement().execute("VACUUM (ANALYZE) order_list_" + activeSlot(c, "order-list"));
        }
        listPass(", after VACUUM");
    }

    private void listPass(String when) throws Exception {
        var firstPages = new ArrayList<Map.Entry<Long, String>>();
        var deep = new ArrayList<Long>();
        var cpu = cpu();
        long requests = 0;
        for (int i = 0; i < 200; i++) {
            long start = System.nanoTime();
            String q = "customer " + (i * 7 % 5000);
            JsonNode page = JSON.readTree(
                    send("GET", "/api/orders?status=pending&q=" + q.replace(" ", "%20") + "&limit=20", null)
                            .body());
            firstPages.add(Map.entry(System.nanoTime() - start, q));
            requests++;
            // the deepest page within six pages of 100 that the data has: timed as the deep page
            String cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asText();
            long lastPage = -1;
            for (int p = 0; p < 6 && cursor != null; p++) {
                start = System.nanoTime();
                page = JSON.readTree(send("GET", "/api/orders?status=pending&limit=100&cursor=" + cursor, null)
                        .body());
                lastPage = System.nanoTime() - start;
                requests++;
                cursor = page.get("nextCursor").isNull()
                        ? null
                        : page.get("nextCursor").asText();
            }
            if (lastPage >= 0) {
                deep.add(lastPage);
            }
        }
        String perRequest = cpuPer(cpu, "request (first and further pages)", requests);
        List<Long> first = firstPages.stream().map(Map.Entry::getKey).sorted().toList();
        Collections.sort(deep);
        // which searches set the tail: the p99 of 200 is the third slowest
        firstPages.sort(Map.Entry.<Long, String>comparingByKey().reversed());
        String tail = firstPages.stream()
                .limit(3)
                .map(e -> "`%s` %.1f ms".formatted(e.getValue(), e.getKey() / 1e6))
                .collect(Collectors.joining(", ", "; slowest: ", ""));
        figures.add(new Figure(
                "list, status + q, first page, " + settings.listOrders() + " generated orders" + when,
                percentile(first, 50) / 1e6,
                "ms p50",
                "p99 %.1f ms".formatted(percentile(first, 99) / 1e6) + tail + perRequest));
        figures.add(new Figure(
                "list, status filter, deep page (up to page 7) by cursor" + when,
                percentile(deep, 50) / 1e6,
                "ms p50",
                "p99 %.1f ms".formatted(percentile(deep, 99) / 1e6)));
    }

    private static String single(Connection c, String sql) throws Exception {
        try (var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static final List<String> PROJECTIONS =
            List.of("order-detail", "order-timeline", "order-notes", "order-list", "audit");

    /**
     * Rebuilds all five projections from the first event, at once (blue-green, ADR 0004), and times it from the
     * first request to the last flip: events in the store × 5 projections ÷ seconds is the figure.
     */
    private void replay() throws Exception {
        long events;
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            events = Long.parseLong(single(c, "SELECT count(*) FROM domain_event_entry"));
        }
        var cpu = cpu();
        long start = System.nanoTime();
        for (String projection : PROJECTIONS) {
            var answer = send("POST", "/api/admin/projections/" + projection + "/replay", null, OPS);
            if (answer.statusCode() >= 300) {
                throw new IllegalStateException("replay of " + projection + " refused: " + answer.body());
            }
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            while (Long.parseLong(single(c, "SELECT count(*) FROM projection_slot WHERE replaying_slot IS NOT NULL"))
                    > 0) {
                Thread.sleep(100);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        figures.add(new Figure(
                "replay of all 5 projections at once",
                events * PROJECTIONS.size() / seconds,
                "events/s",
                "%d events × 5 projections in %.1f s".formatted(events, seconds) + cpuTotal(cpu)));
    }

    private static double peakRssMiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    /** The figures as a Markdown table, each throughput also as a ratio to the raw single-row insert rate. */
    public static String table(List<Figure> figures) {
        Map<Integer, Double> raw = new LinkedHashMap<>();
        Map<String, Double> crud = new LinkedHashMap<>();
        for (Figure f : figures) {
            if (f.what().startsWith("raw JDBC")) {
                raw.put(f.what().contains("16") ? 16 : 1, f.value());
            }
            if (f.what().startsWith("CRUD reference: ")) {
                crud.put(f.what().contains("status") ? "status" : "create", f.value());
            }
        }
        var out = new StringBuilder(
                "| figure | value | unit | ratio to raw inserts | ratio to the CRUD reference | note |\n"
                        + "|---|---:|---|---:|---:|---|\n");
        for (Figure f : figures) {
            String ratio = "";
            String toCrud = "";
            if ((f.unit().equals("/s") || f.unit().equals("events/s"))
                    && !f.what().contains("open loop")
                    && !f.what().startsWith("CRUD reference")) {
                double baseline = f.what().contains("16 clients") || f.what().contains("replay")
                        ? raw.getOrDefault(16, Double.NaN)
                        : raw.getOrDefault(1, Double.NaN);
                ratio = raw.isEmpty() ? "" : "%.2f×".formatted(f.value() / baseline);
                if (f.what().equals("POST /api/orders, 16 clients") && crud.containsKey("create")) {
                    toCrud = "%.2f×".formatted(f.value() / crud.get("create"));
                }
                if (f.what().startsWith("status changes, 16 clients, short") && crud.containsKey("status")) {
                    toCrud = "%.2f×".formatted(f.value() / crud.get("status"));
                }
            }
            out.append("| %s | %.1f | %s | %s | %s | %s |\n"
                    .formatted(f.what(), f.value(), f.unit(), ratio, toCrud, f.note()));
        }
        out.append("\nRun on ")
                .append(LocalDate.now())
                .append(", ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, Java ")
                .append(System.getProperty("java.version"))
                .append(".\n");
        return out.toString();
    }
}

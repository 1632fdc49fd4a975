package io.ordo.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The CPU time a phase of the benchmark cost: the service's JVM, PostgreSQL (the postmaster and every process it
 * started), and this client's JVM, with the share of the machine's time the hypervisor took away (steal). Read from
 * Linux's {@code /proc}. CPU time per operation times the rate shows how near a figure is to what the machine's
 * cores can give at all (docs/benchmarks.md, "What the unmet targets would cost in CPU").
 *
 * <p>PostgreSQL's processes come and go (one per connection); a process's time moves to the postmaster's
 * "children" counters when it ends, so the sum over the live ones and the postmaster's counters is continuous.
 */
final class CpuMeter {

    /** Linux reports process times in clock ticks of {@code USER_HZ}, which is 100 on every architecture it exports. */
    private static final double MS_PER_TICK = 10.0;

    /** The counters at one moment, in clock ticks. */
    record Reading(long service, long postgres, long client, long steal, long machine) {}

    /** The CPU of one phase, in milliseconds, and the share of the machine's time stolen from it. */
    record Usage(double serviceMs, double postgresMs, double clientMs, double stealShare) {

        /** e.g. "CPU per create: service 2.4 ms, PostgreSQL 2.6 ms, client 0.3 ms; steal 12 %". */
        String per(String operation, long count) {
            if (count <= 0) {
                return "";
            }
            return "CPU per %s: service %.2f ms, PostgreSQL %.2f ms, client %.2f ms; steal %.0f %%"
                    .formatted(operation, serviceMs / count, postgresMs / count, clientMs / count, stealShare * 100);
        }

        /** e.g. "CPU: service 61 s, PostgreSQL 109 s, client 1 s; steal 3 %". */
        String total() {
            return "CPU: service %.0f s, PostgreSQL %.0f s, client %.0f s; steal %.0f %%"
                    .formatted(serviceMs / 1000, postgresMs / 1000, clientMs / 1000, stealShare * 100);
        }
    }

    private final long servicePid;
    private final Path postmasterPidFile;

    /**
     * {@code servicePid} is the service's JVM, or 0 before it runs; {@code postgresData} is the data directory, whose
     * {@code postmaster.pid} names the postmaster.
     */
    CpuMeter(long servicePid, Path postgresData) {
        this.servicePid = servicePid;
        this.postmasterPidFile = postgresData.resolve("postmaster.pid");
    }

    /** Whether this machine has the counters (Linux); without them the benchmark reports no CPU. */
    static boolean available() {
        return Files.isReadable(Path.of("/proc/stat")) && Files.isReadable(Path.of("/proc/self/stat"));
    }

    Reading read() {
        long postmaster = Long.parseLong(lines(postmasterPidFile).get(0).trim());
        long postgres = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes
                    .filter(p -> p.getFileName().toString().matches("\\d+"))
                    .toList()) {
                ProcessTimes times = ProcessTimes.of(process);
                if (times == null) {
                    continue;
                }
                if (times.pid() == postmaster) {
                    postgres += times.own() + times.endedChildren();
                } else if (times.parent() == postmaster) {
                    postgres += times.own();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long[] machine = machineTicks(lines(Path.of("/proc/stat")).get(0));
        long service = servicePid <= 0
                ? 0
                : ProcessTimes.of(Path.of("/proc", String.valueOf(servicePid))).own();
        return new Reading(
                service, postgres, ProcessTimes.of(Path.of("/proc/self")).own(), machine[0], machine[1]);
    }

    /**
     * The CPU the service's JIT compiler threads ({@code C1/C2 CompilerThread…}) have used so far, in clock ticks.
     * A service just started compiles its hot paths for minutes, on the same cores as its requests. The JVM may end
     * idle compiler threads, and their time then leaves this sum: compare two readings with {@code Math.max(0, …)}.
     */
    long compilerTicks() {
        long ticks = 0;
        try (Stream<Path> threads = Files.list(Path.of("/proc", String.valueOf(servicePid), "task"))) {
            for (Path thread : threads.toList()) {
                String line;
                try {
                    line = Files.readString(thread.resolve("stat"));
                } catch (IOException ended) {
                    continue;
                }
                if (ProcessTimes.command(line).matches("C[12] CompilerThre.*")) {
                    ticks += ProcessTimes.parse(line).own();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ticks;
    }

    /** Clock ticks as milliseconds. */
    static double millis(long ticks) {
        return ticks * MS_PER_TICK;
    }

    static Usage between(Reading before, Reading after) {
        long machine = after.machine() - before.machine();
        return new Usage(
                millis(after.service() - before.service()),
                millis(after.postgres() - before.postgres()),
                millis(after.client() - before.client()),
                machine <= 0 ? 0 : (after.steal() - before.steal()) / (double) machine);
    }

    /** Steal and all ticks from the first line of {@code /proc/stat}: "cpu user nice system idle iowait irq softirq steal …". */
    static long[] machineTicks(String cpuLine) {
        String[] fields = cpuLine.trim().split("\\s+");
        if (!fields[0].equals("cpu")) {
            throw new IllegalArgumentException("not the machine's cpu line: " + cpuLine);
        }
        long all = 0;
        // user … steal; guest and guest_nice (fields 9 and 10) are already counted in user and nice
        for (int i = 1; i <= Math.min(8, fields.length - 1); i++) {
            all += Long.parseLong(fields[i]);
        }
        long steal = fields.length > 8 ? Long.parseLong(fields[8]) : 0;
        return new long[] {steal, all};
    }

    /** One process's line of {@code /proc/<pid>/stat}: its parent, and its times in clock ticks. */
    record ProcessTimes(long pid, long parent, long own, long endedChildren) {

        /** The process's times, or null if it ended before it could be read. */
        static ProcessTimes of(Path process) {
            try {
                return parse(Files.readString(process.resolve("stat")));
            } catch (IOException gone) {
                // it ended between the listing and the read (no such file, or ESRCH on some kernels)
                return null;
            }
        }

        /** The command name of a {@code stat} line: what stands between its first "(" and its last ")". */
        static String command(String line) {
            return line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
        }

        /**
         * "pid (comm) state ppid … utime stime cutime cstime …": the command name may hold spaces and parentheses,
         * so the fields are counted from its last closing parenthesis.
         */
        static ProcessTimes parse(String line) {
            long pid = Long.parseLong(line.substring(0, line.indexOf(' ')));
            String[] f = line.substring(line.lastIndexOf(')') + 2).trim().split("\\s+");
            // f[0] is field 3 (state): field n is f[n - 3]
            return new ProcessTimes(
                    pid,
                    Long.parseLong(f[1]),
                    Long.parseLong(f[11]) + Long.parseLong(f[12]),
                    Long.parseLong(f[13]) + Long.parseLong(f[14]));
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

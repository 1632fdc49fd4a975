package io.ordo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuMeterTest {

    @Test
    void a_process_line_is_read_from_the_last_parenthesis_so_a_command_name_with_spaces_does_not_shift_the_fields() {
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime …
        var times = CpuMeter.ProcessTimes.parse(
                "4242 (postgres: ordo (x) idle) S 4200 4200 4200 0 -1 4194560 10 0 0 0 37 5 120 30 20 0 1 0 99 0\n");

        assertThat(times.pid()).isEqualTo(4242);
        assertThat(times.parent()).isEqualTo(4200);
        assertThat(times.own()).isEqualTo(42);
        assertThat(times.endedChildren()).isEqualTo(150);
    }

    @Test
    void a_command_name_is_what_stands_between_the_first_and_the_last_parenthesis() {
        assertThat(CpuMeter.ProcessTimes.command("17 (C2 CompilerThre) S 1 17 17 0 -1 0 0 0 0 0 40 2 0 0 20 0"))
                .isEqualTo("C2 CompilerThre");
        assertThat(CpuMeter.ProcessTimes.command("4242 (postgres: ordo (x) idle) S 4200"))
                .isEqualTo("postgres: ordo (x) idle");
    }

    @Test
    void the_jit_compilers_of_a_running_jvm_have_used_cpu(@TempDir Path data) throws Exception {
        assumeThat(CpuMeter.available()).as("Linux's /proc").isTrue();
        long self = ProcessHandle.current().pid();
        Files.writeString(data.resolve("postmaster.pid"), self + "\n");

        // this JVM compiled JUnit's and AssertJ's hot methods to get here
        assertThat(new CpuMeter(self, data).compilerTicks()).isPositive();
    }

    @Test
    void the_machine_line_gives_steal_and_every_tick_but_guest_time_which_user_time_already_holds() {
        long[] ticks = CpuMeter.machineTicks("cpu  100 1 50 800 9 0 2 38 500 0");

        assertThat(ticks[0]).isEqualTo(38);
        assertThat(ticks[1]).isEqualTo(100 + 1 + 50 + 800 + 9 + 2 + 38);
    }

    @Test
    void a_phase_counts_the_cpu_its_processes_spent(@TempDir Path data) throws Exception {
        assumeThat(CpuMeter.available()).as("Linux's /proc").isTrue();
        long self = ProcessHandle.current().pid();
        // this JVM stands in for the service and the postmaster as well as the client
        Files.writeString(data.resolve("postmaster.pid"), self + "\n" + data + "\n");
        var meter = new CpuMeter(self, data);

        var before = meter.read();
        long spin = 0;
        long until =
                ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos() + 500_000_000L;
        while (ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos() < until) {
            spin++;
        }
        var usage = CpuMeter.between(before, meter.read());

        assertThat(spin).isPositive();
        assertThat(usage.clientMs()).isBetween(400.0, 5_000.0);
        // the three are read one after the other, so a clock tick (10 ms) may fall between them
        assertThat(usage.serviceMs()).isCloseTo(usage.clientMs(), within(30.0));
        assertThat(usage.postgresMs()).isCloseTo(usage.clientMs(), within(30.0));
        assertThat(usage.stealShare()).isBetween(0.0, 1.0);
        assertThat(usage.per("create", 10)).startsWith("CPU per create: service ");
    }
}

package org.rcrp.handover.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU used so far by this JVM (the application and the load generator: they share it), by PostgreSQL's processes and
 * by the whole machine, read from Linux's {@code /proc}. Two samples around a phase say where its CPU went, which is
 * the evidence for a target missed because the machine's two cores are full.
 */
record CpuSample(long jvmNanos, long postgresTicks, long machineBusyTicks, long machineTicks) {

    /** Clock ticks per second of {@code /proc}'s figures (USER_HZ, 100 on every Linux this runs on). */
    private static final double TICKS_PER_SECOND = 100;

    static CpuSample now() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        List<Long> machine = Stream.of(firstLine(Path.of("/proc/stat")).trim().split("\\s+")).skip(1).map(Long::parseLong).toList();
        long total = machine.stream().limit(8).mapToLong(Long::longValue).sum();
        long idle = machine.get(3) + machine.get(4);
        return new CpuSample(jvm, postgresTicksNow(), total - idle, total);
    }

    /** "JVM 12.3 ms, PostgreSQL 4.5 ms per request; machine 97 % busy" over {@code count} units of work since {@code before}. */
    String perUnitSince(CpuSample before, int count, String unit) {
        double jvmMs = (jvmNanos - before.jvmNanos) / 1e6 / count;
        double postgresMs = (postgresTicks - before.postgresTicks) * 1000 / TICKS_PER_SECOND / count;
        double busy = 100.0 * (machineBusyTicks - before.machineBusyTicks) / Math.max(1, machineTicks - before.machineTicks);
        return "JVM %.1f ms, PostgreSQL %.1f ms per %s; machine %.0f %% busy".formatted(jvmMs, postgresMs, unit, busy);
    }

    private static long postgresTicksNow() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(CpuSample::postgresTicksOf).sum();
        } catch (IOException unreadable) {
            throw new IllegalStateException("Cannot list /proc", unreadable);
        }
    }

    /** utime + stime of one process if it is PostgreSQL's; 0 for any other, or one that has just exited. */
    private static long postgresTicksOf(Path process) {
        String stat;
        try {
            stat = firstLine(process.resolve("stat"));
        } catch (IllegalStateException exited) {
            return 0;
        }
        int nameEnd = stat.lastIndexOf(')');
        if (nameEnd < 0 || !stat.substring(stat.indexOf('(') + 1, nameEnd).equals("postgres")) {
            return 0;
        }
        String[] fields = stat.substring(nameEnd + 2).split(" ");
        // After the name: state is field 3 of proc(5), so utime (14) and stime (15) are at 11 and 12.
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static String firstLine(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.US_ASCII).get(0);
        } catch (IOException | IndexOutOfBoundsException unreadable) {
            throw new IllegalStateException("Cannot read " + file, unreadable);
        }
    }
}

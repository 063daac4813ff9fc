package org.zengzhi.cluster.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CPU time per part of the demo over its load (what bounds the throughput on one machine): the brokers, the nodes,
 * the load generator (this JVM) and the PostgreSQL backends serving the nodes, each the sum of its processes'
 * user + system time ({@link ProcessHandle.Info#totalCpuDuration}, on Linux {@code /proc/PID/stat}), sampled every
 * 250 ms so a process killed mid-load keeps its time up to its last sample; and the whole machine's busy time from
 * {@code /proc/stat} (other users' work included).
 */
final class CpuUse implements AutoCloseable {
    private final Map<String, Set<Long>> parts = new ConcurrentHashMap<>();
    private final Map<Long, Long> firstNanos = new ConcurrentHashMap<>();
    private final Map<Long, Long> lastNanos = new ConcurrentHashMap<>();
    private final Thread sampler;
    private volatile boolean stop;
    private long machineBusyAtStart;
    private long machineBusyAtEnd;

    CpuUse() {
        sampler = new Thread(this::sampleEvery250Ms, "demo-cpu-sampler");
        sampler.setDaemon(true);
    }

    /** Counts {@code pid} as part of {@code part} from now on (its time before now is not counted). */
    void add(String part, long pid) {
        parts.computeIfAbsent(part, p -> ConcurrentHashMap.newKeySet()).add(pid);
        cpuNanos(pid).ifPresent(n -> firstNanos.putIfAbsent(pid, n));
    }

    void start() {
        parts.values().forEach(pids -> pids.forEach(pid -> cpuNanos(pid).ifPresent(n -> firstNanos.put(pid, n))));
        machineBusyAtStart = machineBusyTicks();
        sampler.start();
    }

    /** Takes the last sample; the figures are from {@link #start} until now. */
    void end() {
        sampleOnce();
        machineBusyAtEnd = machineBusyTicks();
        stop = true;
    }

    private void sampleEvery250Ms() {
        while (!stop) {
            sampleOnce();
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sampleOnce() {
        parts.values().forEach(pids -> pids.forEach(pid -> cpuNanos(pid).ifPresent(n -> {
            firstNanos.putIfAbsent(pid, n);
            lastNanos.put(pid, n);
        })));
    }

    private static java.util.Optional<Long> cpuNanos(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos);
    }

    /** CPU milliseconds per part since {@link #start}, in the order parts were added. */
    Map<String, Long> millisByPart() {
        Map<String, Long> byPart = new LinkedHashMap<>();
        parts.forEach((part, pids) -> byPart.put(part, pids.stream().mapToLong(pid -> lastNanos.getOrDefault(pid, 0L)
                - firstNanos.getOrDefault(pid, 0L)).sum() / 1_000_000));
        return byPart;
    }

    /** The whole machine's busy CPU milliseconds between start and end (all users; 100 ticks a second). */
    long machineBusyMillis() {
        return (machineBusyAtEnd - machineBusyAtStart) * 10;
    }

    /** Busy ticks of all CPUs (user nice system irq softirq steal) from the first line of /proc/stat; 0 elsewhere. */
    private static long machineBusyTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            return Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                    + Long.parseLong(f[7]) + Long.parseLong(f[8]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        stop = true;
        sampler.interrupt();
    }
}

package org.zengzhi.cluster.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU quotas for the demo's JVMs ({@code --node-cpu}, {@code --broker-cpu}): one cgroup per run,
 * {@code zengzhi-demo-<pid>}, and in it one group per quota'd part with a CFS quota of its share of a core per 100 ms
 * period and the highest weight ({@code cpu.shares} 262144, v2 {@code cpu.weight} 10000), so that each node runs as
 * if on a machine of that size: never more than its share, and as nearly as the scheduler can, not less. Linux cgroup v1 ({@code /sys/fs/cgroup/cpu},
 * {@code cpu.cfs_quota_us}) or v2 ({@code /sys/fs/cgroup} with the {@code cpu} controller, {@code cpu.max}); needs
 * root. A process enters its group before its first instruction ({@link #wrap}). The groups are listed in the run
 * directory's {@code cgroups} file (the parent first; remove them from the last) so the launcher's trap can remove them too; {@link #close}
 * removes them once their processes have ended.
 */
final class CpuCgroups implements AutoCloseable {
    private static final long PERIOD_US = 100_000;
    private final Path root;
    private final boolean v2;
    private final Path runDir;
    private final List<Path> groups = new ArrayList<>();
    private boolean joined;

    private CpuCgroups(Path root, boolean v2, Path runDir) {
        this.root = root;
        this.v2 = v2;
        this.runDir = runDir;
    }

    /** The run's parent group under the first writable hierarchy; throws naming {@code option} if there is none. */
    static CpuCgroups open(String option, Path runDir) {
        Path v1 = Path.of("/sys/fs/cgroup/cpu");
        Path unified = Path.of("/sys/fs/cgroup");
        String name = "zengzhi-demo-" + ProcessHandle.current().pid();
        try {
            if (Files.isWritable(v1.resolve("cgroup.procs")) && Files.exists(v1.resolve("cpu.cfs_quota_us"))) {
                CpuCgroups c = new CpuCgroups(v1, false, runDir).made(v1.resolve(name));
                c.weighHighest(c.groups.get(0));
                return c;
            }
            if (Files.exists(unified.resolve("cgroup.controllers"))
                    && Files.readString(unified.resolve("cgroup.controllers")).contains("cpu")
                    && Files.isWritable(unified.resolve("cgroup.subtree_control"))) {
                write(unified.resolve("cgroup.subtree_control"), "+cpu");
                CpuCgroups c = new CpuCgroups(unified, true, runDir).made(unified.resolve(name));
                write(c.groups.get(0).resolve("cgroup.subtree_control"), "+cpu");
                c.weighHighest(c.groups.get(0));
                return c;
            }
        } catch (IOException | UncheckedIOException e) {
            throw DemoOptions.OptionError.of(option, "需要可写的 CPU cgroup（" + e.getMessage() + "）",
                    "needs a writable CPU cgroup (" + e.getMessage() + ")", null);
        }
        throw DemoOptions.OptionError.of(option, "需要可写的 CPU cgroup（v1 /sys/fs/cgroup/cpu 或 v2 /sys/fs/cgroup 带 cpu "
                + "控制器，需 root），本机没有", "needs a writable CPU cgroup (v1 /sys/fs/cgroup/cpu or v2 /sys/fs/cgroup "
                + "with the cpu controller, as root); there is none here", null);
    }

    private CpuCgroups made(Path group) throws IOException {
        Files.createDirectory(group);
        groups.add(group);
        Files.writeString(runDir.resolve("cgroups"), group + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        return this;
    }

    /** A child group {@code name} limited to {@code milliCpu} thousandths of a core; returns its procs file. */
    synchronized Path group(String name, int milliCpu) throws IOException {
        Path group = groups.get(0).resolve(name);
        made(group);
        long quotaUs = PERIOD_US * milliCpu / 1_000;
        if (v2) {
            write(group.resolve("cpu.max"), quotaUs + " " + PERIOD_US);
        } else {
            write(group.resolve("cpu.cfs_period_us"), Long.toString(PERIOD_US));
            write(group.resolve("cpu.cfs_quota_us"), Long.toString(quotaUs));
        }
        weighHighest(group);
        return group.resolve("cgroup.procs");
    }

    /**
     * Moves this JVM (the load generator) into a group {@code name} without a quota but of the highest weight, so
     * the machine's other work does not starve the load of the quota'd parts; {@link #close} moves it back first.
     */
    synchronized void joinUnlimited(String name) throws IOException {
        Path group = groups.get(0).resolve(name);
        made(group);
        weighHighest(group);
        write(group.resolve("cgroup.procs"), Long.toString(ProcessHandle.current().pid()));
        joined = true;
    }

    /**
     * The quota is a ceiling; the highest weight makes it a floor too, as far as the scheduler can: on a busy machine
     * a group of default weight counts as one thread among all the machine's and gets far less.
     */
    private void weighHighest(Path group) throws IOException {
        if (v2) {
            write(group.resolve("cpu.weight"), "10000");
        } else {
            write(group.resolve("cpu.shares"), "262144");
        }
    }

    /** {@code command} run by a shell that first moves itself into the group, then becomes the command (same pid). */
    static List<String> wrap(Path procs, List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of("sh", "-c", "echo $$ > \"$0\" && exec \"$@\"",
                procs.toString()));
        wrapped.addAll(command);
        return wrapped;
    }

    /** How often and how long (ms) the group's processes were held back by the quota; "-" where not known. */
    static String throttled(Path procs) {
        Path stat = procs.resolveSibling("cpu.stat");
        try {
            long periods = 0;
            long throttledMs = 0;
            for (String line : Files.readAllLines(stat)) {
                String[] f = line.split(" ");
                switch (f[0]) {
                    case "nr_throttled" -> periods = Long.parseLong(f[1]);
                    case "throttled_time" -> throttledMs = Long.parseLong(f[1]) / 1_000_000; // v1: ns
                    case "throttled_usec" -> throttledMs = Long.parseLong(f[1]) / 1_000; // v2: µs
                    default -> { }
                }
            }
            return periods + "x/" + throttledMs + "ms";
        } catch (IOException | RuntimeException e) {
            return "-";
        }
    }

    private static void write(Path file, String value) throws IOException {
        Files.writeString(file, value);
    }

    /** Removes the groups, deepest first, once empty (their processes must have ended; tries for up to 5 s). */
    @Override
    public synchronized void close() {
        if (joined) {
            try {
                write(root.resolve("cgroup.procs"), Long.toString(ProcessHandle.current().pid()));
                joined = false;
            } catch (IOException e) {
                // stays in its group: the group is removed by the launcher's trap once this JVM has ended
            }
        }
        for (int i = groups.size() - 1; i >= 0; i--) {
            Path g = groups.get(i);
            for (int attempt = 0; attempt < 50 && Files.exists(g); attempt++) {
                try {
                    Files.delete(g);
                } catch (IOException e) {
                    sleep();
                }
            }
        }
        groups.clear();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.zengzhi.cluster.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import org.zengzhi.cluster.Takeover;

/**
 * The demo's nodes alive and dead: the kills the demo makes ({@link KillPlan}, {@code kill -9}, never the last
 * survivor) and the deaths it did not make (a person's {@code kill -9 <pid>} from the run directory's {@code pids}
 * file, a crash), each noticed when the process ends. After every death it asks all tenants until each answers
 * again from a live node and prints that time and the phases; the checks afterwards ask only the nodes alive.
 */
final class NodeDeaths {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private final Map<Integer, Integer> livePorts = new TreeMap<>();
    private final Map<Integer, Process> processes = new ConcurrentHashMap<>();
    private final Set<Integer> killedByDemo = ConcurrentHashMap.newKeySet();
    private final List<Thread> failoverThreads = new ArrayList<>();
    private final List<Long> failoverMs = new ArrayList<>();
    private final List<String> phaseLines = new ArrayList<>();
    private final List<String> deaths = new ArrayList<>();
    private final Status status;
    private final List<String> tenants;
    private final String bootstrap;
    private final int sessionMs;
    private final String groupProtocol;
    private final BiFunction<String, Object[], String> say;
    private final Path runDir;
    private volatile boolean ending;
    private int failures;

    NodeDeaths(Status status, List<String> tenants, String bootstrap, DemoOptions options, Path runDir,
            BiFunction<String, Object[], String> say) {
        this.status = status;
        this.tenants = tenants;
        this.bootstrap = bootstrap;
        this.sessionMs = options.sessionMs();
        this.groupProtocol = options.groupProtocol();
        this.runDir = runDir;
        this.say = say;
    }

    /** Node {@code index} (0-based) answers on {@code port}; its death, whoever causes it, is noticed from now. */
    void started(int index, Process process, int port) {
        synchronized (livePorts) {
            livePorts.put(index, port);
        }
        processes.put(index, process);
        process.onExit().thenRun(() -> diedOutside(index));
    }

    List<Integer> ports() {
        synchronized (livePorts) {
            return List.copyOf(livePorts.values());
        }
    }

    private List<Integer> alive() {
        synchronized (livePorts) {
            return List.copyOf(livePorts.keySet());
        }
    }

    /** A thread that kills as {@code plan} says, counting from {@code loadStartNanos}, one failover after another. */
    Thread killer(KillPlan plan, long loadStartNanos, LongSupplier acked) {
        Thread t = new Thread(() -> {
            for (int k = 0; k < plan.momentsMs().size(); k++) {
                try {
                    long waitMs = plan.momentsMs().get(k) - (System.nanoTime() - loadStartNanos) / 1_000_000;
                    Thread.sleep(Math.max(0, waitMs));
                    awaitFailovers();
                    List<Integer> alive = alive();
                    if (alive.size() < 2) {
                        say("killSkipped", k + 1);
                        continue;
                    }
                    int victim = plan.victim(k, alive);
                    killedByDemo.add(victim);
                    GroupWatch group = new GroupWatch(bootstrap, "zengzhi-nodes", alive.size());
                    synchronized (livePorts) {
                        livePorts.remove(victim);
                    }
                    long killedAtMs = System.currentTimeMillis();
                    try {
                        Processes.kill9(processes.get(victim));
                    } catch (IOException | RuntimeException e) {
                        group.close();
                        throw e;
                    }
                    record("node-" + (victim + 1) + "@" + (System.nanoTime() - loadStartNanos) / 1_000_000 + "ms");
                    say("killed", victim + 1, acked.getAsLong(), clock(killedAtMs));
                    failover(killedAtMs, group);
                } catch (Exception e) {
                    fail(e);
                }
            }
        }, "demo-killer");
        t.start();
        return t;
    }

    /** A node ended without the demo killing it: noticed, its port dropped, its failover timed like a kill's. */
    private void diedOutside(int index) {
        if (ending || killedByDemo.contains(index)) {
            return;
        }
        long noticedAtMs = System.currentTimeMillis();
        int membersBefore;
        synchronized (livePorts) {
            membersBefore = livePorts.size();
            livePorts.remove(index);
        }
        record("node-" + (index + 1) + "@outside");
        say("diedOutside", index + 1, Long.toString(processes.get(index).pid()), clock(noticedAtMs), membersBefore - 1);
        if (membersBefore <= 1) {
            return; // no node left to take over: the checks will say what is not served
        }
        Thread t = new Thread(() -> {
            try {
                failover(noticedAtMs, new GroupWatch(bootstrap, "zengzhi-nodes", membersBefore));
            } catch (Exception e) {
                fail(e);
            }
        }, "demo-failover-" + (index + 1));
        synchronized (failoverThreads) {
            failoverThreads.add(t);
        }
        t.start();
    }

    private void failover(long killedAtMs, GroupWatch group) throws Exception {
        try (group) {
            Map<String, Long> answered = ParallelAsk.untilAll(status, this::ports, tenants, 120);
            long ms = answered.values().stream().mapToLong(Long::longValue).max().orElse(killedAtMs) - killedAtMs;
            synchronized (failoverMs) {
                failoverMs.add(ms);
            }
            say("failover", tenants.size(), ms, sessionMs);
            phases(killedAtMs, group.noticedAtMs(), answered);
        }
    }

    /** Prints where the failover's time went, from the live nodes' take-over times. */
    private void phases(long killedAtMs, long noticedAtMs, Map<String, Long> answered) {
        List<Takeover> takeovers = new ArrayList<>();
        ports().forEach(port -> takeovers.addAll(status.takeovers(port)));
        FailoverPhases phases = FailoverPhases.of(killedAtMs, noticedAtMs, takeovers, answered);
        try {
            // Every tenant's times, for a closer look: kill and noticed, then tenant assigned restored serving answered.
            List<String> lines = new ArrayList<>(List.of("killed " + killedAtMs, "noticed " + noticedAtMs));
            takeovers.forEach(t -> lines.add(t.line() + " " + answered.getOrDefault(t.tenant(), 0L)));
            Files.write(runDir.resolve("takeovers-" + killedAtMs + ".txt"), lines);
        } catch (IOException e) {
            say("failoverFailed", e.getMessage());
        }
        say("phases", phases.tenantsMoved(), phases.noticedMs(), phases.firstAssignedMs(), phases.assignedMs(),
                phases.restoredMs(), phases.replayedMs(), phases.answeredMovedMs(), phases.answeredAllMs(),
                groupProtocol);
        synchronized (phaseLines) {
            phaseLines.add(phases.line() + " group_protocol=" + groupProtocol + " session_ms=" + sessionMs);
        }
    }

    /** Waits for every failover still being timed (deaths from outside included). */
    void awaitFailovers() throws InterruptedException {
        List<Thread> threads;
        synchronized (failoverThreads) {
            threads = List.copyOf(failoverThreads);
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    /** From now on a process ending is the demo's own doing (the end of the run). */
    void ending() {
        ending = true;
    }

    int failures() {
        synchronized (failoverMs) {
            return failures;
        }
    }

    /** The failovers in ms, in order ("-1": none). */
    String failoverMs() {
        synchronized (failoverMs) {
            return failoverMs.isEmpty() ? "-1"
                    : failoverMs.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
    }

    List<String> phaseLines() {
        synchronized (phaseLines) {
            return List.copyOf(phaseLines);
        }
    }

    /** Who died when: {@code node-N@<ms after the load started>} for the demo's kills, {@code node-N@outside}. */
    String deaths() {
        synchronized (deaths) {
            return deaths.isEmpty() ? "-" : String.join(",", deaths);
        }
    }

    private void record(String death) {
        synchronized (deaths) {
            deaths.add(death);
        }
    }

    private void fail(Exception e) {
        synchronized (failoverMs) {
            failures++;
        }
        say("failoverFailed", e.getMessage());
    }

    private void say(String key, Object... args) {
        say.apply(key, args);
    }

    private static String clock(long epochMs) {
        return ZonedDateTime.ofInstant(java.time.Instant.ofEpochMilli(epochMs), ZONE)
                .format(DateTimeFormatter.ofPattern("HH:mm:ss.SSS"));
    }
}

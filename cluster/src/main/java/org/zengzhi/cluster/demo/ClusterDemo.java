package org.zengzhi.cluster.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.zengzhi.cluster.ClusterTopics;
import org.zengzhi.cluster.CommandSender;
import org.zengzhi.cluster.PartitionReplay;
import org.zengzhi.cluster.Takeover;
import org.zengzhi.cluster.pg.PgOutputs;

/**
 * {@code bin/zengzhi cluster-demo} (issue 21, deliver 3): a KRaft cluster of 3 Kafka servers and 3 Zengzhi nodes,
 * each its own JVM on loopback, 50 tenants, payments from this process; one node is killed with {@code kill -9}
 * mid-load. Prints how long until every tenant answered again and checks, at the end, that every acknowledged
 * payment was applied exactly once (its output row in PostgreSQL, by offset), that the invariants hold and that each
 * tenant's state hash equals a replay of its partition. Exit code 1 if a check fails.
 */
public final class ClusterDemo {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private final DemoOptions options;
    private final ResourceBundle text;
    private final List<String> tenants;
    private final Status status = new Status();
    private final List<Integer> livePorts = new ArrayList<>();
    private final List<Process> nodes = new ArrayList<>();
    private int failures;
    private Path runDir;
    private String loadAtStart;

    private ClusterDemo(DemoOptions options) {
        this.options = options;
        this.text = messages("en".equals(options.lang()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE);
        this.tenants = NodeMain.tenantNames(options.tenants());
    }

    /** The demo's messages in {@code locale}; Chinese (the base bundle) for any locale but English. */
    static ResourceBundle messages(Locale locale) {
        return ResourceBundle.getBundle("org.zengzhi.cluster.demo.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    static ClusterTopics topics(int tenants) {
        return new ClusterTopics("zengzhi-commands", "zengzhi-snapshots", NodeMain.tenantNames(tenants));
    }

    public static void main(String[] args) throws Exception {
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("参数错误 (bad option): " + e.getMessage() + " — bin/zengzhi cluster-demo --help");
            System.exit(2);
            return;
        }
        int status;
        try {
            status = new ClusterDemo(options).run();
        } catch (Exception e) {
            // A part that did not start or answer (a broker, a node, PostgreSQL) fails the demo like a check does.
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private String say(String key, Object... args) {
        String line = MessageFormat.format(text.getString(key), args);
        System.out.println(line);
        return line;
    }

    private int run() throws Exception {
        String given = System.getenv("ZENGZHI_DEMO_DIR");
        Path dir = given != null ? Files.createDirectories(Path.of(given))
                : Files.createTempDirectory("zengzhi-cluster-demo-");
        runDir = dir;
        loadAtStart = loadAverage();
        say("start", ZonedDateTime.now(ZONE).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")), dir);
        ClusterTopics topics = topics(options.tenants());
        try (Processes processes = new Processes(dir);
                PgOutputs outputs = new PgOutputs(options.jdbcUrl(), options.dbUser(), "", options.schema(), 2)) {
            outputs.dropSchema().createSchema();
            Brokers brokers = new Brokers(dir, processes, options.brokers(), options.sessionMs());
            brokers.start();
            createTopics(brokers.bootstrap(), topics);
            say("brokers", options.brokers(), brokers.bootstrap(), options.tenants(), Math.min(3, options.brokers()),
                    Math.min(2, Math.min(3, options.brokers())));
            startNodes(processes, brokers.bootstrap());
            long up = waitAllAnswer(System.nanoTime(), 180);
            say("nodes", options.nodes(), options.tenants(), up / 1_000_000);
            try (CommandSender sender = new CommandSender(brokers.bootstrap(), topics, "demo-load")) {
                Load load = new Load(sender, tenants, options.window());
                Thread killer = options.killAt() > 0 ? killer(load, brokers.bootstrap()) : null;
                load.run(options.seconds(), options.payments());
                if (killer != null) {
                    killer.join();
                }
                report(load, waitApplied(load));
                check(load, outputs, brokers.bootstrap(), topics);
            }
        }
        say(failures == 0 ? "passed" : "failed", failures);
        return failures == 0 ? 0 : 1;
    }

    private void createTopics(String bootstrap, ClusterTopics topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            long deadline = System.nanoTime() + 300_000_000_000L;
            while (brokersUp(admin) < options.brokers()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the brokers did not all start in 300 s");
                }
                Thread.sleep(500);
            }
            short replicas = (short) Math.min(3, options.brokers());
            topics.create(admin, replicas, Math.min(2, replicas));
        }
    }

    private static int brokersUp(Admin admin) throws InterruptedException {
        try {
            return admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size();
        } catch (ExecutionException | TimeoutException e) {
            return 0; // not up yet
        }
    }

    private void startNodes(Processes processes, String bootstrap) throws Exception {
        for (int i = 0; i < options.nodes(); i++) {
            int port = Brokers.freePort();
            nodes.add(processes.java("node-" + (i + 1), List.of("-Xmx384m"), NodeMain.class.getName(), List.of(
                    bootstrap, Integer.toString(options.tenants()), "node-" + (i + 1), Integer.toString(port),
                    options.jdbcUrl(), options.dbUser(), options.schema(), Integer.toString(options.snapshotEvery()),
                    Integer.toString(options.sessionMs()), options.groupProtocol())));
            synchronized (livePorts) {
                livePorts.add(port);
            }
        }
    }

    private List<Integer> ports() {
        synchronized (livePorts) {
            return List.copyOf(livePorts);
        }
    }

    /** Polls until every tenant answers from a live node; returns the nanoseconds since {@code from}. */
    private long waitAllAnswer(long from, int timeoutSeconds) throws InterruptedException {
        long deadline = from + timeoutSeconds * 1_000_000_000L;
        List<String> waiting = new ArrayList<>(tenants);
        while (!waiting.isEmpty()) {
            waiting.removeIf(t -> status.ask(ports(), t).isPresent());
            if (waiting.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(waiting.size() + " tenants did not answer in " + timeoutSeconds + " s");
            }
            Thread.sleep(50);
        }
        return System.nanoTime() - from;
    }

    private Thread killer(Load load, String bootstrap) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(options.killAt() * 1_000L);
                int victim = options.nodes() - 1;
                synchronized (livePorts) {
                    livePorts.remove(victim);
                }
                try (GroupWatch group = new GroupWatch(bootstrap, "zengzhi-nodes", options.nodes())) {
                    long killedAt = System.nanoTime();
                    long killedAtMs = System.currentTimeMillis();
                    Processes.kill9(nodes.get(victim));
                    say("killed", victim + 1, load.ackedCount(),
                            ZonedDateTime.now(ZONE).format(DateTimeFormatter.ofPattern("HH:mm:ss.SSS")));
                    Map<String, Long> answered = ParallelAsk.untilAll(status, this::ports, tenants, 120);
                    failover = answered.values().stream().mapToLong(Long::longValue).max().orElse(killedAtMs)
                            - killedAtMs;
                    say("failover", options.tenants(), failover, options.sessionMs());
                    phases(killedAtMs, group.noticedAtMs(), answered);
                }
            } catch (Exception e) {
                failures++;
                say("failoverFailed", e.getMessage());
            }
        }, "demo-killer");
        t.start();
        return t;
    }

    /** Prints where the failover's time went, from the live nodes' take-over times. */
    private void phases(long killedAtMs, long noticedAtMs, Map<String, Long> answered) {
        List<Takeover> takeovers = new ArrayList<>();
        ports().forEach(port -> takeovers.addAll(status.takeovers(port)));
        phases = FailoverPhases.of(killedAtMs, noticedAtMs, takeovers, answered);
        try {
            // Every tenant's times, for a closer look: kill and noticed, then tenant assigned restored serving answered.
            List<String> lines = new ArrayList<>(List.of("killed " + killedAtMs, "noticed " + noticedAtMs));
            takeovers.forEach(t -> lines.add(t.line() + " " + answered.getOrDefault(t.tenant(), 0L)));
            Files.write(runDir.resolve("takeovers.txt"), lines);
        } catch (IOException e) {
            say("failoverFailed", e.getMessage());
        }
        say("phases", phases.tenantsMoved(), phases.noticedMs(), phases.firstAssignedMs(), phases.assignedMs(),
                phases.restoredMs(), phases.replayedMs(), phases.answeredMovedMs(), phases.answeredAllMs(),
                options.groupProtocol());
    }

    private volatile FailoverPhases phases;

    /** Milliseconds from the kill until every tenant answered again (-1: no kill). */
    private volatile long failover = -1;

    /** Waits until every tenant has applied its last acknowledged payment; returns when that was (nanoTime). */
    private long waitApplied(Load load) throws InterruptedException {
        long deadline = System.nanoTime() + 300_000_000_000L;
        List<String> waiting = new ArrayList<>(tenants);
        while (!waiting.isEmpty()) {
            waiting.removeIf(t -> status.ask(ports(), t).map(s -> s.applied() >= load.lastAcked(t)).orElse(false));
            if (!waiting.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    failures++;
                    say("notApplied", waiting.size());
                    break;
                }
                Thread.sleep(20);
            }
        }
        return System.nanoTime();
    }

    private void report(Load load, long appliedAt) {
        double loadSeconds = (load.endNanos() - load.startNanos()) / 1e9;
        double allSeconds = (appliedAt - load.startNanos()) / 1e9;
        say("figures", load.ackedCount(), load.sent(), load.failed(), String.format("%.1f", loadSeconds),
                Math.round(load.ackedCount() / loadSeconds), String.format("%.1f", allSeconds),
                Math.round(load.ackedCount() / allSeconds), String.format("%.1f", load.latencyMicros(0.5) / 1000.0),
                String.format("%.1f", load.latencyMicros(0.99) / 1000.0),
                failover < 0 ? "-" : Long.toString(failover));
        System.out.printf("FIGURES nodes=%d brokers=%d tenants=%d acked=%d load_s=%.1f acked_per_s=%d "
                + "applied_per_s=%d p50_ms=%.1f p99_ms=%.1f failover_ms=%d%n", options.nodes(), options.brokers(),
                options.tenants(), load.ackedCount(), loadSeconds, Math.round(load.ackedCount() / loadSeconds),
                Math.round(load.ackedCount() / allSeconds), load.latencyMicros(0.5) / 1000.0,
                load.latencyMicros(0.99) / 1000.0, failover);
        System.out.println("LOAD machine load average (1 min) at start " + loadAtStart + ", now " + loadAverage()
                + " — the machine's, not the demo's alone");
        if (phases != null) {
            System.out.println(phases.line() + " group_protocol=" + options.groupProtocol() + " session_ms="
                    + options.sessionMs());
        }
    }

    /** The 1-minute load average (Linux /proc/loadavg), "?" elsewhere: the figures mean little without it. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private void check(Load load, PgOutputs outputs, String bootstrap, ClusterTopics topics) {
        long rows = 0;
        int exact = 0;
        int invariants = 0;
        int hashes = 0;
        for (String tenant : tenants) {
            Map<Long, String> acked = new TreeMap<>(load.acked(tenant));
            Map<Long, String> written = outputs.commandsByOffset(tenant);
            rows += written.size();
            exact += written.equals(acked) ? 1 : 0;
            Optional<Status.TenantState> state = status.ask(ports(), tenant);
            long poolShares = acked.values().stream().mapToLong(id -> DemoPayments.poolShareFen(
                    DemoPayments.number(id))).sum();
            if (state.isPresent() && state.get().invariantProblems() == 0
                    && state.get().poolCashFen() == poolShares) {
                invariants++;
            }
            PartitionReplay.Replayed replay = PartitionReplay.replay(bootstrap, topics, tenant,
                    DemoPayments.freshEngine());
            if (state.isPresent() && replay.records() == acked.size()
                    && replay.engine().stateHash().equals(state.get().stateHash())) {
                hashes++;
            }
        }
        int n = tenants.size();
        failures += (exact < n ? 1 : 0) + (invariants < n ? 1 : 0) + (hashes < n ? 1 : 0) + (load.failed() > 0 ? 1 : 0);
        say(exact == n && rows == load.ackedCount() ? "checkOnce" : "checkOnceFailed", load.ackedCount(), rows,
                exact, n);
        say(invariants == n ? "checkInvariants" : "checkInvariantsFailed", invariants, n);
        say(hashes == n ? "checkHash" : "checkHashFailed", hashes, n);
        if (load.failed() > 0) {
            say("sendsFailed", load.failed());
        }
    }
}

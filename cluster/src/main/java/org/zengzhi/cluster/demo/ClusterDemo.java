package org.zengzhi.cluster.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
    private static final String NODE_APPLICATION = "zengzhi-demo-node";
    private final List<Path> nodeGroups = new ArrayList<>();
    private NodeDeaths deaths;
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
        } catch (DemoOptions.OptionError e) {
            // an option this machine cannot honour (--node-cpu without a writable cgroup)
            System.err.println("参数错误 (bad option): " + e.getMessage());
            status = 2;
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
        ClusterTopics topics = topics(options.tenants());
        try (Processes processes = new Processes(dir); CpuUse cpu = new CpuUse()) {
            CpuCgroups cgroups = quotas(processes, dir);
            say("start", ZonedDateTime.now(ZONE).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")), dir);
            if (cgroups != null) {
                say("quota", cores(options.nodeMilliCpu()), cores(options.brokerMilliCpu()));
            }
            try (PgOutputs outputs = new PgOutputs(options.jdbcUrl(), options.dbUser(), "", options.schema(), 2)) {
                outputs.dropSchema().createSchema();
                Brokers brokers = new Brokers(dir, processes, options.brokers(), options.sessionMs());
                if (options.brokerMilliCpu() > 0) {
                    brokers.limit(cgroups.group("brokers", options.brokerMilliCpu()));
                }
                brokers.start();
                brokers.servers().forEach(p -> cpu.add("brokers", p.pid()));
                createTopics(brokers.bootstrap(), topics);
                say("brokers", options.brokers(), brokers.bootstrap(), options.tenants(),
                        Math.min(3, options.brokers()), Math.min(2, Math.min(3, options.brokers())));
                deaths = new NodeDeaths(status, tenants, brokers.bootstrap(), options, dir, this::sayArgs);
                startNodes(processes, cgroups, cpu, brokers.bootstrap());
                long up = waitAllAnswer(System.nanoTime(), 180);
                say("nodes", options.nodes(), options.tenants(), up / 1_000_000);
                try {
                    loadAndCheck(cpu, outputs, brokers.bootstrap(), topics);
                } finally {
                    deaths.ending();
                }
            }
        }
        say(failures == 0 ? "passed" : "failed", failures);
        return failures == 0 ? 0 : 1;
    }

    private void loadAndCheck(CpuUse cpu, PgOutputs outputs, String bootstrap, ClusterTopics topics)
            throws Exception {
        try (CommandSender sender = new CommandSender(bootstrap, topics, "demo-load")) {
            Load load = new Load(sender, tenants, options.window());
            cpu.add("load", ProcessHandle.current().pid());
            pgBackends().forEach(pid -> cpu.add("postgres", pid));
            if (options.warmup() > 0) {
                load.run(0, options.warmup());
                waitApplied(load);
                say("warmedUp", options.warmup(), load.ackedCount());
            }
            KillPlan plan = killPlan();
            cpu.start();
            long loadStart = System.nanoTime();
            Thread killer = plan == null ? null : deaths.killer(plan, loadStart, load::ackedCount);
            load.run(options.seconds(), options.payments());
            if (killer != null) {
                killer.join();
            }
            deaths.awaitFailovers();
            long appliedAt = waitApplied(load);
            pgBackends().forEach(pid -> cpu.add("postgres", pid));
            cpu.end();
            report(load, appliedAt, plan);
            cpuReport(cpu, load, appliedAt);
            failures += deaths.failures();
            check(load, outputs, bootstrap, topics);
        }
    }

    /** The CPU groups for --node-cpu and --broker-cpu (null: neither given); fails naming the option if none. */
    private CpuCgroups quotas(Processes processes, Path dir) {
        if (options.nodeMilliCpu() == 0 && options.brokerMilliCpu() == 0) {
            return null;
        }
        CpuCgroups cgroups = CpuCgroups.open(options.nodeMilliCpu() > 0 ? "--node-cpu" : "--broker-cpu", dir);
        processes.removeAtClose(cgroups);
        try {
            cgroups.joinUnlimited("load");
        } catch (IOException e) {
            throw new IllegalStateException("could not move the demo into its CPU group: " + e.getMessage(), e);
        }
        return cgroups;
    }

    private static String cores(int milliCpu) {
        return milliCpu == 0 ? "-" : java.math.BigDecimal.valueOf(milliCpu, 3).stripTrailingZeros().toPlainString();
    }

    /** The kills of this run (null: none), the seed printed so that --seed repeats it. */
    private KillPlan killPlan() {
        if (!options.killing()) {
            return null;
        }
        long seed = options.seed() != null ? options.seed() : new java.security.SecureRandom().nextLong();
        KillPlan plan = options.killsRandomly() ? KillPlan.random(seed, options.kills(), options.seconds() * 1_000L)
                : KillPlan.fixed(seed, options.kills(), options.killAt());
        say("killPlan", plan.momentsMs().stream().map(ms -> String.format("%.1f", ms / 1000.0))
                .collect(java.util.stream.Collectors.joining(", ")), Long.toString(seed), drawn(options.killsRandomly()));
        return plan;
    }

    /** How the kill moments were chosen, in the demo's language. */
    private String drawn(boolean random) {
        if ("en".equals(options.lang())) {
            return random ? "random" : "fixed";
        }
        return random ? "随机" : "固定";
    }

    private String sayArgs(String key, Object[] args) {
        return say(key, args);
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

    private void startNodes(Processes processes, CpuCgroups cgroups, CpuUse cpu, String bootstrap) throws Exception {
        for (int i = 0; i < options.nodes(); i++) {
            int port = Brokers.freePort();
            String name = "node-" + (i + 1);
            Path procs = options.nodeMilliCpu() > 0 ? cgroups.group(name, options.nodeMilliCpu()) : null;
            Process node = processes.java(name, nodeJvmOptions(options.nodeMilliCpu()), NodeMain.class.getName(),
                    List.of(bootstrap, Integer.toString(options.tenants()), name, Integer.toString(port),
                    nodeJdbcUrl(options.jdbcUrl()), options.dbUser(), options.schema(),
                    Integer.toString(options.snapshotEvery()), Integer.toString(options.sessionMs()),
                    options.groupProtocol()), procs);
            nodeGroups.add(procs);
            cpu.add("nodes", node.pid());
            deaths.started(i, node, port);
        }
    }

    /** The node JVM's flags: with a quota, as many processors as the quota rounds up to (GC and pool sizes follow). */
    static List<String> nodeJvmOptions(int milliCpu) {
        if (milliCpu == 0) {
            return List.of("-Xmx384m");
        }
        return List.of("-Xmx384m", "-XX:ActiveProcessorCount=" + Math.max(1, (milliCpu + 999) / 1_000));
    }

    /** The nodes' PostgreSQL connections carry an application name, so the demo can count their backends' CPU. */
    static String nodeJdbcUrl(String jdbcUrl) {
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "ApplicationName=" + NODE_APPLICATION;
    }

    private List<Long> pgBackends() {
        try (Connection c = DriverManager.getConnection(options.jdbcUrl(), options.dbUser(), "");
                PreparedStatement s = c.prepareStatement(
                        "select pid from pg_stat_activity where application_name = ?")) {
            s.setString(1, NODE_APPLICATION);
            List<Long> pids = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    pids.add(r.getLong(1));
                }
            }
            return pids;
        } catch (SQLException e) {
            return List.of(); // the figure goes without PostgreSQL's part; the demo goes on
        }
    }

    private List<Integer> ports() {
        return deaths.ports();
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

    /** Waits until every tenant has applied its last acknowledged payment; returns when that was (nanoTime). */
    private long waitApplied(Load load) throws InterruptedException {
        long deadline = System.nanoTime() + 300_000_000_000L;
        List<String> waiting = new ArrayList<>(tenants);
        while (!waiting.isEmpty()) {
            waiting.removeIf(t -> status.ask(ports(), t).map(s -> s.applied() >= load.lastAcked(t)).orElse(false));
            if (!waiting.isEmpty()) {
                if (System.nanoTime() > deadline || ports().isEmpty()) {
                    failures++;
                    say("notApplied", waiting.size());
                    break;
                }
                Thread.sleep(20);
            }
        }
        return System.nanoTime();
    }

    private void report(Load load, long appliedAt, KillPlan plan) {
        double loadSeconds = (load.endNanos() - load.startNanos()) / 1e9;
        double allSeconds = (appliedAt - load.startNanos()) / 1e9;
        String failover = deaths.failoverMs();
        say("figures", load.measuredAcked(), load.sent(), load.failed(), String.format("%.1f", loadSeconds),
                Math.round(load.measuredAcked() / loadSeconds), String.format("%.1f", allSeconds),
                Math.round(load.measuredAcked() / allSeconds), String.format("%.1f", load.latencyMicros(0.5) / 1000.0),
                String.format("%.1f", load.latencyMicros(0.99) / 1000.0), "-1".equals(failover) ? "-" : failover);
        System.out.printf("FIGURES nodes=%d brokers=%d tenants=%d acked=%d load_s=%.1f acked_per_s=%d "
                + "applied_per_s=%d p50_ms=%.1f p99_ms=%.1f failover_ms=%s node_cpu=%s broker_cpu=%s warmup=%d%n",
                options.nodes(), options.brokers(), options.tenants(), load.measuredAcked(), loadSeconds,
                Math.round(load.measuredAcked() / loadSeconds), Math.round(load.measuredAcked() / allSeconds),
                load.latencyMicros(0.5) / 1000.0, load.latencyMicros(0.99) / 1000.0, failover,
                cores(options.nodeMilliCpu()), cores(options.brokerMilliCpu()), options.warmup());
        System.out.println("LOAD machine load average (1 min) at start " + loadAtStart + ", now " + loadAverage()
                + " — the machine's, not the demo's alone");
        deaths.phaseLines().forEach(System.out::println);
        if (plan != null || !"-".equals(deaths.deaths())) {
            System.out.println("KILLS seed=" + (plan == null ? "-" : plan.seed()) + " kill_at="
                    + (options.killsRandomly() ? "random" : options.killAt()) + " deaths=" + deaths.deaths());
        }
    }

    /** CPU seconds per part over the load until all applied, and per acknowledged payment. */
    private void cpuReport(CpuUse cpu, Load load, long appliedAt) {
        double seconds = (appliedAt - load.startNanos()) / 1e9;
        long acked = Math.max(1, load.measuredAcked());
        Map<String, Long> ms = cpu.millisByPart();
        StringBuilder line = new StringBuilder(String.format("CPU window_s=%.1f machine_busy_ms=%d of_ms=%d", seconds,
                cpu.machineBusyMillis(), Math.round(seconds * 1000 * Runtime.getRuntime().availableProcessors())));
        ms.forEach((part, v) -> line.append(' ').append(part).append("_ms=").append(v));
        ms.forEach((part, v) -> line.append(' ').append(part).append("_us_per_ack=").append(v * 1000 / acked));
        for (int i = 0; i < nodeGroups.size(); i++) {
            if (nodeGroups.get(i) != null) {
                line.append(" throttled_node").append(i + 1).append('=').append(CpuCgroups.throttled(nodeGroups.get(i)));
            }
        }
        System.out.println(line);
        say("cpu", String.format("%.1f", seconds), ms.toString(), cpu.machineBusyMillis());
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

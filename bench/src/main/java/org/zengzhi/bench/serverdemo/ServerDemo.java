package org.zengzhi.bench.serverdemo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.zengzhi.cluster.demo.Brokers;
import org.zengzhi.cluster.demo.KillPlan;
import org.zengzhi.cluster.demo.Processes;

/**
 * {@code bin/zengzhi server-cluster-demo} (issue 21, deliver 3, with the platform's real HTTP server): a KRaft cluster
 * of Kafka servers and N server nodes ({@code zengzhi-server.jar} in cluster mode), each its own JVM on loopback; T
 * tenants created through the deployment API; payments over HTTP to every tenant (redirects followed, 503 retried,
 * one Idempotency-Key per payment); one node killed with {@code kill -9} mid-load. Prints how long until every
 * tenant answered again and checks, for every tenant, that each acknowledged payment is applied exactly once, that
 * the invariants hold and the pool holds their pool shares, that retries get the first answer, and that the state
 * hash its node reports equals a replay of its journal. Exit code 1 if a check fails, 2 for bad options.
 */
public final class ServerDemo {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private final DemoOptions options;
    private final ResourceBundle text;
    private final List<String> slugs = new ArrayList<>();
    private Path runDir;
    private int failures;
    /** The deployment operator's bearer token (node 1's login; every node accepts it). */
    private String deployment;
    /** The longest failover of the run's kills, -1 if none; and each kill's, in order. */
    private volatile long failoverMs = -1;
    private final List<Long> failovers = new CopyOnWriteArrayList<>();
    /** The run's kills, once drawn. */
    private volatile KillPlan plan;

    private ServerDemo(DemoOptions options) {
        this.options = options;
        this.text = ResourceBundle.getBundle("org.zengzhi.bench.serverdemo.messages",
                "en".equals(options.lang()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        for (int i = 0; i < options.tenants(); i++) {
            slugs.add(DemoOptions.slug(i));
        }
    }

    public static void main(String[] args) {
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (DemoOptions.BadOption e) {
            boolean english = List.of(args).contains("en") || List.of(args).contains("--lang=en");
            System.err.println(e.say(english) + " — bin/zengzhi server-cluster-demo --help");
            System.exit(2);
            return;
        }
        int status;
        try {
            status = new ServerDemo(options).run();
        } catch (Exception e) {
            // A part that did not start or answer (a broker, a node, PostgreSQL) fails the demo like a check does.
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private void say(String key, Object... args) {
        System.out.println(MessageFormat.format(text.getString(key), args));
    }

    private int run() throws Exception {
        String given = System.getenv("ZENGZHI_DEMO_DIR");
        runDir = given != null ? Files.createDirectories(Path.of(given))
                : Files.createTempDirectory("zengzhi-server-cluster-demo-");
        String loadAtStart = loadAverage();
        say("start", ZonedDateTime.now(ZONE).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")), runDir);
        freshSchemas();
        say("schema", options.schema());
        try (Processes processes = new Processes(runDir)) {
            Brokers brokers = new Brokers(runDir, processes, options.brokers(), options.sessionMs());
            brokers.start();
            awaitBrokers(brokers.bootstrap());
            say("brokers", options.brokers(), brokers.bootstrap(), ServerNodes.replicas(options.brokers()),
                    ServerNodes.minInSync(options.brokers()));
            ServerNodes nodes = new ServerNodes(options, processes, brokers.bootstrap(), ServerNodes.jar());
            try (NodeHttp http = new NodeHttp(nodes::live, options.tenants() * options.window() * 2 + 64)) {
                long t0 = System.nanoTime();
                nodes.startAll(http);
                say("nodes", options.nodes(), options.sessionMs(), (System.nanoTime() - t0) / 1_000_000);
                List<TenantClient> tenants = createTenants(http, nodes);
                AckBook book = new AckBook(slugs);
                PaymentLoad load = new PaymentLoad(tenants, options.window(), book);
                Thread killer = options.killing() ? killer(nodes, tenants, book, http) : null;
                load.run(options.seconds());
                if (killer != null) {
                    killer.join();
                }
                report(load, book, http, loadAtStart);
                new DemoChecks(options, text, brokers.bootstrap()).run(tenants, book, this::countFailure);
            }
        }
        if (failures == 0) {
            say("passed", runDir);
        } else {
            say("failed", failures, runDir);
        }
        return failures == 0 ? 0 : 1;
    }

    private void countFailure() {
        failures++;
    }

    /** Drops the root schema and every tenant schema named after it, then makes the root again. */
    private void freshSchemas() throws Exception {
        try (Connection c = DriverManager.getConnection(options.jdbcUrl(), options.dbUser(), "");
                Statement s = c.createStatement()) {
            List<String> schemas = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname = '" + options.schema()
                    + "' OR nspname LIKE '" + options.schema().replace("_", "\\_") + "\\_t\\_%'")) {
                while (r.next()) {
                    schemas.add(r.getString(1));
                }
            }
            int needed = ServerNodes.connectionsNeeded(options.nodes(), options.tenants());
            try (ResultSet r = s.executeQuery("SHOW max_connections")) {
                r.next();
                if (Integer.parseInt(r.getString(1)) < needed) {
                    throw new IllegalStateException(MessageFormat.format(text.getString("connections"),
                            options.tenants(), options.nodes(), needed, r.getString(1)));
                }
            }
            for (String schema : schemas) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
            s.execute("CREATE SCHEMA " + options.schema());
        }
    }

    private void awaitBrokers(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            long deadline = System.nanoTime() + 300_000_000_000L;
            while (brokersUp(admin) < options.brokers()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the brokers did not all start in 300 s");
                }
                Thread.sleep(500);
            }
        }
    }

    private static int brokersUp(Admin admin) throws InterruptedException {
        try {
            return admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size();
        } catch (ExecutionException | TimeoutException e) {
            return 0; // not up yet
        }
    }

    /** Creates the tenants through node 1's deployment API, one after the other, then waits until each is served. */
    private List<TenantClient> createTenants(NodeHttp http, ServerNodes nodes) throws Exception {
        try (NodeHttp slow = new NodeHttp(nodes::live, 4, 600)) {
            return createTenants(slow, http, nodes);
        }
    }

    private List<TenantClient> createTenants(NodeHttp slow, NodeHttp http, ServerNodes nodes) throws Exception {
        deployment = "Bearer " + TenantClient.json(slow.once("POST", nodes.base(0) + "/api/v1/deployment/login",
                ServerNodes.loginBody(), Map.of()).body()).get("token").asString();
        String plan = TenantClient.JSON.writeValueAsString(demoPlan());
        long t0 = System.nanoTime();
        for (String slug : slugs) {
            String body = "{\"slug\":\"" + slug + "\",\"name\":\"演示平台 " + slug + "\",\"plan\":" + plan
                    + ",\"operatorPassword\":\"" + password(slug) + "\"}";
            NodeHttp.Answer created = slow.once("POST", nodes.base(0) + "/api/v1/deployment/tenants", body,
                    Map.of("Authorization", deployment, "Idempotency-Key", "create-" + slug));
            if (created.status() != 201) {
                throw new IllegalStateException("creating tenant " + slug + " answered " + created.status() + " "
                        + created.body());
            }
        }
        long createdMs = (System.nanoTime() - t0) / 1_000_000;
        say("created", slugs.size(), createdMs, createdMs / slugs.size());
        long t1 = System.nanoTime();
        List<TenantClient> tenants = new ArrayList<>();
        slugs.forEach(slug -> tenants.add(new TenantClient(http, slug, password(slug))));
        Parallel.forEach(tenants, t -> {
            long deadline = System.nanoTime() + 300_000_000_000L;
            t.signIn(deadline);
            if (t.check(deadline, true).status() != 200) {
                throw new IOException("tenant " + t.slug() + " does not answer its check");
            }
        });
        say("served", slugs.size(), (System.nanoTime() - t1) / 1_000_000, ownersByNode());
        if (TenantClient.UNKNOWN_FOR_A_WHILE.get() > 0) {
            say("unknownForAWhile", TenantClient.UNKNOWN_FOR_A_WHILE.get());
        }
        if (options.standby() > 0 && options.killing()) {
            long t2 = System.nanoTime();
            Map<Integer, Standbys.Held> held = standbys(http, nodes).awaitAll(slugs.size(), options.standby(), 300);
            say("standbys", Standbys.summary(held, slugs.size()), (System.nanoTime() - t2) / 1_000_000);
        }
        return tenants;
    }

    /** The demo's plan: the local-life preset with an exit multiple no holder reaches, so the pool keeps every share. */
    static String demoPlan() throws IOException {
        try (InputStream in = ServerDemo.class.getResourceAsStream("/plans/local-life.yaml")) {
            String preset = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String plan = preset.replaceFirst("exitMultiple: [0-9.]+", "exitMultiple: 1000");
            if (plan.equals(preset)) {
                throw new IllegalStateException("the local-life preset has no exitMultiple to raise");
            }
            return plan.replaceFirst("name: local-life", "name: server-demo");
        }
    }

    static String password(String slug) {
        return "operator-" + slug + "-password";
    }

    /** How many tenants each node serves now ({@code deployment_tenant_owner}), by node URL. */
    private Map<String, Integer> ownersByNode() throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        owners().values().forEach(url -> counts.merge(url, 1, Integer::sum));
        return counts;
    }

    private Map<String, String> owners() throws Exception {
        Map<String, String> owners = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(options.jdbcUrl(), options.dbUser(), "");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT slug, node_url FROM " + options.schema()
                        + ".deployment_tenant_owner")) {
            while (r.next()) {
                owners.put(r.getString(1), r.getString(2));
            }
        }
        return owners;
    }

    private Standbys standbys(NodeHttp http, ServerNodes nodes) {
        return new Standbys(http, nodes, deployment);
    }

    private Thread killer(ServerNodes nodes, List<TenantClient> tenants, AckBook book, NodeHttp http) {
        plan = killPlan();
        long loadStart = System.nanoTime();
        Thread t = new Thread(() -> {
            try {
                for (int k = 0; k < plan.momentsMs().size(); k++) {
                    long wait = loadStart + plan.momentsMs().get(k) * 1_000_000L - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000L);
                    }
                    // A kill waits for the previous failover: it is timed from its own moment.
                    kill(plan.victim(k, nodes.aliveIndexes()), nodes, tenants, book, http);
                }
            } catch (Exception e) {
                countFailure();
                say("failoverFailed", e.toString());
            }
        }, "demo-killer");
        t.start();
        return t;
    }

    /** The kills of this run, the seed printed so that {@code --seed} repeats it. */
    private KillPlan killPlan() {
        long seed = options.seed() != null ? options.seed() : new SecureRandom().nextLong();
        boolean random = options.killAt() == DemoOptions.RANDOM;
        KillPlan plan = random ? KillPlan.random(seed, options.kills(), options.seconds() * 1_000L)
                : KillPlan.fixed(seed, options.kills(), options.killAt());
        say("killPlan", plan.momentsMs().stream().map(ms -> String.format(Locale.ROOT, "%.1f", ms / 1000.0))
                .collect(Collectors.joining(", ")), Long.toString(seed), text.getString(random ? "drawn" : "fixed"));
        return plan;
    }

    /** {@code kill -9} of node {@code victim} (0-based); then waits until every tenant answers again, and says when. */
    private void kill(int victim, ServerNodes nodes, List<TenantClient> tenants, AckBook book, NodeHttp http)
            throws Exception {
        List<String> moved = new ArrayList<>();
        owners().forEach((slug, url) -> {
            if (url.equals(nodes.base(victim))) {
                moved.add(slug);
            }
        });
        long covered = Standbys.covered(standbys(http, nodes).now(), victim + 1, moved);
        long killedAt = System.currentTimeMillis();
        nodes.kill(victim);
        say("killed", victim + 1, book.ackedCount(),
                ZonedDateTime.now(ZONE).format(DateTimeFormatter.ofPattern("HH:mm:ss.SSS")), moved.size(), covered);
        Map<String, Long> answered = Parallel.firstAnswers(tenants, 180);
        long all = answered.values().stream().mapToLong(Long::longValue).max().orElse(killedAt) - killedAt;
        long movedLast = moved.stream().mapToLong(s -> answered.getOrDefault(s, killedAt)).max()
                .orElse(killedAt) - killedAt;
        failovers.add(all);
        failoverMs = Math.max(failoverMs, all);
        say("failover", tenants.size(), all, options.sessionMs(), movedLast);
    }

    private void report(PaymentLoad load, AckBook book, NodeHttp http, String loadAtStart) {
        double seconds = (load.endNanos() - load.startNanos()) / 1e9;
        long perSecond = Math.round(book.ackedCount() / seconds);
        say("figures", book.ackedCount(), book.sentCount(), book.failedCount(), String.format("%.1f", seconds),
                perSecond, String.format("%.1f", book.latencyMillis(0.5)), String.format("%.1f",
                        book.latencyMillis(0.99)), failoverMs < 0 ? "-" : Long.toString(failoverMs),
                http.redirects.get(), http.unavailable.get(), http.connectionsLost.get());
        System.out.printf(Locale.ROOT, "FIGURES mode=server-nodes nodes=%d brokers=%d tenants=%d window=%d acked=%d "
                + "load_s=%.1f acked_per_s=%d p50_ms=%.1f p99_ms=%.1f failover_ms=%d standby=%d%n", options.nodes(),
                options.brokers(), options.tenants(), options.window(), book.ackedCount(), seconds, perSecond,
                book.latencyMillis(0.5), book.latencyMillis(0.99), failoverMs, options.standby());
        if (plan != null) {
            System.out.println("KILLS seed=" + plan.seed() + " moments_s=" + plan.momentsMs().stream()
                    .map(ms -> String.format(Locale.ROOT, "%.1f", ms / 1000.0)).collect(Collectors.joining(","))
                    + " failover_ms=" + failovers.stream().map(String::valueOf).collect(Collectors.joining(",")));
        }
        System.out.println("LOAD machine load average (1 min) at start " + loadAtStart + ", now " + loadAverage()
                + " — the machine's, not the demo's alone");
    }

    /** The 1-minute load average (Linux /proc/loadavg), "?" elsewhere: the figures mean little without it. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}

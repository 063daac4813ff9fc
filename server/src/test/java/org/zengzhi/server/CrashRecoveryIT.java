package org.zengzhi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.zengzhi.cli.LogLines;
import org.zengzhi.cli.PlanFiles;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.EngineOutput;
import org.zengzhi.engine.PlanCheck;
import org.zengzhi.engine.RegionDirectory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 4's crash test: the packaged server runs as a child process on PostgreSQL (a fresh schema) while
 * 8 clients pay orders; the process is killed with SIGKILL mid-load and started again on the same schema.
 * Then every acknowledged order is in the journal and in the engine, no journal row lacks its postings or
 * its idempotency record, the invariants hold, the server's state hash equals a replay of the journal
 * through a fresh engine under the tenant's stored plan, and requests that were in flight at the kill,
 * retried with their keys, each have exactly one effect. Snapshots every 100 commands, so the restart
 * goes through snapshot + journal tail.
 */
class CrashRecoveryIT {
    private static final String URL = System.getProperty("zengzhi.test.postgres", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CLIENTS = 8;
    private static final Duration LOAD_BEFORE_KILL = Duration.ofMillis(1_500);
    /** Enough orders that the kill comes after several snapshots (one every 100 commands). */
    private static final int ACKNOWLEDGED_BEFORE_KILL_MIN = 300;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String schema;
    private int port;
    private Process server;
    private volatile String token;
    private Path log;

    @BeforeEach
    void freshSchema() throws Exception {
        schema = "crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(URL, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        log = Files.createTempFile("crash-recovery-server", ".log");
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null && server.isAlive()) {
            server.destroy();
            server.waitFor();
        }
        try (Connection connection = DriverManager.getConnection(URL, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    @Test
    void everyAcknowledgedOrderSurvivesKillNineAndNothingIsHalfThere() throws Exception {
        start();
        assertThat(post("m", "{\"type\":\"merchant\",\"merchant\":\"shop\",\"owner\":\"lee\",\"region\":\"440106\","
                + "\"commissionRate\":\"0.20\"}").statusCode()).isEqualTo(200);

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Map<String, String> unanswered = new ConcurrentHashMap<>();
        Map<String, String> firstBodies = new ConcurrentHashMap<>();
        AtomicBoolean loading = new AtomicBoolean(true);
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Thread thread = new Thread(() -> pay(client, loading, acknowledged, unanswered, firstBodies), "client-" + c);
            clients.add(thread);
            thread.start();
        }
        Thread.sleep(LOAD_BEFORE_KILL.toMillis());
        for (int waited = 0; acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL_MIN && waited < 100; waited++) {
            Thread.sleep(100);
        }
        server.destroyForcibly();
        server.waitFor();
        loading.set(false);
        for (Thread thread : clients) {
            thread.join();
        }
        assertThat(acknowledged).as("orders acknowledged before the kill").hasSizeGreaterThanOrEqualTo(
                ACKNOWLEDGED_BEFORE_KILL_MIN);

        start();
        JdbcTemplate jdbc = jdbc();
        Set<String> journaled = new HashSet<>(jdbc.queryForList(
                "SELECT command_id FROM journal WHERE command_type = 'PAY_ORDER'", String.class));
        assertThat(journaled).as("every acknowledged order is in the journal").containsAll(acknowledged);
        System.out.printf("CrashRecoveryIT: %d orders acknowledged before the kill, %d cut off, %d journaled%n",
                acknowledged.size(), unanswered.size(), journaled.size());
        assertThat(unsettledOrders()).as("the engine holds exactly the journaled orders").isEqualTo(journaled.size());
        for (String order : acknowledged.stream().limit(20).toList()) {
            assertThat(get("/users/" + userOf(order) + "/wallet").statusCode()).isEqualTo(200);
        }
        assertNothingHalfThere(jdbc);
        JsonNode check = JSON.readTree(get("/operator/check").body());
        assertThat(check.get("invariantsHold").asBoolean()).isTrue();
        assertThat(check.get("stateHash").asString()).as("the server's state equals a replay of the journal")
                .isEqualTo(replayJournal(jdbc));

        retryUnansweredAndAcknowledged(unanswered, firstBodies, jdbc);
        assertThat(JSON.readTree(get("/operator/check").body()).get("invariantsHold").asBoolean()).isTrue();
    }

    /** One client: unique orders with unique keys until the kill; records what was answered 200. */
    private void pay(int client, AtomicBoolean loading, Set<String> acknowledged, Map<String, String> unanswered,
            Map<String, String> firstBodies) {
        for (int n = 0; loading.get(); n++) {
            String order = "o" + client + "-" + n;
            String body = payBody(order);
            try {
                HttpResponse<String> response = post(keyOf(order), body);
                if (response.statusCode() == 200) {
                    acknowledged.add(order);
                    firstBodies.put(order, response.body());
                } else {
                    unanswered.put(order, body);
                }
            } catch (IOException | InterruptedException e) {
                // The kill cut this request off: it may or may not have been committed.
                unanswered.put(order, body);
                return;
            }
        }
    }

    private void assertNothingHalfThere(JdbcTemplate jdbc) {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal j WHERE j.command_type = 'PAY_ORDER' AND NOT EXISTS "
                + "(SELECT 1 FROM postings p WHERE p.command_seq = j.seq)", Long.class)).as("orders without postings")
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM postings p WHERE NOT EXISTS "
                + "(SELECT 1 FROM journal j WHERE j.seq = p.command_seq)", Long.class)).as("postings without their order")
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal j WHERE NOT EXISTS "
                + "(SELECT 1 FROM idempotency i WHERE i.command_seq = j.seq)", Long.class))
                .as("journal rows without their idempotency record").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM idempotency i WHERE NOT EXISTS "
                + "(SELECT 1 FROM journal j WHERE j.seq = i.command_seq)", Long.class))
                .as("idempotency records without their journal row").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT asset FROM postings GROUP BY asset "
                + "HAVING SUM(amount) <> 0) unbalanced", Long.class)).as("assets whose postings do not sum to zero").isZero();
        assertThat(jdbc.queryForObject("SELECT MAX(seq) - COUNT(*) FROM journal", Long.class)).as("gaps in the journal")
                .isZero();
    }

    /** Every journal line through a fresh engine built from the tenant's stored plan; its state hash. */
    private static String replayJournal(JdbcTemplate jdbc) {
        PlanCheck plan = PlanFiles.checkText(jdbc.queryForObject("SELECT plan_yaml FROM tenant WHERE id = 1", String.class));
        assertThat(plan.valid()).isTrue();
        Engine engine = new Engine(plan.plan(), RegionDirectory.STANDARD);
        LogLines lines = new LogLines(engine::clock);
        EngineOutput out = new EngineOutput();
        jdbc.query("SELECT seq, line FROM journal ORDER BY seq", row -> {
            out.clear();
            engine.execute(lines.parse(row.getLong(1), row.getString(2)), out);
        });
        assertThat(engine.checkInvariants()).isEmpty();
        return engine.stateHash();
    }

    /**
     * Requests cut off by the kill, retried with their keys, are each applied exactly once (whether or not
     * they were committed before the kill); acknowledged ones get their first response again.
     */
    private void retryUnansweredAndAcknowledged(Map<String, String> unanswered, Map<String, String> firstBodies,
            JdbcTemplate jdbc) throws Exception {
        assertThat(unanswered).as("requests in flight at the kill").isNotEmpty();
        for (Map.Entry<String, String> request : unanswered.entrySet()) {
            assertThat(post(keyOf(request.getKey()), request.getValue()).statusCode()).isEqualTo(200);
            assertThat(post(keyOf(request.getKey()), request.getValue()).statusCode()).isEqualTo(200);
        }
        for (String order : firstBodies.keySet().stream().limit(20).toList()) {
            HttpResponse<String> again = post(keyOf(order), payBody(order));
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.body()).isEqualTo(firstBodies.get(order));
        }
        Set<String> journaled = new HashSet<>(jdbc.queryForList(
                "SELECT command_id FROM journal WHERE command_type = 'PAY_ORDER'", String.class));
        assertThat(journaled).containsAll(unanswered.keySet()).containsAll(firstBodies.keySet());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal WHERE command_type = 'PAY_ORDER'", Long.class))
                .as("one journal row per order").isEqualTo(journaled.size());
        assertThat(unsettledOrders()).as("one effect per order").isEqualTo(journaled.size());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal WHERE command_type = 'PAY_ORDER' AND rejection IS "
                + "NOT NULL", Long.class)).as("rejected orders").isZero();
    }

    private static String payBody(String order) {
        int cents = 1_000 + Math.floorMod(order.hashCode(), 100_000);
        return "{\"type\":\"pay\",\"id\":\"" + order + "\",\"user\":\"" + userOf(order) + "\",\"merchant\":\"shop\","
                + "\"amount\":\"" + cents / 100 + "." + String.format("%02d", cents % 100) + "\",\"channel\":\"store\"}";
    }

    private static String userOf(String order) {
        return "u" + Math.floorMod(order.hashCode(), 200);
    }

    private static String keyOf(String order) {
        return "pay-" + order;
    }

    private int unsettledOrders() throws Exception {
        return JSON.readTree(get("/economy").body()).get("unsettledOrders").asInt();
    }

    /** Starts the packaged server on the test's schema and port, and waits until it answers. */
    private void start() throws Exception {
        Path jar = Path.of("target", "zengzhi-server.jar");
        if (!Files.isRegularFile(jar)) {
            jar = Path.of("server", "target", "zengzhi-server.jar");
        }
        assertThat(jar).as("the packaged server (failsafe runs after package)").isRegularFile();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        server = new ProcessBuilder(java, "-Xmx512m", "-jar", jar.toString(), "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + URL + "?currentSchema=" + schema, "--spring.datasource.username=postgres",
                "--spring.flyway.schemas=" + schema, "--server.port=" + port, "--zengzhi.tick-interval=PT1H",
                "--zengzhi.snapshot-interval=100", "--zengzhi.operator-password=" + ServerHarness.OPERATOR_PASSWORD)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive()).as("the server is running; its log: " + log).isTrue();
            try {
                token = login();
                if (token != null && get("/economy").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the server did not answer within 60 s; its log: " + log);
    }

    private JdbcTemplate jdbc() {
        return new JdbcTemplate(new SingleConnectionDataSource(URL + "?currentSchema=" + schema, "postgres", "", true));
    }

    /** Signs in as the operator; null while the server cannot answer yet. */
    private String login() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/auth/login")).timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"operator\",\"password\":\""
                        + ServerHarness.OPERATOR_PASSWORD + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return null;
        }
        String body = response.body();
        int start = body.indexOf("\"token\":\"") + 9;
        return body.substring(start, body.indexOf('"', start));
    }

    private HttpResponse<String> post(String key, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/commands"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json").header("Idempotency-Key", key)
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1" + path))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 4's crash test: the packaged server runs as a child process on a fresh database while 8 clients pay
 * orders; the process is killed with SIGKILL mid-load and started again on the same database. Then every
 * acknowledged order is there (a retry with its key gets the first response byte for byte, not a new
 * execution), the invariants hold, and requests that were in flight at the kill, retried with their keys,
 * each have exactly one effect. Snapshots every 100 commands, so the restart goes through snapshot + journal
 * tail. A subclass names the database; where the test can open it beside the server (PostgreSQL) it also
 * checks the journal's rows directly.
 */
abstract class CrashRecoveryTests {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CLIENTS = 8;
    private static final Duration LOAD_BEFORE_KILL = Duration.ofMillis(1_500);
    /** Enough orders that the kill comes after a snapshot or two (every 100 commands, or every as many as the orders held). */
    private static final int ACKNOWLEDGED_BEFORE_KILL_MIN = 300;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private int port;
    private Process server;
    private volatile String token;
    private Path log;

    /** The server's database options (without the leading {@code --}), the same for both starts. */
    abstract List<String> database() throws Exception;

    /**
     * The checks of the journal's rows after the restart, before any retry; a database the test cannot open
     * beside the running server (H2 in file mode is locked by it) checks nothing here.
     */
    void checkJournalAfterRestart(Set<String> acknowledged, int unsettledOrders, String stateHash) throws Exception {
    }

    /** The checks of the journal's rows once every request cut off by the kill was retried. */
    void checkJournalAfterRetries(Set<String> acknowledged, Set<String> unanswered) throws Exception {
    }

    @BeforeEach
    void freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        log = Files.createTempFile("crash-recovery-server", ".log");
    }

    /** Drops the test's database once the server has stopped. */
    void dropDatabase() throws Exception {
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null && server.isAlive()) {
            server.destroy();
            server.waitFor();
        }
        dropDatabase();
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
        for (int waited = 0; acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL_MIN && waited < 600; waited++) {
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
        System.out.printf("%s: %d orders acknowledged before the kill, %d cut off%n", getClass().getSimpleName(),
                acknowledged.size(), unanswered.size());
        int unsettled = unsettledOrders();
        JsonNode check = JSON.readTree(get("/operator/check").body());
        checkJournalAfterRestart(acknowledged, unsettled, check.get("stateHash").asString());
        assertThat(unsettled).as("the engine holds every acknowledged order, and at most the ones cut off besides")
                .isBetween(acknowledged.size(), acknowledged.size() + unanswered.size());
        for (String order : acknowledged.stream().limit(20).toList()) {
            assertThat(get("/users/" + userOf(order) + "/wallet").statusCode()).isEqualTo(200);
        }
        assertThat(check.get("invariantsHold").asBoolean()).isTrue();

        retryUnansweredAndAcknowledged(unanswered, firstBodies);
        checkJournalAfterRetries(acknowledged, unanswered.keySet());
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

    /**
     * Every acknowledged order, retried with its key, gets its first response byte for byte: it was durable, so
     * the retry is answered from its idempotency record, not executed again (a new execution would be stamped
     * with a new time). Requests cut off by the kill, retried with their keys, are each applied exactly once
     * (whether or not they were committed before the kill).
     */
    private void retryUnansweredAndAcknowledged(Map<String, String> unanswered, Map<String, String> firstBodies)
            throws Exception {
        assertThat(unanswered).as("requests in flight at the kill").isNotEmpty();
        List<String> lost = new ArrayList<>();
        for (Map.Entry<String, String> first : firstBodies.entrySet()) {
            HttpResponse<String> again = post(keyOf(first.getKey()), payBody(first.getKey()));
            assertThat(again.statusCode()).isEqualTo(200);
            if (!again.body().equals(first.getValue())) {
                lost.add(first.getKey());
            }
        }
        assertThat(lost).as("acknowledged orders executed again after the restart: lost by the kill").isEmpty();
        for (Map.Entry<String, String> request : unanswered.entrySet()) {
            assertThat(post(keyOf(request.getKey()), request.getValue()).statusCode()).isEqualTo(200);
            assertThat(post(keyOf(request.getKey()), request.getValue()).statusCode()).isEqualTo(200);
        }
        assertThat(unsettledOrders()).as("one effect per order").isEqualTo(firstBodies.size() + unanswered.size());
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
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-jar", jar.toString()));
        for (String option : database()) {
            command.add("--" + option);
        }
        command.addAll(List.of("--server.port=" + port, "--zengzhi.tick-interval=PT1H", "--zengzhi.snapshot-interval=100",
                "--zengzhi.operator-password=" + ServerHarness.OPERATOR_PASSWORD));
        server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
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
        throw new AssertionError("the server did not answer within 180 s; its log: " + log);
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

package org.zengzhi.bench.serverdemo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.zengzhi.cluster.demo.Processes;

/**
 * The platform's HTTP server ({@code server/target/zengzhi-server.jar}) as cluster nodes, each its own JVM: the
 * {@code postgres} profile on one root schema, the same deployment password, the brokers as
 * {@code zengzhi.cluster.bootstrap-servers} and a short session timeout. The first node starts alone (it migrates
 * the root schema and makes the deployment operator), the others after it.
 */
final class ServerNodes {
    /** Connections each node's root context keeps open (the deployment API only, in cluster mode). */
    static final int ROOT_POOL = 3;
    /** Connections each tenant's context keeps open (Hikari fills its pool). */
    static final int TENANT_POOL = 2;

    /**
     * Connections each node's standbys hold while being built: a standby's pool keeps none idle, but what its start
     * opened stays open for Hikari's shortest idle timeout (10 s), and a node builds about one standby a second.
     */
    static final int STANDBY_BUILDS = 10;

    /**
     * PostgreSQL connections a run holds at its peak: every tenant's pool (on whichever node runs it, and for a
     * moment on two while a killed node's tenants move), every node's root pool and standbys being built, and a few
     * of the demo's own.
     */
    static int connectionsNeeded(int nodes, int tenants) {
        return tenants * TENANT_POOL + nodes * (ROOT_POOL + STANDBY_BUILDS) + 10;
    }

    static final String DEPLOYMENT_PASSWORD = "server-demo-deployment";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(600);
    private final DemoOptions options;
    private final Processes processes;
    private final String bootstrap;
    private final Path jar;
    private final List<Process> nodes = new ArrayList<>();
    private final List<Boolean> alive = new ArrayList<>();

    ServerNodes(DemoOptions options, Processes processes, String bootstrap, Path jar) {
        this.options = options;
        this.processes = processes;
        this.bootstrap = bootstrap;
        this.jar = jar;
    }

    /** The server jar next to the repository root the demo runs from (built by bin/zengzhi). */
    static Path jar() {
        for (Path candidate : List.of(Path.of("server", "target", "zengzhi-server.jar"),
                Path.of("..", "server", "target", "zengzhi-server.jar"))) {
            if (Files.isRegularFile(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        throw new IllegalStateException("no server/target/zengzhi-server.jar: build it with "
                + "./mvnw -q -B -DskipTests package -pl bench -am");
    }

    void startAll(NodeHttp http) throws IOException, InterruptedException {
        start(0);
        awaitReady(http, 0);
        for (int i = 1; i < options.nodes(); i++) {
            start(i);
        }
        for (int i = 1; i < options.nodes(); i++) {
            awaitReady(http, i);
        }
    }

    private void start(int i) throws IOException {
        short replicas = replicas(options.brokers());
        String url = options.jdbcUrl() + (options.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema="
                + options.schema();
        List<String> args = new ArrayList<>(List.of("-Xmx" + options.heap(), "-jar", jar.toString(),
                "--spring.profiles.active=postgres", "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + options.dbUser(), "--spring.flyway.schemas=" + options.schema(),
                // The root serves only the deployment API in cluster mode: a small pool. Each tenant's pool is 2 and
                // Hikari keeps it full: see connectionsNeeded (50 tenants need more than PostgreSQL's default 100).
                "--spring.datasource.hikari.maximum-pool-size=" + ROOT_POOL, "--zengzhi.tenants.pool-size=" + TENANT_POOL,
                "--zengzhi.sandbox.enabled=true", "--server.port=" + options.port(i),
                // No tick during the run: the state hash compared with the replay must not move under it.
                "--zengzhi.tick-interval=PT1H", "--zengzhi.deployment-password=" + DEPLOYMENT_PASSWORD,
                "--zengzhi.operator-password=server-demo-root-operator",
                "--zengzhi.cluster.bootstrap-servers=" + bootstrap,
                "--zengzhi.cluster.session-timeout=" + Duration.ofMillis(options.sessionMs()),
                "--zengzhi.cluster.replicas=" + replicas,
                "--zengzhi.cluster.min-insync-replicas=" + minInSync(options.brokers()),
                "--zengzhi.cluster.standby-tenants=" + options.standby()));
        nodes.add(processes.start("node-" + (i + 1), args));
        alive.add(true);
    }

    static short replicas(int brokers) {
        return (short) Math.min(3, brokers);
    }

    static int minInSync(int brokers) {
        return Math.min(2, replicas(brokers));
    }

    private void awaitReady(NodeHttp http, int i) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (!nodes.get(i).isAlive()) {
                throw new IllegalStateException("node-" + (i + 1) + " stopped; see node-" + (i + 1) + ".log");
            }
            try {
                if (http.once("POST", base(i) + "/api/v1/deployment/login", loginBody(), Map.of()).status() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("node-" + (i + 1) + " did not answer in " + START_TIMEOUT.toSeconds() + " s");
    }

    static String loginBody() {
        return "{\"username\":\"deployment\",\"password\":\"" + DEPLOYMENT_PASSWORD + "\"}";
    }

    String base(int i) {
        return "http://127.0.0.1:" + options.port(i);
    }

    /** The nodes not killed, as base URLs. */
    synchronized List<String> live() {
        List<String> live = new ArrayList<>();
        for (int i = 0; i < alive.size(); i++) {
            if (alive.get(i)) {
                live.add(base(i));
            }
        }
        return live;
    }

    /** The nodes not killed, as indexes (0-based), in order. */
    synchronized List<Integer> aliveIndexes() {
        List<Integer> live = new ArrayList<>();
        for (int i = 0; i < alive.size(); i++) {
            if (alive.get(i)) {
                live.add(i);
            }
        }
        return live;
    }

    /** {@code kill -9} of node {@code i}: no shutdown hook, no goodbye to the consumer group. */
    void kill(int i) throws IOException, InterruptedException {
        synchronized (this) {
            alive.set(i, false);
        }
        Processes.kill9(nodes.get(i));
    }
}

package org.zengzhi.cluster.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.zengzhi.cluster.ClusterNode;
import org.zengzhi.cluster.ClusterTopics;
import org.zengzhi.cluster.KafkaSettings;
import org.zengzhi.cluster.Takeover;
import org.zengzhi.cluster.pg.PgOutputs;
import org.zengzhi.engine.Engine;

/**
 * One Zengzhi node of the demo as its own JVM: a {@link ClusterNode} writing its outputs to PostgreSQL, and a
 * loopback HTTP port on which the demo asks about a tenant: {@code GET /tenant/NAME} answers 200 with
 * {@code applied invariantProblems poolCashFen stateHash} from the tenant's thread, 503 while the tenant catches up
 * here, 404 if another node holds it.
 * {@code GET /takeovers} answers one {@link Takeover#line()} per tenant held (when it was assigned, restored, served).
 * <p>Arguments: bootstrap tenants name httpPort jdbcUrl user schema snapshotEvery sessionTimeoutMs groupProtocol
 * ({@code consumer}: Kafka 4's consumer group protocol, its session timeout set on the brokers; {@code classic}).
 */
public final class NodeMain {
    private NodeMain() {
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        int tenants = Integer.parseInt(args[1]);
        String name = args[2];
        int port = Integer.parseInt(args[3]);
        ClusterTopics topics = ClusterDemo.topics(tenants);
        PgOutputs outputs = new PgOutputs(args[4], args[5], "", args[6], 4);
        Properties settings = "classic".equals(args[9])
                ? KafkaSettings.consumer(bootstrap, "zengzhi-nodes", name, Integer.parseInt(args[8]))
                : KafkaSettings.consumerProtocol(bootstrap, "zengzhi-nodes", name);
        ClusterNode node = new ClusterNode(bootstrap, topics, "zengzhi-nodes", name, DemoPayments::freshEngine,
                Long.parseLong(args[7]), settings, outputs);
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        http.setExecutor(Executors.newFixedThreadPool(16));
        http.createContext("/tenant/", exchange -> answer(exchange, node, topics));
        http.createContext("/takeovers", exchange -> send(exchange, 200, node.takeovers().stream()
                .map(Takeover::line).collect(Collectors.joining("\n"))));
        http.start();
        System.out.println("node " + name + " up, http 127.0.0.1:" + port);
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            http.stop(0);
            try {
                node.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            outputs.close();
            forever.countDown();
        }));
        forever.await();
    }

    private static void answer(HttpExchange exchange, ClusterNode node, ClusterTopics topics) throws IOException {
        String tenant = exchange.getRequestURI().getPath().substring("/tenant/".length());
        int status;
        String body;
        if (!topics.tenants().contains(tenant) || !node.tenants().contains(tenant)) {
            status = 404;
            body = "not here";
        } else {
            try {
                body = node.query(tenant, engine -> node.applied(tenant) + " " + state(engine)).orTimeout(5, TimeUnit.SECONDS).join();
                status = 200;
            } catch (CompletionException e) {
                status = 503;
                body = String.valueOf(e.getCause().getMessage());
            }
        }
        send(exchange, status, body);
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Runs on the tenant's thread: a consistent view of its state. */
    private static String state(Engine engine) {
        return engine.checkInvariants().size() + " " + engine.poolCash() + " " + engine.stateHash();
    }

    static List<String> tenantNames(int tenants) {
        return IntStream.range(0, tenants).mapToObj(DemoPayments::tenant).toList();
    }
}

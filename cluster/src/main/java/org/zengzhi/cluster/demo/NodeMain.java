package org.zengzhi.cluster.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.zengzhi.cluster.ClusterNode;
import org.zengzhi.cluster.ClusterTopics;
import org.zengzhi.cluster.pg.PgOutputs;
import org.zengzhi.engine.Engine;

/**
 * One Zengzhi node of the demo as its own JVM: a {@link ClusterNode} writing its outputs to PostgreSQL, and a
 * loopback HTTP port on which the demo asks about a tenant: {@code GET /tenant/NAME} answers 200 with
 * {@code applied invariantProblems poolCashFen stateHash} from the tenant's thread, 503 while the tenant catches up
 * here, 404 if another node holds it.
 * <p>Arguments: bootstrap tenants name httpPort jdbcUrl user schema snapshotEvery sessionTimeoutMs.
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
        ClusterNode node = new ClusterNode(bootstrap, topics, "zengzhi-nodes", name, DemoPayments::freshEngine,
                Long.parseLong(args[7]), Integer.parseInt(args[8]), outputs);
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        http.setExecutor(Executors.newFixedThreadPool(4));
        http.createContext("/tenant/", exchange -> answer(exchange, node, topics));
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

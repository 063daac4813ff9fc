package org.zengzhi.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.http2.config.H2Config;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;

import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP end to end: single-order {@code pay} commands (store channel, unique order ids and Idempotency-Keys)
 * posted to a running server's {@code /api/v1/commands} by {@code concurrency} outstanding requests on
 * Apache HttpClient 5's minimal asynchronous client (HTTP/1.1, one connection per open request, one I/O
 * thread); payments per second and latency percentiles. Checks: every answer is 200 and names
 * its order; the engine's unpaid-order count grew by exactly the number sent (one effect each); a sample
 * of requests retried with their keys gets the first body back and changes nothing. The server must tick
 * rarely ({@code --zengzhi.tick-interval=PT1H}) or the count check fails; {@code start=true} launches
 * such a server itself on a fresh PostgreSQL schema.
 *
 * <p>With {@code batch=100} every request is an array of 100 pay commands to {@code /api/v1/orders/batch}
 * (one Idempotency-Key each); every order of it must be answered 200, in order. The server keeps every
 * idempotency record with its response in memory, so a started server gets {@code serverHeap=3g}.
 *
 * <p>Each run also reports the CPU time per request of the started server and of this generator (user + system
 * over the run): on a shared machine the rate moves with everyone else's load, the CPU a request costs much
 * less. {@code warmup=N} sets the warm-up run's requests (default a fifth of {@code requests}).
 *
 * <p>{@code read=true} measures the stack's floor instead: every request is {@code GET /api/v1/economy} with the
 * operator's bearer token, which passes through the same Tomcat, Spring Security, MVC async dispatch and a round
 * trip through the engine's writer thread, but writes nothing to the database. Checks: every answer is 200 with
 * the economy's {@code unsettledOrders}, and the count did not move. What a payment cannot beat on this machine.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.zengzhi.bench.HttpLoad start=true requests=100000 concurrency=64 runs=3
 * java -cp bench/target/benchmarks.jar org.zengzhi.bench.HttpLoad start=true batch=100 requests=2000 concurrency=16 runs=3</pre>
 */
public final class HttpLoad implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int RETRY_SAMPLE = 100;

    /** The operator password a server started for the load is given; another server: -Dzengzhi.bench.operator-password. */
    public static final String OPERATOR_PASSWORD = System.getProperty("zengzhi.bench.operator-password",
            "bench-operator-password");

    private static final RequestConfig TIMEOUTS = RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(30)).build();
    /** The connection pool's limit; {@link #run} keeps at most {@code concurrency} requests open besides. */
    private static final int CONNECTIONS_MAX = 1_024;

    private final CloseableHttpAsyncClient http;
    private final String base;
    private final int ordersPerRequest;
    /** Whether requests are economy reads (the stack's floor, {@code read=true}) instead of payments. */
    private boolean reads;
    private final LongSupplier serverCpuNanos;
    private String authorization;

    /** {@code ordersPerRequest} 1 posts single {@code pay} commands; more posts arrays to /api/v1/orders/batch. */
    public HttpLoad(String base, int ordersPerRequest) {
        this(base, ordersPerRequest, () -> -1);
    }

    /**
     * The same, with the server's CPU time so far (user + system, nanoseconds; negative when unknown), so that a
     * run reports what each request cost the server besides the rate, which a busy shared machine blurs more.
     */
    public HttpLoad(String base, int ordersPerRequest, LongSupplier serverCpuNanos) {
        this.base = base;
        this.ordersPerRequest = ordersPerRequest;
        this.serverCpuNanos = serverCpuNanos;
        http = HttpAsyncClients.createMinimal(HttpVersionPolicy.FORCE_HTTP_1, H2Config.DEFAULT, Http1Config.DEFAULT,
                IOReactorConfig.custom().setIoThreadCount(1).build(),
                PoolingAsyncClientConnectionManagerBuilder.create().setMaxConnTotal(CONNECTIONS_MAX)
                        .setMaxConnPerRoute(CONNECTIONS_MAX).setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(5)).build()).build());
        http.start();
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
    }

    /** An answer: its status and its body as text. */
    private record Answer(int status, String body) {
    }

    /** Sends a request; the answer (or the failure) completes the future on the client's I/O thread. */
    private CompletableFuture<Answer> send(SimpleHttpRequest request) {
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        http.execute(request, new FutureCallback<SimpleHttpResponse>() {
            @Override
            public void completed(SimpleHttpResponse response) {
                byte[] body = response.getBodyBytes();
                answer.complete(new Answer(response.getCode(),
                        body == null ? "" : new String(body, StandardCharsets.UTF_8)));
            }

            @Override
            public void failed(Exception failure) {
                answer.completeExceptionally(failure);
            }

            @Override
            public void cancelled() {
                answer.cancel(false);
            }
        });
        return answer;
    }

    private Answer call(SimpleHttpRequest request) throws Exception {
        return send(request).get(60, TimeUnit.SECONDS);
    }

    private SimpleHttpRequest post(String path, String key, String json) {
        SimpleRequestBuilder request = SimpleRequestBuilder.post(URI.create(base + path)).setRequestConfig(TIMEOUTS)
                .setBody(json, ContentType.APPLICATION_JSON);
        if (key != null) {
            request.setHeader("Idempotency-Key", key);
        }
        if (authorization != null) {
            request.setHeader("Authorization", authorization);
        }
        return request.build();
    }

    /** Signs in as the operator once: the commands and batch endpoints are the operator's (or an integrator's). */
    private String authorization() throws Exception {
        if (authorization == null) {
            Answer login = call(post("/api/v1/auth/login", null, "{\"username\":\"operator\",\"password\":\""
                    + OPERATOR_PASSWORD + "\"}"));
            if (login.status() != 200) {
                throw new IllegalStateException("operator sign-in failed (" + login.status() + "): " + login.body());
            }
            authorization = "Bearer " + JSON.readTree(login.body()).get("token").asString();
        }
        return authorization;
    }

    /** {@code serverCpuMicros} and {@code clientCpuMicros} per request, NaN when unknown. */
    public record Result(long requests, long orders, long nanos, double p50Millis, double p99Millis,
            double maxMillis, double serverCpuMicros, double clientCpuMicros, List<String> problems) {
        double perSecond() {
            return orders * 1e9 / nanos;
        }
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args);
        int requests = options.integer("requests", 100_000);
        int concurrency = options.integer("concurrency", 64);
        int runs = options.integer("runs", 3);
        int batch = options.integer("batch", 1);
        int warmup = options.integer("warmup", Math.max(requests / 5, 1_000));
        boolean reads = Boolean.parseBoolean(options.text("read", "false"));
        if (Boolean.parseBoolean(options.text("start", "false"))) {
            String heap = options.text("serverHeap", "3g");
            List<String> jvm = new java.util.ArrayList<>(List.of("-Xms" + heap, "-Xmx" + heap));
            // Extra JVM options for the server, space-separated (a profiler, say: serverJvm=-XX:StartFlightRecording=…).
            String extra = options.text("serverJvm", "").trim();
            if (!extra.isEmpty()) {
                jvm.addAll(List.of(extra.split(" +")));
            }
            try (ServerProcess server = new ServerProcess(jvm);
                    HttpLoad load = new HttpLoad(server.base(), batch, server::cpuNanos)) {
                load.reads = reads;
                measure(load, warmup, requests, concurrency, runs);
            }
        } else {
            try (HttpLoad load = new HttpLoad(options.text("url", "http://127.0.0.1:8080"), batch)) {
                load.reads = reads;
                measure(load, warmup, requests, concurrency, runs);
            }
        }
    }

    private static void measure(HttpLoad load, int warmup, int requests, int concurrency, int runs) throws Exception {
        report("warm-up", load.run("w", warmup, concurrency));
        double[] rates = new double[runs];
        double[] p99 = new double[runs];
        double[] serverCpu = new double[runs];
        double[] clientCpu = new double[runs];
        for (int r = 0; r < runs; r++) {
            Result result = load.run("r" + r, requests, concurrency);
            report("run " + (r + 1), result);
            rates[r] = result.perSecond();
            p99[r] = result.p99Millis();
            serverCpu[r] = result.serverCpuMicros();
            clientCpu[r] = result.clientCpuMicros();
        }
        System.out.printf(Locale.ROOT, "HttpLoad %srequests=%d batch=%d concurrency=%d: median %.0f %s/s, median p99 "
                + "%.1f ms per request, CPU per request: server %.0f µs, generator %.0f µs (load average %s)%n",
                load.reads ? "read=true " : "", requests, load.ordersPerRequest, concurrency, BenchArgs.median(rates),
                load.reads ? "reads" : "orders", BenchArgs.median(p99),
                BenchArgs.median(serverCpu), BenchArgs.median(clientCpu), BenchArgs.loadAverage());
    }

    private static void report(String label, Result result) {
        System.out.printf(Locale.ROOT, "%s: %d requests, %d orders in %.2f s = %.0f orders/s, latency p50 %.1f ms, p99 %.1f ms, max %.1f ms, "
                + "CPU per request: server %.0f µs, generator %.0f µs, load average %s%n", label, result.requests(),
                result.orders(), result.nanos() / 1e9, result.perSecond(), result.p50Millis(), result.p99Millis(),
                result.maxMillis(), result.serverCpuMicros(), result.clientCpuMicros(), BenchArgs.loadAverage());
        if (!result.problems().isEmpty()) {
            throw new IllegalStateException("HttpLoad got a wrong answer: "
                    + result.problems().subList(0, Math.min(10, result.problems().size())));
        }
    }

    /** One measured run: a fresh merchant, then {@code requests} requests with at most {@code concurrency} open. */
    public Result run(String runId, int requests, int concurrency) throws Exception {
        authorization();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        String merchant = "shop-" + runId;
        Answer onboarded = post("merchant-" + runId, "{\"type\":\"merchant\",\"merchant\":\"" + merchant
                + "\",\"owner\":\"owner-" + runId + "\",\"region\":\"440106\",\"commissionRate\":\"0.20\"}");
        if (onboarded.status() != 200) {
            problems.add("merchant: " + onboarded.status() + " " + onboarded.body());
        }
        long unpaidBefore = unsettledOrders();
        long[] latencies = new long[requests];
        String[] bodies = new String[RETRY_SAMPLE];
        Semaphore window = new Semaphore(concurrency);
        CountDownLatch done = new CountDownLatch(requests);
        long serverCpuBefore = serverCpuNanos.getAsLong();
        long clientCpuBefore = ownCpuNanos();
        long start = System.nanoTime();
        int sent = 0;
        for (int i = 0; i < requests && problems.isEmpty(); i++, sent++) {
            int index = i;
            String order = runId + "-" + i;
            window.acquireUninterruptibly();
            long sentAt = System.nanoTime();
            send(reads ? economyRequest() : payRequest(order, merchant, i))
                    .whenComplete((response, failure) -> {
                        latencies[index] = System.nanoTime() - sentAt;
                        if (failure != null) {
                            problems.add(order + ": " + failure);
                        } else if (response.status() != 200 || !(reads ? response.body().contains("\"unsettledOrders\"")
                                : answered(order, response.body()))) {
                            problems.add(order + ": " + response.status() + " " + response.body());
                        } else if (index < RETRY_SAMPLE) {
                            bodies[index] = response.body();
                        }
                        window.release();
                        done.countDown();
                    });
        }
        for (int unsent = sent; unsent < requests; unsent++) {
            done.countDown();
        }
        done.await();
        long nanos = System.nanoTime() - start;
        long serverCpuAfter = serverCpuNanos.getAsLong();
        double clientCpu = cpuMicros(clientCpuBefore, ownCpuNanos(), requests);
        double serverCpu = cpuMicros(serverCpuBefore, serverCpuAfter, requests);
        if (!problems.isEmpty()) {
            // Stop at the first wrong answer: a dead server would otherwise cost a timeout per request.
            return new Result(sent, sent, nanos, 0, 0, 0, serverCpu, clientCpu, new ArrayList<>(problems));
        }
        if (!reads) {
            checkRetries(runId, merchant, bodies, problems);
        }
        long unpaidAfter = unsettledOrders();
        long orders = reads ? requests : (long) requests * ordersPerRequest;
        long effects = reads ? 0 : orders;
        if (unpaidAfter - unpaidBefore != effects) {
            problems.add("the engine gained " + (unpaidAfter - unpaidBefore) + " unsettled orders, not " + effects);
        }
        Arrays.sort(latencies);
        return new Result(requests, orders, nanos, percentile(latencies, 0.50), percentile(latencies, 0.99),
                latencies[requests - 1] / 1e6, serverCpu, clientCpu, new ArrayList<>(problems));
    }

    /** This JVM's CPU time so far, or -1 where the platform does not say. */
    private static long ownCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
    }

    private static double cpuMicros(long before, long after, int requests) {
        return before < 0 || after < 0 ? Double.NaN : (after - before) / 1e3 / requests;
    }

    private void checkRetries(String runId, String merchant, String[] bodies, ConcurrentLinkedQueue<String> problems)
            throws Exception {
        for (int i = 0; i < bodies.length; i++) {
            if (bodies[i] == null) {
                continue;
            }
            Answer again = call(payRequest(runId + "-" + i, merchant, i));
            if (again.status() != 200 || !again.body().equals(bodies[i])) {
                problems.add("retry of " + runId + "-" + i + " got " + again.status() + " " + again.body());
            }
        }
    }

    /** The single order's events name it; a batch answers every one of its orders with 200, in order. */
    private boolean answered(String request, String body) {
        if (ordersPerRequest == 1) {
            return body.contains("\"" + request + "\"");
        }
        var results = JSON.readTree(body).get("results");
        if (results == null || results.size() != ordersPerRequest) {
            return false;
        }
        for (int k = 0; k < ordersPerRequest; k++) {
            if (results.get(k).get("status").asInt() != 200 || !results.get(k).get("id").asString().equals(request + "." + k)) {
                return false;
            }
        }
        return true;
    }

    private static double percentile(long[] sorted, double fraction) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(fraction * sorted.length) - 1)] / 1e6;
    }

    /** Request {@code i}: one pay command, or an array of {@code ordersPerRequest} named {@code order.k}. */
    private SimpleHttpRequest payRequest(String order, String merchant, int i) {
        String body;
        if (ordersPerRequest == 1) {
            body = payBody(order, merchant, i);
        } else {
            StringBuilder array = new StringBuilder("[");
            for (int k = 0; k < ordersPerRequest; k++) {
                array.append(k == 0 ? "" : ",").append(payBody(order + "." + k, merchant, i * ordersPerRequest + k));
            }
            body = array.append(']').toString();
        }
        String path = ordersPerRequest == 1 ? "/api/v1/commands" : "/api/v1/orders/batch";
        return post(path, "pay-" + order, body);
    }

    private static String payBody(String order, String merchant, long i) {
        long cents = 1_000 + Math.floorMod(i * 2_654_435_761L, 199_001L);
        return "{\"type\":\"pay\",\"id\":\"" + order + "\",\"user\":\"u" + (i % 10_000) + "\",\"merchant\":\""
                + merchant + "\",\"amount\":\"" + cents / 100 + "." + String.format(Locale.ROOT, "%02d", cents % 100)
                + "\",\"channel\":\"store\"}";
    }

    private Answer post(String key, String json) throws Exception {
        authorization();
        return call(post("/api/v1/commands", key, json));
    }

    private SimpleHttpRequest economyRequest() {
        return SimpleRequestBuilder.get(URI.create(base + "/api/v1/economy")).setRequestConfig(TIMEOUTS)
                .setHeader("Authorization", authorization).build();
    }

    private long unsettledOrders() throws Exception {
        authorization();
        Answer economy = call(economyRequest());
        if (economy.status() != 200) {
            throw new IllegalStateException("GET /api/v1/economy answered " + economy.status() + ": " + economy.body());
        }
        return JSON.readTree(economy.body()).get("unsettledOrders").asLong();
    }
}

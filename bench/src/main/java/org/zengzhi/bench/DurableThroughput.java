package org.zengzhi.bench;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.JdbcTemplate;
import org.zengzhi.engine.Command;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.Event;
import org.zengzhi.engine.plan.Plan;
import org.zengzhi.engine.PoolRules;
import org.zengzhi.engine.Price;
import org.zengzhi.log.LogLines;
import org.zengzhi.server.gateway.CommandRequest;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Recovery;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.journal.Journal;

/**
 * Durable throughput of the real gateway and journal on PostgreSQL, without the web server: {@code clients}
 * threads each keep up to {@code inFlight} {@link Command.SettleOrder} requests (with Idempotency-Keys,
 * rendered as the API renders them) outstanding, and an order counts once its batch is committed. Then it
 * checks the database and the engine: one journal row, six postings and one idempotency record per order;
 * postings sum to zero per asset; the pool's cash postings, the engine's pool cash and the sum of the
 * orders' pool shares agree; circulating points equal the minted postings; the invariants hold.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.zengzhi.bench.DurableThroughput orders=200000 clients=8 inFlight=64 runs=3</pre>
 *
 * <p>{@code urlOptions=} (empty) measures plain JDBC batches, without the driver's batch rewriting.
 * {@code dashboards=N} keeps N threads opening the operator dashboard ({@code ConsoleViews.dashboard}
 * through {@code gateway.query}, as the console's page does: invariant check and state hash) back to back
 * while the orders run, to show what a dashboard costs the payments; {@code dashboardPauseMillis=M} waits M ms
 * between one dashboard's answer and the next request.
 */
public final class DurableThroughput {
    /** Exits would make the naive baseline's books differ; k = 1000 keeps every holder in. */
    static final Plan PLAN = Plan.defaults(new PoolRules(700_000, 800_000, 1_000, 1, Price.ONE_YUAN));
    static final int PARTICIPANTS = 100_000;
    /** What the server's postgres profile sets on its connections (application-postgres.properties). */
    static final String SERVER_URL_OPTIONS = "&reWriteBatchedInserts=true";

    private DurableThroughput() {
    }

    public record Result(long orders, long nanos, List<String> problems, long dashboards) {
        /** A run without dashboards (the naive baseline's, for one). */
        public Result(long orders, long nanos, List<String> problems) {
            this(orders, nanos, problems, 0);
        }

        double ordersPerSecond() {
            return orders * 1e9 / nanos;
        }
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args);
        int orders = options.integer("orders", 300_000);
        int clients = options.integer("clients", 8);
        int inFlight = options.integer("inFlight", 64);
        int runs = options.integer("runs", 3);
        String urlOptions = options.text("urlOptions", SERVER_URL_OPTIONS);
        int dashboards = options.integer("dashboards", 0);
        int pauseMillis = options.integer("dashboardPauseMillis", 0);
        try (BenchDatabase warm = BenchDatabase.server("bench_warm", urlOptions, false)) {
            report("warm-up", run(warm, Math.min(orders, 50_000), clients, inFlight, dashboards, pauseMillis));
        }
        double[] rates = new double[runs];
        for (int r = 0; r < runs; r++) {
            try (BenchDatabase database = BenchDatabase.server("bench_durable", urlOptions, false)) {
                Result result = run(database, orders, clients, inFlight, dashboards, pauseMillis);
                report("run " + (r + 1), result);
                rates[r] = result.ordersPerSecond();
            }
        }
        System.out.printf(Locale.ROOT, "DurableThroughput orders=%d clients=%d inFlight=%d urlOptions=%s dashboards=%d dashboardPauseMillis=%d: median %.0f settled orders/s (load average %s)%n",
                orders, clients, inFlight, urlOptions, dashboards, pauseMillis, BenchArgs.median(rates), BenchArgs.loadAverage());
    }

    static void report(String label, Result result) {
        System.out.printf(Locale.ROOT, "%s: %d orders in %.2f s = %.0f settled orders/s, %d dashboards, load average %s%n",
                label, result.orders(), result.nanos() / 1e9, result.ordersPerSecond(), result.dashboards(),
                BenchArgs.loadAverage());
        if (!result.problems().isEmpty()) {
            throw new IllegalStateException("DurableThroughput got a wrong answer: " + result.problems());
        }
    }

    /** Sends {@code orders} orders through a fresh gateway on {@code database}, then checks everything. */
    public static Result run(BenchDatabase database, int orders, int clients, int inFlight) throws Exception {
        return run(database, orders, clients, inFlight, 0, 0);
    }

    /**
     * As {@link #run(BenchDatabase, int, int, int)}, with {@code dashboards} threads opening the dashboard meanwhile,
     * each waiting {@code pauseMillis} between one answer and its next request.
     */
    public static Result run(BenchDatabase database, int orders, int clients, int inFlight, int dashboards,
            long pauseMillis) throws Exception {
        Journal journal = database.journal();
        SettleOrderStream stream = new SettleOrderStream(PARTICIPANTS);
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        AtomicLong exits = new AtomicLong();
        long nanos;
        long poolCash;
        long circulating;
        List<String> violations;
        long dashboardsOpened;
        try (EngineGateway gateway = new EngineGateway(journal, () -> new Recovery(journal, PLAN).recover(),
                Clock.systemUTC(), Long.MAX_VALUE)) {
            DashboardLoop loop = new DashboardLoop(gateway, dashboards, pauseMillis);
            nanos = drive(gateway, stream, 0, orders, clients, inFlight, problems, exits);
            dashboardsOpened = loop.stop();
            poolCash = gateway.query(Engine::poolCash).get();
            circulating = gateway.query(Engine::circulatingPoints).get();
            violations = gateway.query(Engine::checkInvariants).get();
        }
        problems.addAll(violations);
        if (exits.get() != 0) {
            problems.add(exits.get() + " participants exited; the plan should keep them all in");
        }
        problems.addAll(checkDatabase(database.jdbc(), orders, stream.poolSharesFen(orders), poolCash, circulating));
        return new Result(orders, nanos, new ArrayList<>(problems), dashboardsOpened);
    }

    /**
     * Submits orders {@code from} … {@code to − 1} from {@code clients} threads, each with at most
     * {@code inFlight} outstanding, and returns the nanoseconds until the last one is durable.
     */
    static long drive(EngineGateway gateway, SettleOrderStream stream, long from, long to, int clients, int inFlight,
            ConcurrentLinkedQueue<String> problems, AtomicLong exits) throws InterruptedException {
        CountDownLatch done = new CountDownLatch((int) (to - from));
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long first = from + c;
            Thread thread = new Thread(() -> {
                Semaphore window = new Semaphore(inFlight);
                for (long i = first; i < to; i += clients) {
                    window.acquireUninterruptibly();
                    gateway.submit(request(stream, i, exits)).whenComplete((response, failure) -> {
                        if (failure != null || response.status() != 200) {
                            problems.add(failure != null ? failure.toString() : response.body());
                        }
                        window.release();
                        done.countDown();
                    });
                }
            }, "client-" + c);
            threads.add(thread);
            thread.start();
        }
        done.await();
        long nanos = System.nanoTime() - start;
        for (Thread thread : threads) {
            thread.join();
        }
        return nanos;
    }

    static CommandRequest request(SettleOrderStream stream, long i, AtomicLong exits) {
        String id = stream.orderId(i);
        String participant = stream.participant(i);
        long amount = stream.amountFen(i);
        long share = stream.poolShareFen(i);
        return new CommandRequest(now -> new Command.SettleOrder(id, now, participant, amount, share), events -> {
            if (events.size() == 1 && events.get(0) instanceof Event.CommandRejected) {
                return new Response(422, ((Event.CommandRejected) events.get(0)).code().name());
            }
            events.stream().filter(Event.ParticipantExited.class::isInstance).forEach(exit -> exits.incrementAndGet());
            return new Response(200, "{\"events\":" + LogLines.events(events) + "}");
        }, "bench:" + id, id);
    }

    /** What the database must hold after {@code orders} accepted orders, each in its own journal row. */
    static List<String> checkDatabase(JdbcTemplate jdbc, long orders, long poolSharesFen, long poolCash,
            long circulating) {
        List<String> problems = new ArrayList<>();
        expect(problems, "journal rows", orders, jdbc.queryForObject("SELECT COUNT(*) FROM journal", Long.class));
        expect(problems, "idempotency records", orders,
                jdbc.queryForObject("SELECT COUNT(*) FROM idempotency", Long.class));
        expect(problems, "postings", orders * 6, jdbc.queryForObject("SELECT COUNT(*) FROM postings", Long.class));
        expect(problems, "journal rows without postings", 0L, jdbc.queryForObject("SELECT COUNT(*) FROM journal j "
                + "WHERE NOT EXISTS (SELECT 1 FROM postings p WHERE p.command_seq = j.seq)", Long.class));
        jdbc.queryForList("SELECT asset, SUM(amount) AS total FROM postings GROUP BY asset").forEach(row -> {
            if (((Number) row.get("total")).longValue() != 0) {
                problems.add("postings of " + row.get("asset") + " sum to " + row.get("total") + ", not 0");
            }
        });
        Long poolPostings = jdbc.queryForObject(
                "SELECT COALESCE(SUM(amount), 0) FROM postings WHERE account_type = 'POOL_CASH'", Long.class);
        expect(problems, "pool cash postings", poolSharesFen, poolPostings);
        expect(problems, "engine pool cash", poolSharesFen, poolCash);
        expect(problems, "minted points postings", circulating, jdbc.queryForObject(
                "SELECT COALESCE(SUM(amount), 0) FROM postings WHERE account_type = 'USER_POINTS'", Long.class));
        return problems;
    }

    static void expect(List<String> problems, String what, long expected, Long actual) {
        if (actual == null || actual != expected) {
            problems.add(what + ": expected " + expected + ", found " + actual);
        }
    }
}

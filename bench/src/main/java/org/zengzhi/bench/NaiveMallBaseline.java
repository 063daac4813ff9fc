package org.zengzhi.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.pool.PoolMath;
import org.zengzhi.engine.Price;

/**
 * The baseline of ARCHITECTURE ("what a typical mall does"): the same settled orders as
 * {@link DurableThroughput}, each in its own database transaction that locks the pool row
 * ({@code SELECT … FOR UPDATE}), computes the mint with {@link PoolMath} (the engine's rule, so results
 * compare), inserts the order, inserts its six postings one by one, updates the six balances one by one
 * and writes the pool back. {@code clients} threads each own a connection. It checks its answer: orders
 * and postings counted, postings and balances sum to zero per asset, pool cash equals the sum of the
 * pool shares, circulating points equal the users' points.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.zengzhi.bench.NaiveMallBaseline orders=20000 clients=8 runs=3</pre>
 */
public final class NaiveMallBaseline {
    private static final long MINT_RATIO_PPM = DurableThroughput.PLAN.pool().mintRatioPpm();
    private static final String SYSTEM = "";

    private NaiveMallBaseline() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args);
        int orders = options.integer("orders", 20_000);
        int clients = options.integer("clients", 8);
        int runs = options.integer("runs", 3);
        try (BenchDatabase warm = BenchDatabase.empty("bench_naive_warm", clients, false)) {
            DurableThroughput.report("warm-up", run(warm, Math.min(orders, 5_000), clients));
        }
        double[] rates = new double[runs];
        for (int r = 0; r < runs; r++) {
            try (BenchDatabase database = BenchDatabase.empty("bench_naive", clients, false)) {
                DurableThroughput.Result result = run(database, orders, clients);
                DurableThroughput.report("run " + (r + 1), result);
                rates[r] = result.ordersPerSecond();
            }
        }
        System.out.printf(Locale.ROOT, "NaiveMallBaseline orders=%d clients=%d: median %.0f settled orders/s (load average %s)%n",
                orders, clients, BenchArgs.median(rates), BenchArgs.loadAverage());
    }

    static void createSchema(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE pool (id INT PRIMARY KEY, cash BIGINT NOT NULL, points BIGINT NOT NULL, "
                    + "last_cash BIGINT NOT NULL, last_points BIGINT NOT NULL)");
            statement.execute("INSERT INTO pool VALUES (1, 0, 0, " + Price.ONE_YUAN.cashFen() + ", "
                    + Price.ONE_YUAN.pointsMicro() + ")");
            statement.execute("CREATE TABLE orders (id VARCHAR(300) PRIMARY KEY, participant VARCHAR(200) NOT NULL, "
                    + "amount BIGINT NOT NULL, pool_share BIGINT NOT NULL, minted BIGINT NOT NULL, "
                    + "created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now())");
            statement.execute("CREATE TABLE balances (account_type VARCHAR(40), owner VARCHAR(200), asset VARCHAR(10) "
                    + "NOT NULL, amount BIGINT NOT NULL, PRIMARY KEY (account_type, owner))");
            statement.execute("CREATE TABLE postings (id BIGSERIAL PRIMARY KEY, order_id VARCHAR(300) NOT NULL, "
                    + "account_type VARCHAR(40) NOT NULL, owner VARCHAR(200), asset VARCHAR(10) NOT NULL, "
                    + "amount BIGINT NOT NULL)");
        }
    }

    public static DurableThroughput.Result run(BenchDatabase database, int orders, int clients) throws Exception {
        createSchema(database.dataSource());
        SettleOrderStream stream = new SettleOrderStream(DurableThroughput.PARTICIPANTS);
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                try (Connection connection = database.dataSource().getConnection()) {
                    connection.setAutoCommit(false);
                    for (long i = next.getAndIncrement(); i < orders; i = next.getAndIncrement()) {
                        settle(connection, stream, i);
                    }
                } catch (SQLException | RuntimeException e) {
                    problems.add(e.toString());
                }
            }, "naive-" + c);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long nanos = System.nanoTime() - start;
        problems.addAll(check(database.jdbc(), orders, stream.poolSharesFen(orders)));
        return new DurableThroughput.Result(orders, nanos, new ArrayList<>(problems));
    }

    /** One order, one transaction, the pool row locked throughout. */
    private static void settle(Connection connection, SettleOrderStream stream, long i) throws SQLException {
        String id = stream.orderId(i);
        String participant = stream.participant(i);
        long amount = stream.amountFen(i);
        long share = stream.poolShareFen(i);
        try {
            long cash;
            long points;
            long lastCash;
            long lastPoints;
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT cash, points, last_cash, last_points FROM pool WHERE id = 1 FOR UPDATE");
                    ResultSet row = lock.executeQuery()) {
                row.next();
                cash = row.getLong(1);
                points = row.getLong(2);
                lastCash = row.getLong(3);
                lastPoints = row.getLong(4);
            }
            long minted = points > 0 ? PoolMath.mintedPoints(share, MINT_RATIO_PPM, cash, points)
                    : PoolMath.mintedPoints(share, MINT_RATIO_PPM, lastCash, lastPoints);
            try (PreparedStatement order = connection.prepareStatement(
                    "INSERT INTO orders (id, participant, amount, pool_share, minted) VALUES (?, ?, ?, ?, ?)")) {
                order.setString(1, id);
                order.setString(2, participant);
                order.setLong(3, amount);
                order.setLong(4, share);
                order.setLong(5, minted);
                order.executeUpdate();
            }
            post(connection, id, AccountType.EXTERNAL_PAYMENTS, SYSTEM, -(amount - share));
            post(connection, id, AccountType.ORDER_REMAINDER, SYSTEM, amount - share);
            post(connection, id, AccountType.EXTERNAL_PAYMENTS, SYSTEM, -share);
            post(connection, id, AccountType.POOL_CASH, SYSTEM, share);
            post(connection, id, AccountType.POINT_ISSUANCE, SYSTEM, -minted);
            post(connection, id, AccountType.USER_POINTS, participant, minted);
            try (PreparedStatement pool = connection.prepareStatement(
                    "UPDATE pool SET cash = ?, points = ? WHERE id = 1")) {
                pool.setLong(1, cash + share);
                pool.setLong(2, points + minted);
                pool.executeUpdate();
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    /** One posting row and its balance, as a typical ledger table does it: a statement each. */
    private static void post(Connection connection, String order, AccountType type, String owner, long amount)
            throws SQLException {
        try (PreparedStatement posting = connection.prepareStatement(
                "INSERT INTO postings (order_id, account_type, owner, asset, amount) VALUES (?, ?, ?, ?, ?)")) {
            posting.setString(1, order);
            posting.setString(2, type.name());
            posting.setString(3, owner);
            posting.setString(4, type.asset().name());
            posting.setLong(5, amount);
            posting.executeUpdate();
        }
        try (PreparedStatement balance = connection.prepareStatement("INSERT INTO balances (account_type, owner, asset, "
                + "amount) VALUES (?, ?, ?, ?) ON CONFLICT (account_type, owner) DO UPDATE SET amount = "
                + "balances.amount + EXCLUDED.amount")) {
            balance.setString(1, type.name());
            balance.setString(2, owner);
            balance.setString(3, type.asset().name());
            balance.setLong(4, amount);
            balance.executeUpdate();
        }
    }

    static List<String> check(JdbcTemplate jdbc, long orders, long poolSharesFen) {
        List<String> problems = new ArrayList<>();
        DurableThroughput.expect(problems, "orders", orders, jdbc.queryForObject("SELECT COUNT(*) FROM orders", Long.class));
        DurableThroughput.expect(problems, "postings", orders * 6,
                jdbc.queryForObject("SELECT COUNT(*) FROM postings", Long.class));
        for (String table : List.of("postings", "balances")) {
            jdbc.queryForList("SELECT asset, SUM(amount) AS total FROM " + table + " GROUP BY asset").forEach(row -> {
                if (((Number) row.get("total")).longValue() != 0) {
                    problems.add(table + " of " + row.get("asset") + " sum to " + row.get("total") + ", not 0");
                }
            });
        }
        DurableThroughput.expect(problems, "pool cash", poolSharesFen,
                jdbc.queryForObject("SELECT cash FROM pool", Long.class));
        DurableThroughput.expect(problems, "pool cash balance", poolSharesFen, jdbc.queryForObject(
                "SELECT amount FROM balances WHERE account_type = 'POOL_CASH'", Long.class));
        DurableThroughput.expect(problems, "circulating points", jdbc.queryForObject("SELECT points FROM pool", Long.class),
                jdbc.queryForObject("SELECT SUM(amount) FROM balances WHERE account_type = 'USER_POINTS'", Long.class));
        DurableThroughput.expect(problems, "minted points", jdbc.queryForObject("SELECT points FROM pool", Long.class),
                jdbc.queryForObject("SELECT SUM(minted) FROM orders", Long.class));
        return problems;
    }
}

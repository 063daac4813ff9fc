package org.zengzhi.simulator;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.ledger.Asset;
import org.zengzhi.engine.order.Channel;
import org.zengzhi.engine.Command;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.EngineOutput;
import org.zengzhi.engine.Exact;
import org.zengzhi.engine.network.RegionDirectory;
import org.zengzhi.engine.RegionLevel;

/**
 * Runs one path of a scenario through the real engine: users register with referrers, merchants
 * and agents are appointed per region, consumers pay store and mall orders, a Tick settles each simulated
 * day, holders sell, the operator injects subsidies. Everything random comes from one SplittableRandom
 * seeded by (seed, path), so a path's result never depends on threads or on other paths.
 */
public final class PathSimulator {
    static final int DAYS_PER_MONTH = 30;
    /** The most orders a path draws in one month (their plan is held in memory while the month runs). */
    static final long ORDERS_PER_MONTH_MAX = 20_000_000;
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final long PPM = 1_000_000;
    private static final int ORDER_BATCH = 1024;

    private final Scenario scenario;
    private final int path;
    private final SplittableRandom random;
    private final Engine engine;
    private final EngineOutput out;
    /** Orders paid but not yet run: a day's orders go to the engine in batches of {@link #ORDER_BATCH}. */
    private final List<Command> pendingOrders = new ArrayList<>(ORDER_BATCH);
    private final Growth growth;
    private final Recorder recorder;
    private final List<String> merchants = new ArrayList<>();
    private final List<String> merchantOwners = new ArrayList<>();
    private final List<String> otherUsers = new ArrayList<>();
    private final String[] regionCodes;
    private Consumers consumers = new Consumers(1024);
    private long orderSequence;
    private long saleSequence;
    private int[] dayCounts = new int[DAYS_PER_MONTH + 1];

    public PathSimulator(Scenario scenario, int path) {
        this.scenario = scenario;
        this.path = path;
        this.random = new SplittableRandom(pathSeed(scenario.seed(), path));
        int expected = Math.max(1024, scenario.population().initial() * 2);
        this.engine = new Engine(scenario.plan(), RegionDirectory.STANDARD, expected);
        // Settled orders are forgotten so a path's memory does not grow with its orders; the simulator
        // never refunds, so nothing needs them (see Engine.retainSettledOrders).
        this.engine.retainSettledOrders(false);
        this.growth = new Growth(scenario.population().growth());
        this.recorder = new Recorder(scenario.horizonMonths());
        // Events go straight into the figures as they happen, rewards and mints into the recorder's tallies; the
        // path reads balances from the engine itself.
        this.out = EngineOutput.streaming(event -> recorder.record(event, consumers), Recorder.EVENTS,
                recorder.rewards, recorder.mints);
        this.regionCodes = scenario.regions().stream().map(Scenario.Region::code).toArray(String[]::new);
    }

    /** Mixes the scenario seed with the path index (SplitMix64's finaliser) so nearby paths are unrelated. */
    static long pathSeed(long seed, int path) {
        long z = seed + 0x9E3779B97F4A7C15L * (path + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public PathResult run() {
        setUpNetwork();
        for (int month = 0; month < scenario.horizonMonths(); month++) {
            runMonth(month);
        }
        return finish();
    }

    private void runMonth(int month) {
        Instant monthStart = dayStart(month, 0);
        recorder.startMonth(month, engine);
        long newcomers = growth.next(consumers.count) + (month == 0 ? scenario.population().initial() : 0);
        for (long i = 0; i < newcomers; i++) {
            registerConsumer(month, monthStart);
        }
        recorder.add(Series.NEW_CONSUMERS, newcomers);
        for (Scenario.Subsidy subsidy : scenario.subsidies()) {
            if (subsidy.month() == month) {
                execute(new Command.InjectSubsidy("s" + month + "-" + subsidy.amountFen(), monthStart, subsidy.amountFen()));
                recorder.add(Series.SUBSIDY, subsidy.amountFen());
            }
        }
        int[] ordersByDay = planOrders();
        int next = 0;
        for (int day = 0; day < DAYS_PER_MONTH; day++) {
            if (Thread.currentThread().isInterrupted()) { // the console's time cap (SimulationRuns) stops a run here
                throw new java.util.concurrent.CancellationException("the simulation was stopped");
            }
            Instant at = dayStart(month, day);
            for (int end = dayCounts[day + 1]; next < end; next++) {
                payOrder(ordersByDay[next], at);
            }
            execute(new Command.Tick("t" + month + "-" + day, at));
        }
        Instant monthEnd = dayStart(month, DAYS_PER_MONTH - 1).plusSeconds(1);
        sell(month, monthEnd);
        churn();
        recorder.endMonth(month, engine, consumers.activeCount);
    }

    private static Instant dayStart(int month, int day) {
        return START.plus(Duration.ofDays((long) month * DAYS_PER_MONTH + day));
    }

    /** Operators, owners, promoters and agents exist before the first consumer arrives. */
    private void setUpNetwork() {
        Set<String> appointed = new HashSet<>();
        List<Scenario.Region> regions = scenario.regions();
        for (int r = 0; r < regions.size(); r++) {
            Scenario.Region region = regions.get(r);
            for (int j = 0; j < region.recruiters(); j++) {
                registerOther("p" + r + "-" + j);
            }
            for (int i = 0; i < region.merchants(); i++) {
                String owner = "o" + r + "-" + i;
                registerOther(owner);
                String recruiter = region.recruiters() == 0 ? null : "p" + r + "-" + (i % region.recruiters());
                String merchant = "m" + r + "-" + i;
                execute(new Command.OnboardMerchant("on-" + merchant, START, merchant, owner, recruiter, region.code(),
                        region.commissionPpm()));
                merchants.add(merchant);
                merchantOwners.add(owner);
            }
            for (RegionDirectory.RegionRef ref : RegionDirectory.STANDARD.path(region.code())) {
                if (region.agents().contains(ref.level()) && appointed.add(ref.code())) {
                    registerOther("a" + ref.code());
                    execute(new Command.AppointAgent("ap-" + ref.code(), START, "a" + ref.code(), ref.code()));
                }
            }
        }
    }

    private void registerOther(String id) {
        execute(new Command.RegisterUser("r-" + id, START, id, null));
        otherUsers.add(id);
    }

    private void registerConsumer(int month, Instant at) {
        String referrer = null;
        if (consumers.count > 0 && random.nextLong(PPM) < scenario.population().invitedPpm()) {
            referrer = consumers.ids[random.nextInt(consumers.count)];
        }
        int home = regionCodes.length == 0 ? -1 : random.nextInt(regionCodes.length);
        int consumer = consumers.add(month, home);
        execute(new Command.RegisterUser("r-" + consumers.ids[consumer], at, consumers.ids[consumer], referrer));
    }

    /**
     * Draws every active consumer's orders for the month and sorts them by day (a counting sort): returns the
     * consumers in order of their orders' days, with {@code dayCounts[d]} the start of day d.
     */
    private int[] planOrders() {
        long perMonth = scenario.orders().perUserPerMonthMilli();
        int whole = (int) (perMonth / 1000);
        long fraction = perMonth % 1000;
        int[] counts = new int[consumers.activeCount];
        long drawn = 0;
        for (int i = 0; i < consumers.activeCount; i++) {
            counts[i] = whole + (fraction > 0 && random.nextLong(1000) < fraction ? 1 : 0);
            drawn += counts[i];
        }
        if (drawn > ORDERS_PER_MONTH_MAX) {
            throw new TooLarge("orders.perUserPerMonth: " + consumers.activeCount + " active consumers draw " + drawn
                    + " orders in a month, more than the simulator holds (" + ORDERS_PER_MONTH_MAX + ")");
        }
        int total = (int) drawn;
        int[] users = new int[total];
        byte[] days = new byte[total];
        Arrays.fill(dayCounts, 0);
        int k = 0;
        for (int i = 0; i < consumers.activeCount; i++) {
            for (int n = 0; n < counts[i]; n++) {
                users[k] = consumers.active[i];
                days[k] = (byte) random.nextInt(DAYS_PER_MONTH);
                dayCounts[days[k] + 1]++;
                k++;
            }
        }
        for (int day = 1; day <= DAYS_PER_MONTH; day++) {
            dayCounts[day] += dayCounts[day - 1];
        }
        int[] sorted = new int[total];
        int[] fill = Arrays.copyOf(dayCounts, DAYS_PER_MONTH);
        for (int i = 0; i < total; i++) {
            sorted[fill[days[i]]++] = users[i];
        }
        return sorted;
    }

    private void payOrder(int consumer, Instant at) {
        long amount = amount();
        boolean mall = merchants.isEmpty() || random.nextLong(PPM) < scenario.orders().mallPpm();
        String id = "o" + orderSequence++;
        Command.PayOrder pay;
        if (mall) {
            int home = consumers.home[consumer];
            pay = new Command.PayOrder(id, at, consumers.ids[consumer], null, Channel.MALL, amount, 0, null,
                    home < 0 ? null : regionCodes[home]);
        } else {
            String merchant = merchants.get(random.nextInt(merchants.size()));
            pay = new Command.PayOrder(id, at, consumers.ids[consumer], merchant, Channel.STORE, amount, 0, null, null);
        }
        pendingOrders.add(pay);
        if (pendingOrders.size() == ORDER_BATCH) {
            flushOrders();
        }
        consumers.spend[consumer] += amount;
        recorder.add(Series.ORDERS, 1);
        recorder.add(Series.GMV, amount);
    }

    private long amount() {
        Scenario.Amount amount = scenario.orders().amount();
        switch (amount.distribution()) {
            case "uniform":
                return amount.minFen() + random.nextLong(amount.maxFen() - amount.minFen() + 1);
            case "choices":
                return choose(amount.choices());
            default:
                return amount.minFen();
        }
    }

    private long choose(List<long[]> choices) {
        long totalWeight = 0;
        for (long[] choice : choices) {
            totalWeight += choice[1];
        }
        long ticket = random.nextLong(totalWeight);
        for (long[] choice : choices) {
            ticket -= choice[1];
            if (ticket < 0) {
                return choice[0];
            }
        }
        throw new IllegalStateException("weights changed while choosing");
    }

    /** Month-end selling: the scenario's sellers among active consumers, then any sell-off of all holders. */
    private void sell(int month, Instant at) {
        Scenario.Selling selling = scenario.selling();
        if (selling.sharePpm() > 0) {
            for (int i = 0; i < consumers.activeCount; i++) {
                int consumer = consumers.active[i];
                if (month - consumers.joinMonth[consumer] >= selling.afterMonths()
                        && random.nextLong(PPM) < selling.sharePpm()) {
                    sellPortion(consumer, selling.portionPpm(), at, "s");
                }
            }
        }
        for (Scenario.SellOff sellOff : scenario.sellOffs()) {
            if (sellOff.month() != month) {
                continue;
            }
            for (int consumer = 0; consumer < consumers.count; consumer++) {
                if (random.nextLong(PPM) < sellOff.sharePpm()) {
                    sellPortion(consumer, sellOff.portionPpm(), at, "x");
                }
            }
        }
    }

    private void sellPortion(int consumer, long portionPpm, Instant at, String kind) {
        long held = engine.balance(AccountType.USER_POINTS, consumers.ids[consumer]);
        long points = Exact.mulDivFloor(held, portionPpm, PPM);
        if (points > 0) {
            execute(new Command.SellPoints(kind + saleSequence++, at, consumers.ids[consumer], points));
        }
    }

    /** Each active consumer leaves for good with the churn chance; the order of the rest does not matter. */
    private void churn() {
        long churn = scenario.population().churnPpm();
        if (churn == 0) {
            return;
        }
        for (int i = consumers.activeCount - 1; i >= 0; i--) {
            if (random.nextLong(PPM) < churn) {
                consumers.active[i] = consumers.active[--consumers.activeCount];
            }
        }
    }

    private void execute(Command command) {
        flushOrders();
        engine.execute(command, out);
        out.clear();
    }

    /**
     * Runs the orders paid since the last flush as one batch ({@link Engine#execute(List, EngineOutput)}: the
     * same outcome as one by one, with each window's state read ahead).
     */
    private void flushOrders() {
        if (pendingOrders.isEmpty()) {
            return;
        }
        engine.execute(pendingOrders, out);
        out.clear();
        pendingOrders.clear();
    }

    /** Checks the books and gathers what the path produced; a broken invariant fails the run loudly. */
    private PathResult finish() {
        List<String> problems = new ArrayList<>(engine.checkInvariants());
        for (Asset asset : Asset.values()) {
            if (engine.assetTotal(asset) != 0) {
                problems.add(asset + " balances sum to " + engine.assetTotal(asset) + ", not 0");
            }
        }
        long[] putIn = new long[ParticipantClass.values().length];
        long[] tookOut = new long[ParticipantClass.values().length];
        ClassFlows.collect(engine, consumers.ids, consumers.count, otherUsers, merchants, putIn, tookOut);
        if (Arrays.stream(putIn).sum() != Arrays.stream(tookOut).sum()) {
            problems.add("money put in " + Arrays.stream(putIn).sum() + " ≠ taken out or held "
                    + Arrays.stream(tookOut).sum());
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("path " + path + " broke conservation: " + problems);
        }
        return new PathResult(path, recorder.series(), recorder.cohorts(consumers), recorder.monthsToExit(),
                putIn, tookOut, engine.price(), orderSequence, recorder.priceAtMonthEnd(),
                recorder.unminted());
    }

    /** Exact price ×10⁴ rounded half up: the 4-decimal display value as an integer, for charts. */
    static long priceTimes10000(long cashFen, long pointsMicro) {
        BigInteger numerator = BigInteger.valueOf(cashFen).multiply(BigInteger.valueOf(200_000_000L))
                .add(BigInteger.valueOf(pointsMicro));
        return numerator.divide(BigInteger.valueOf(2 * pointsMicro)).longValueExact();
    }

    /** Consumers in dense arrays: ids, join month, home region, spend; and the active ones. */
    static final class Consumers {
        String[] ids;
        int[] joinMonth;
        int[] home;
        int[] firstExitMonth;
        long[] spend;
        long[] paidBack;
        int[] active;
        int count;
        int activeCount;

        Consumers(int capacity) {
            ids = new String[capacity];
            joinMonth = new int[capacity];
            home = new int[capacity];
            firstExitMonth = new int[capacity];
            spend = new long[capacity];
            paidBack = new long[capacity];
            active = new int[capacity];
        }

        int add(int month, int region) {
            if (count == ids.length) {
                int capacity = ids.length * 2;
                ids = Arrays.copyOf(ids, capacity);
                joinMonth = Arrays.copyOf(joinMonth, capacity);
                home = Arrays.copyOf(home, capacity);
                firstExitMonth = Arrays.copyOf(firstExitMonth, capacity);
                spend = Arrays.copyOf(spend, capacity);
                paidBack = Arrays.copyOf(paidBack, capacity);
                active = Arrays.copyOf(active, capacity);
            }
            ids[count] = "u" + count;
            joinMonth[count] = month;
            home[count] = region;
            firstExitMonth[count] = -1;
            active[activeCount++] = count;
            return count++;
        }

        /** The dense index of a consumer id "u<n>". */
        static int index(String id) {
            return Integer.parseInt(id, 1, id.length(), 10);
        }
    }

    /**
     * A scenario whose figures outgrow what a path can hold (orders in a month, or money beyond 64-bit integers):
     * each field was within its limits, but not their product. A bad scenario (exit code 2), not a bug.
     */
    public static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge(String message) {
            super(message);
        }
    }
}

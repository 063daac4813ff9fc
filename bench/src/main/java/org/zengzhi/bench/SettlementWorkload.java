package org.zengzhi.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.zengzhi.engine.Command;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.EngineOutput;
import org.zengzhi.engine.Event;
import org.zengzhi.engine.Limits;
import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.ledger.Asset;
import org.zengzhi.engine.network.RegionDirectory;
import org.zengzhi.engine.order.Channel;
import org.zengzhi.engine.plan.PlanCheck;
import org.zengzhi.log.PlanFiles;

/**
 * The workload of {@link SettlementThroughputBenchmark}, free of JMH: the same stream of orders paid and settled
 * through the whole {@link Engine} under one of three plans (issue 17 deliver 5, issue 18 deliver 6):
 *
 * <ul>
 * <li>{@code appreciation}: plans/local-life.yaml, store orders ({@code PayOrder}, channel STORE) at merchants
 * whose commission (让利) is 3–20%, settled by a tick into the appreciation pool;</li>
 * <li>{@code green}: plans/green-points.yaml, the same store orders at the same merchants, settled into the
 * green-points model (rule 1: points, coins, merchant points, the settlement centre);</li>
 * <li>{@code fourParty}: plans/four-party.yaml, the same amounts as product orders ({@code PayPartyOrder}) of
 * suppliers' products priced like the merchants' orders, into escrow, settled 37 days later (rules 1–3).</li>
 * </ul>
 *
 * <p>Order {@code i} is by user {@code u(i·7919 mod users)} for the price of product {@code p(i)}
 * (10.00–2,000.00 CNY, a fixed function of p) at merchant (or supplier) {@code p mod 100}. Orders are paid in
 * blocks of {@link #BLOCK} one millisecond apart; after each block one tick settles the whole block. Store orders
 * settle at once (storeDays 0), so their blocks follow each other within one Shanghai calendar day: no green
 * dividend falls due while the stream runs (dividends are {@link GreenDividendBenchmark}'s subject), and a
 * dividend would fail {@link #verify()}. Four-party orders settle after 30 + 7 days, so each of their blocks
 * starts 38 days after the previous one and its tick comes 37 days and an hour after it.
 *
 * <p>The workload sums what each order must settle to in plain long arithmetic as it pays them, and sums what
 * the engine's settlement events say; {@link #verify()} compares the two exactly and checks the engine's
 * invariants and zero-sum books, so a fast wrong answer fails.
 */
public final class SettlementWorkload {
    /** The three plans the benchmark compares. */
    public enum Model {
        appreciation("local-life.yaml"), green("green-points.yaml"), fourParty("four-party.yaml");

        final String planFile;

        Model(String planFile) {
            this.planFile = planFile;
        }
    }

    /** Orders per tick. */
    public static final int BLOCK = 1024;
    static final int MERCHANTS = 100;
    static final int PRODUCTS = 1000;
    /** The merchants' 让利 (commission) rates in ppm, merchant m has RATES[m mod 6]: within the plan's 3–20%. */
    static final long[] RATES_PPM = {30_000, 50_000, 80_000, 100_000, 150_000, 200_000};
    static final long FOUR_PARTY_FEE_PPM = 60_000;
    static final long FOUR_PARTY_SUPPLIER_PPM = 550_000;
    static final long FOUR_PARTY_REBATE_PPM = 80_000;
    static final long FOUR_PARTY_GOLD_REBATE_PPM = 120_000;
    static final long GREEN_COIN_PPM = 100_000;
    /** Rule 5: every consumer is bound to the merchant of their first payment, so every order pays 5%. */
    static final long GREEN_BOUND_PPM = 50_000;
    /** 00:00 on 2 March 2026 in Shanghai. */
    static final Instant T0 = Instant.parse("2026-03-01T16:00:00Z");
    private static final Duration STORE_BLOCK_STEP = Duration.ofMillis(BLOCK + 1L);
    private static final Duration PARTY_BLOCK_STEP = Duration.ofDays(38);
    private static final Duration PARTY_TICK_AFTER = Duration.ofDays(37).plusHours(1);
    private static final int RING = 1 << 16;

    private final Model model;
    private final int users;
    private final Engine engine;
    private final EngineOutput out = new EngineOutput();
    private final String[] userIds;
    private final String[] merchantIds = new String[MERCHANTS];
    private final String[] productIds = new String[PRODUCTS];
    private final long[] priceFen = new long[PRODUCTS];
    private final String[] devices = new String[RING];
    private long nextOrder;
    private long blocks;
    private Instant blockStart = T0;

    // What the workload expects, from the stream alone.
    private long expectedOrders;
    private long expectedAmountFen;
    private long expectedCommissionFen;
    private long expectedCoinsFen;
    private long expectedBoundFen;
    private long expectedFeeFen;
    private long expectedSupplierFen;
    // What the engine's events say.
    private long settledOrders;
    private long settledAmountFen;
    private long settledCommissionFen;
    private long earnedPoints;
    private long earnedMerchantPoints;
    private long earnedCoinsFen;
    private long boundVouchersFen;
    private long feeFen;
    private long supplierFen;
    private long rebateFen;
    private long partsMismatches;
    private long rebateMismatches;
    private long dividends;
    private long rejections;
    private final List<String> firstRejections = new ArrayList<>();

    public SettlementWorkload(Model model, int users) {
        this.model = model;
        this.users = users;
        PlanCheck check = loadPlan(model.planFile);
        if (!check.errors().isEmpty()) {
            throw new IllegalStateException(model.planFile + " does not check: " + check.errors());
        }
        this.engine = new Engine(check.plan(), RegionDirectory.STANDARD, users + MERCHANTS + 1);
        this.userIds = OrderStreamWorkload.participantIds(users);
        for (int i = 0; i < RING; i++) {
            devices[i] = "d" + i;
        }
        for (int p = 0; p < PRODUCTS; p++) {
            priceFen[p] = 1_000 + Math.floorMod(p * 2_654_435_761L, 199_001L);
            productIds[p] = "p" + p;
        }
        Instant at = T0.minusSeconds(3600);
        run(new Command.RegisterUser("owner", at, "owner", null));
        for (int u = 0; u < users; u++) {
            run(new Command.RegisterUser("r" + u, at, userIds[u], null));
        }
        for (int m = 0; m < MERCHANTS; m++) {
            merchantIds[m] = "m" + m;
            if (model == Model.fourParty) {
                run(new Command.RegisterSupplier("s" + m, at, merchantIds[m], 1_000_000, 1_000_000));
            } else {
                run(new Command.OnboardMerchant("s" + m, at, merchantIds[m], "owner", null, "440106",
                        RATES_PPM[m % RATES_PPM.length]));
            }
        }
        if (model == Model.fourParty) {
            for (int p = 0; p < PRODUCTS; p++) {
                run(new Command.ListProduct("l" + p, at, productIds[p], merchantIds[p % MERCHANTS], priceFen[p],
                        priceFen[p] * 3 / 10));
            }
        }
        if (rejections > 0) {
            throw new IllegalStateException("setup was rejected: " + firstRejections);
        }
    }

    private static PlanCheck loadPlan(String file) {
        String dir = System.getProperty("zengzhi.plans");
        List<Path> candidates = dir != null ? List.of(Path.of(dir, file))
                : List.of(Path.of("plans", file), Path.of("..", "plans", file));
        for (Path path : candidates) {
            if (Files.isRegularFile(path)) {
                try {
                    return PlanFiles.check(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("no " + file + " in " + candidates
                + ": run from the repository root or set -Dzengzhi.plans=DIR");
    }

    static int product(long i) {
        return (int) Math.floorMod(i * 40_503L, (long) PRODUCTS);
    }

    int user(long i) {
        return (int) Math.floorMod(i * 7_919L, (long) users);
    }

    /** Pays the next order of the stream; every {@link #BLOCK}-th call also runs the tick that settles the block. */
    public void next() {
        long i = nextOrder++;
        int k = (int) (i % BLOCK);
        Instant at = blockStart.plusMillis(k);
        int p = product(i);
        long amount = priceFen[p];
        String id = "o" + i;
        String user = userIds[user(i)];
        expectedOrders++;
        expectedAmountFen += amount;
        if (model == Model.fourParty) {
            String device = devices[(int) (i & (RING - 1))];
            run(new Command.PayPartyOrder(id, at, user, productIds[p], 1, 0, null, device, device));
            expectedFeeFen += amount * FOUR_PARTY_FEE_PPM / Limits.PPM;
            expectedSupplierFen += amount * FOUR_PARTY_SUPPLIER_PPM / Limits.PPM;
        } else {
            long commission = amount * RATES_PPM[(p % MERCHANTS) % RATES_PPM.length] / Limits.PPM;
            run(new Command.PayOrder(id, at, user, merchantIds[p % MERCHANTS], Channel.STORE, amount, 0, null, null));
            expectedCommissionFen += commission;
            expectedCoinsFen += commission * GREEN_COIN_PPM / Limits.PPM;
            expectedBoundFen += commission * GREEN_BOUND_PPM / Limits.PPM;
        }
        if (k == BLOCK - 1) {
            tick();
        }
    }

    private void tick() {
        if (model == Model.fourParty) {
            run(new Command.Tick("t" + blocks, blockStart.plus(PARTY_TICK_AFTER)));
            blockStart = blockStart.plus(PARTY_BLOCK_STEP);
        } else {
            run(new Command.Tick("t" + blocks, blockStart.plusMillis(BLOCK)));
            blockStart = blockStart.plus(STORE_BLOCK_STEP);
        }
        blocks++;
    }

    /** Completes the current block (so every order paid is settled), then returns the failures of every check. */
    public List<String> verify() {
        while (nextOrder % BLOCK != 0) {
            next();
        }
        List<String> failures = new ArrayList<>(engine.checkInvariants());
        for (Asset asset : Asset.values()) {
            if (engine.assetTotal(asset) != 0) {
                failures.add("assetTotal(" + asset + ") = " + engine.assetTotal(asset) + ", not 0");
            }
        }
        if (rejections > 0) {
            failures.add(rejections + " commands rejected, first " + firstRejections);
        }
        expect(failures, "settled orders", settledOrders, expectedOrders);
        expect(failures, "settled amount (fen)", settledAmountFen, expectedAmountFen);
        if (dividends > 0) {
            failures.add(dividends + " dividends paid: the stream left its day and measures dividends too");
        }
        switch (model) {
        case appreciation -> expect(failures, "commission (让利, fen)", settledCommissionFen, expectedCommissionFen);
        case green -> {
            expect(failures, "commission (让利, fen)", settledCommissionFen, expectedCommissionFen);
            expect(failures, "consumer points (centipoints)", earnedPoints, expectedCommissionFen);
            expect(failures, "merchant points (centipoints)", earnedMerchantPoints, expectedCommissionFen);
            expect(failures, "gold coins (fen)", earnedCoinsFen, expectedCoinsFen);
            expect(failures, "bound merchants' vouchers (fen)", boundVouchersFen, expectedBoundFen);
            expect(failures, "settlement centre cash (fen)", engine.balance(AccountType.SETTLEMENT_CENTRE, null),
                    expectedCommissionFen);
        }
        case fourParty -> {
            expect(failures, "technical service fee (fen)", feeFen, expectedFeeFen);
            expect(failures, "supplier shares (fen)", supplierFen, expectedSupplierFen);
            expect(failures, "orders whose parts do not add up to the amount", partsMismatches, 0);
            expect(failures, "rebates neither 8% nor 12%", rebateMismatches, 0);
            expect(failures, "CONTRIB reserve (fen)", engine.balance(AccountType.CONTRIB_RESERVE, null), rebateFen);
        }
        default -> throw new IllegalStateException(model.name());
        }
        return failures;
    }

    private static void expect(List<String> failures, String what, long actual, long expected) {
        if (actual != expected) {
            failures.add(what + ": the engine gives " + actual + ", the stream " + expected);
        }
    }

    private void run(Command command) {
        out.clear();
        engine.execute(command, out);
        List<Event> events = out.events();
        for (int e = 0, n = events.size(); e < n; e++) {
            record(events.get(e));
        }
    }

    private void record(Event event) {
        if (event instanceof Event.OrderSettled settled) {
            settledOrders++;
            settledAmountFen += settled.amountFen();
            settledCommissionFen += settled.split().commissionFen();
        } else if (event instanceof Event.GreenEarned earned) {
            earnedPoints += earned.pointsCentipoints();
            earnedMerchantPoints += earned.merchantCentipoints();
            earnedCoinsFen += earned.coinsFen();
            boundVouchersFen += earned.boundVouchersFen();
        } else if (event instanceof Event.PartyOrderSettled settled) {
            settledOrders++;
            settledAmountFen += settled.amountFen();
            feeFen += settled.feeFen();
            supplierFen += settled.supplierShareFen();
            rebateFen += settled.rebateFen();
            long parts = settled.feeFen() + settled.rebateFen() + settled.commissionFen() + settled.teamAllowanceFen()
                    + settled.inviteRewardFen() + settled.supplierShareFen() + settled.marginFen()
                    + settled.roundingFen();
            if (parts != settled.amountFen()) {
                partsMismatches++;
            }
            long a = settled.amountFen();
            if (settled.rebateFen() != a * FOUR_PARTY_REBATE_PPM / Limits.PPM
                    && settled.rebateFen() != a * FOUR_PARTY_GOLD_REBATE_PPM / Limits.PPM) {
                rebateMismatches++;
            }
        } else if (event instanceof Event.DividendPaid) {
            dividends++;
        } else if (event instanceof Event.CommandRejected rejected) {
            if (rejections++ < 3) {
                firstRejections.add(rejected.toString());
            }
        }
    }

    /** Spoils the expected fee and commission by one fen, to prove {@link #verify()} notices. */
    void corruptForTest() {
        expectedCommissionFen++;
        expectedFeeFen++;
    }

    long expectedAmountFen() {
        return expectedAmountFen;
    }

    public Engine engine() {
        return engine;
    }

    public long orders() {
        return nextOrder;
    }

    public String summary() {
        return String.format("%s: %,d orders paid, %,d settled, %,d ticks, %,d fen settled", model, expectedOrders,
                settledOrders, blocks, settledAmountFen);
    }
}

package org.zengzhi.simulator.green;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.zengzhi.engine.Command;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.Event;
import org.zengzhi.engine.Exact;
import org.zengzhi.engine.green.DividendPool;
import org.zengzhi.engine.green.GreenPool;
import org.zengzhi.engine.green.PoolTerms;
import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.ledger.Asset;
import org.zengzhi.engine.network.RegionDirectory;
import org.zengzhi.engine.order.Channel;

/**
 * Runs one variant of a green-points scenario through the real engine, day by day in the plan's zone: consumers
 * join, pay in stores (some with vouchers), spend gold coins in the coin mall on each month's first day; a tick
 * at every midnight settles the day and pays the dividends due; each month is closed for the promoters. Every
 * figure is read from the engine's events and ledger. The random draws do not depend on the variant, so every
 * variant sees the same consumers, stores and payments (only voucher and coin amounts follow the balances).
 */
public final class GreenRun {
    private static final long PPM = 1_000_000;
    private static final long PPM_SQUARED = PPM * PPM;
    private static final String REGION = "440106";

    private final GreenScenario scenario;
    private final GreenScenario.Variant variant;
    private final Engine engine;
    private final ZoneId zone;
    private final SplittableRandom random;
    private final List<String> stores = new ArrayList<>();
    private final List<Integer> cohortOf = new ArrayList<>();
    private final List<Long> pointsOf = new ArrayList<>();
    private final List<Long> vouchersSpentOf = new ArrayList<>();
    private final List<GreenResult.DividendRow> dividends = new ArrayList<>();
    private final List<GreenResult.MonthRow> months = new ArrayList<>();
    private long commands;
    private long rangli;
    private long dividendVouchers;
    private long boundVouchers;
    private long coinsIssued;
    private long promoterPay;
    private long storeOrders;
    private long coinOrders;
    private long refused;
    private long lotsEarned;
    private long lotsRetired;
    private long lotsAtCap;
    /** Per pool, the lots at their last period before tonight's tick: points and vouchers so far. */
    private final long[][] lastPeriodLots = new long[2][];

    public GreenRun(GreenScenario scenario, GreenScenario.Variant variant) {
        this.scenario = scenario;
        this.variant = variant;
        this.engine = new Engine(variant.plan(), RegionDirectory.STANDARD);
        this.zone = variant.plan().greenPoints().timeZone();
        this.random = new SplittableRandom(scenario.seed());
    }

    public Engine engine() {
        return engine;
    }

    /** The vouchers consumers spent on accepted store payments. */
    public long vouchersSpent() {
        return vouchersSpentOf.stream().mapToLong(Long::longValue).sum();
    }

    public GreenResult run() {
        LocalDate start = scenario.start();
        setUp(at(start, 8));
        join(scenario.consumers(), 0, at(start, 8));
        LocalDate end = start.plusMonths(scenario.horizonMonths());
        for (LocalDate day = start; day.isBefore(end); day = day.plusDays(1)) {
            if (Thread.currentThread().isInterrupted()) { // the console's time cap (SimulationRuns) stops a run here
                throw new java.util.concurrent.CancellationException("the simulation was stopped");
            }
            int month = (int) java.time.temporal.ChronoUnit.MONTHS.between(YearMonth.from(start), YearMonth.from(day));
            if (day.getDayOfMonth() == 1 && month > 0) {
                boolean growing = scenario.stopAfterMonths() == 0 || month < scenario.stopAfterMonths();
                if (growing) {
                    join(scenario.newPerMonth(), month, at(day, 8));
                }
                coinMall(at(day, 8));
            }
            payments(day);
            noteLastPeriodLots();
            execute(new Command.Tick(id(), day.plusDays(1).atStartOfDay(zone).toInstant()));
            if (day.plusDays(1).getDayOfMonth() == 1) {
                closeMonth(YearMonth.from(day));
            }
        }
        check();
        return new GreenResult(variant.label(), List.copyOf(dividends), List.copyOf(months), cohorts(),
                new GreenResult.Totals(storeOrders, coinOrders, refused, lotsEarned, lotsRetired, lotsAtCap,
                        months.get(months.size() - 1)));
    }

    private void setUp(Instant at) {
        for (int p = 1; p <= scenario.promoters(); p++) {
            execute(new Command.RegisterUser(id(), at, "promoter" + p, null));
            execute(new Command.AppointPromoter(id(), at, "promoter" + p, p == 1 ? null : "promoter" + (p - 1)));
        }
        long span = scenario.rangliMaxPpm() - scenario.rangliMinPpm();
        for (int s = 1; s <= scenario.stores(); s++) {
            String owner = "owner" + s;
            execute(new Command.RegisterUser(id(), at, owner, null));
            String recruiter = scenario.promoters() == 0 ? null : "promoter" + (1 + (s - 1) % scenario.promoters());
            long rate = scenario.rangliMinPpm() + (span == 0 ? 0 : random.nextLong(span / 1_000 + 1) * 1_000);
            execute(new Command.OnboardMerchant(id(), at, "store" + s, owner, recruiter, REGION, Math.min(rate,
                    scenario.rangliMaxPpm())));
            stores.add("store" + s);
        }
    }

    private void join(int count, int cohort, Instant at) {
        for (int i = 0; i < count; i++) {
            execute(new Command.RegisterUser(id(), at, "u" + cohortOf.size(), null));
            cohortOf.add(cohort);
            pointsOf.add(0L);
            vouchersSpentOf.add(0L);
        }
    }

    private void payments(LocalDate day) {
        long denominator = 1_000L * day.lengthOfMonth();
        long perMonth = scenario.paymentsPerConsumerPerMonth();
        Instant nine = at(day, 9);
        long sequence = 0;
        for (int user = 0; user < cohortOf.size(); user++) {
            long count = perMonth / denominator + (random.nextLong(denominator) < perMonth % denominator ? 1 : 0);
            for (long k = 0; k < count; k++) {
                String store = stores.get(random.nextInt(stores.size()));
                long amount = scenario.amountMinFen()
                        + random.nextLong(scenario.amountMaxFen() - scenario.amountMinFen() + 1);
                boolean useVouchers = random.nextLong(PPM) < scenario.voucherUsePpm();
                long voucher = useVouchers
                        ? Math.min(amount, engine.balance(AccountType.USER_VOUCHER, "u" + user)) : 0;
                List<Event> events = execute(new Command.PayOrder(id(), nine.plusMillis(sequence++), "u" + user, store,
                        Channel.STORE, amount, 0, null, null, voucher));
                if (accepted(events)) {
                    storeOrders++;
                    vouchersSpentOf.set(user, vouchersSpentOf.get(user) + voucher);
                }
            }
        }
    }

    private void coinMall(Instant at) {
        long sequence = 0;
        for (int user = 0; user < cohortOf.size(); user++) {
            String store = stores.get(random.nextInt(stores.size()));
            if (random.nextLong(PPM) >= scenario.coinSpendPpm()) {
                continue;
            }
            long coins = engine.balance(AccountType.USER_COIN, "u" + user);
            if (coins > 0 && accepted(execute(new Command.PayOrder(id(), at.plusMillis(sequence++), "u" + user, store,
                    Channel.COIN, coins, 0, null, null, 0)))) {
                coinOrders++;
            }
        }
    }

    private void closeMonth(YearMonth month) {
        if (scenario.promoters() > 0) {
            execute(new Command.CloseMonth(id(), month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant(),
                    month.toString()));
        }
        long cash = engine.balance(AccountType.SETTLEMENT_CENTRE, null);
        long vouchersOwed = -engine.balance(AccountType.VOUCHER_ISSUANCE, null);
        long coinsOwed = -engine.balance(AccountType.COIN_ISSUANCE, null);
        months.add(new GreenResult.MonthRow(month.toString(), cohortOf.size(), rangli, dividendVouchers, boundVouchers,
                coinsIssued, cash, vouchersOwed, coinsOwed,
                GreenResult.coveragePpm(cash, Math.addExact(vouchersOwed, coinsOwed)), promoterPay));
    }

    /**
     * Rule 4: a lot retires at its cap or after {@code periodsMax} periods. A dividend's event gives only how many
     * retired; to tell how many of them reached the cap, the lots at their last period are noted before each tick
     * (no lot can be there before the pool's own period periodsMax − 1, so this scans nothing until then).
     */
    private void noteLastPeriodLots() {
        for (GreenPool kind : GreenPool.values()) {
            DividendPool pool = engine.models().green().model().pool(kind);
            int last = pool.terms().periodsMax() - 1;
            if (pool.period() < last) {
                lastPeriodLots[kind.ordinal()] = new long[0];
                continue;
            }
            long[] noted = new long[2 * pool.lotCount()];
            int n = 0;
            for (int slot = 0; slot < pool.lotCount(); slot++) {
                if (pool.lotPeriods(slot) == last) {
                    noted[n++] = pool.lotCentipoints(slot);
                    noted[n++] = pool.lotVouchersFen(slot);
                }
            }
            lastPeriodLots[kind.ordinal()] = java.util.Arrays.copyOf(noted, n);
        }
    }

    private void dividend(Event.DividendPaid paid) {
        GreenPool kind = paid.pool().equals("consumer") ? GreenPool.CONSUMER : GreenPool.MERCHANT;
        PoolTerms terms = engine.models().green().model().pool(kind).terms();
        dividendVouchers = Math.addExact(dividendVouchers, paid.vouchersFen());
        lotsRetired += paid.retired();
        long[] last = lastPeriodLots[kind.ordinal()];
        int atLastPeriod = last == null ? 0 : last.length / 2;
        long lastAtCap = 0;
        if (paid.scalePpm() > 0 && last != null) {
            long factor = terms.rates().ratePpm(terms.periodsMax()) * paid.scalePpm();
            for (int i = 0; i < last.length; i += 2) {
                long capLeft = Exact.mulDivFloor(last[i], terms.capPpm(), PPM) - last[i + 1];
                if (Exact.mulDivFloor(last[i], factor, PPM_SQUARED) >= capLeft) {
                    lastAtCap++;
                }
            }
        }
        // Lots retired before their last period retired at the cap; those at it, only if its payment reached it.
        lotsAtCap += paid.scalePpm() == 0 ? 0 : paid.retired() - atLastPeriod + lastAtCap;
        lastPeriodLots[kind.ordinal()] = null;
        dividends.add(new GreenResult.DividendRow(LocalDate.ofInstant(paid.at(), zone), paid.pool(), paid.period(),
                paid.valueCentipoints(), paid.growthPpm(), paid.scalePpm(), paid.period() <= terms.periodsMax() ? terms.rates().ratePpm(paid.period()) : -1,
                paid.vouchersFen(), paid.lots(), paid.retired()));
    }

    private List<Event> execute(Command command) {
        List<Event> events = engine.execute(command);
        for (Event event : events) {
            if (event instanceof Event.GreenEarned earned) {
                earned(earned);
            } else if (event instanceof Event.DividendPaid paid) {
                dividend(paid);
            } else if (event instanceof Event.PromoterMonthClosed month) {
                promoterPay = Math.addExact(promoterPay, month.personalFen() + month.coachingFen() + month.subsidyFen());
            } else if (event instanceof Event.CommandRejected rejected) {
                if (!(command instanceof Command.PayOrder)) {
                    throw new IllegalStateException(variant.label() + ": the engine refused " + command + ": "
                            + rejected.code() + " (" + rejected.field() + ")");
                }
                refused++;
            }
        }
        return events;
    }

    private void earned(Event.GreenEarned earned) {
        rangli = Math.addExact(rangli, earned.merchantCentipoints()); // C fen earns C centipoints (rule 1)
        coinsIssued = Math.addExact(coinsIssued, earned.coinsFen());
        boundVouchers = Math.addExact(boundVouchers, earned.boundVouchersFen());
        lotsEarned += (earned.pointsCentipoints() > 0 ? 1 : 0) + (earned.merchantCentipoints() > 0 ? 1 : 0);
        String user = earned.user();
        if (user.startsWith("u")) {
            int index = Integer.parseInt(user.substring(1));
            pointsOf.set(index, pointsOf.get(index) + earned.pointsCentipoints());
        }
    }

    private static boolean accepted(List<Event> events) {
        return events.stream().noneMatch(Event.CommandRejected.class::isInstance);
    }

    private List<GreenResult.CohortYield> cohorts() {
        int count = cohortOf.isEmpty() ? 0 : cohortOf.get(cohortOf.size() - 1) + 1;
        int[] consumers = new int[count];
        long[] points = new long[count];
        long[] vouchers = new long[count];
        for (int user = 0; user < cohortOf.size(); user++) {
            int cohort = cohortOf.get(user);
            consumers[cohort]++;
            points[cohort] += pointsOf.get(user);
            // Consumers receive vouchers only as dividends: what they hold plus what they spent (no refunds here).
            vouchers[cohort] += engine.balance(AccountType.USER_VOUCHER, "u" + user) + vouchersSpentOf.get(user);
        }
        List<GreenResult.CohortYield> rows = new ArrayList<>();
        YearMonth first = YearMonth.from(scenario.start());
        for (int c = 0; c < count; c++) {
            if (consumers[c] > 0) {
                rows.add(new GreenResult.CohortYield(first.plusMonths(c).toString(), consumers[c], points[c],
                        vouchers[c], points[c] == 0 ? 0 : Exact.mulDivFloor(vouchers[c], PPM, points[c])));
            }
        }
        return List.copyOf(rows);
    }

    private void check() {
        List<String> broken = new ArrayList<>(engine.checkInvariants());
        for (Asset asset : Asset.values()) {
            if (engine.assetTotal(asset) != 0) {
                broken.add(asset + " postings sum to " + engine.assetTotal(asset));
            }
        }
        if (!broken.isEmpty()) {
            throw new IllegalStateException(variant.label() + ": the books do not hold: " + broken);
        }
    }

    private Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(zone).toInstant();
    }

    private String id() {
        return "g" + (++commands);
    }
}

package org.zengzhi.engine.green;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The green-points model on random rules and random streams of settled store orders (issue 17, Deliver 1):
 * a lot never receives more than its cap nor more than {@code periodsMax} periods; the vouchers paid are the
 * sum over lots and points are conserved; the same inputs give the same snapshot bytes; a snapshot restored
 * and continued ends where the uninterrupted run ends; and every output equals a slow, independent reading
 * of the rules ({@link GreenReference}).
 */
class GreenProperties {
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    private static final Duration DRAIN = Duration.ofDays(400);

    /** One settled store order, due {@code gapMinutes} after the one before. */
    record Sale(int gapMinutes, int user, int merchant, long amountFen, long rangliPpm, int voucherPercent,
            int bound) {
    }

    @Provide
    Arbitrary<GreenRules> rules() {
        Arbitrary<ZoneId> zone = Arbitraries.of(GreenRules.SHANGHAI, ZoneId.of("UTC"), ZoneId.of("America/New_York"));
        Arbitrary<OptionalLong> cap = Arbitraries.longs().between(0, 100_000).injectNull(0.6)
                .map(value -> value == null ? OptionalLong.empty() : OptionalLong.of(value));
        return Combinators.combine(zone, Arbitraries.longs().between(0, 200_000),
                Arbitraries.longs().between(0, 100_000), cap, terms(), terms()).as(GreenRules::new);
    }

    private Arbitrary<PoolTerms> terms() {
        Arbitrary<Integer> lateDays = Arbitraries.integers().between(1, 30);
        Arbitrary<Integer> periodsMax = Arbitraries.integers().between(1, 40);
        return Combinators.combine(Arbitraries.longs().between(1, 5_000_000), Arbitraries.longs().between(10_000, 500_000),
                lateDays, Arbitraries.integers().between(0, 1_000), periodsMax,
                Arbitraries.longs().between(10_000, 5_000_000), Arbitraries.integers().between(0, 3),
                Arbitraries.longs().between(0, 600_000).list().ofSize(40))
                .as((start, growth, late, payDaySeed, periods, cap, scheduleKind, rates) -> new PoolTerms(start, growth,
                        1 + payDaySeed % (late + 1), late, schedule(scheduleKind, periods, rates), cap, periods));
    }

    private static RateSchedule schedule(int kind, int periods, List<Long> rates) {
        return switch (kind) {
            case 0 -> RateSchedule.constant(rates.get(0));
            case 1 -> RateSchedule.perPeriod(rates.subList(0, periods));
            // Over fewer than 10 periods, reaching 500% would take a last rate above 100%.
            case 2 -> periods >= 10 ? RateSchedule.escalating(5_000, 5_000_000, periods) : RateSchedule.constant(5_000);
            default -> RateSchedule.constant(5_000);
        };
    }

    @Provide
    Arbitrary<List<Sale>> sales() {
        return sales(Arbitraries.integers().between(0, 9), Arbitraries.integers().between(0, 4));
    }

    /**
     * Sales whose holders sit on both sides of the lot buckets' edges (multiples of {@link Lots#BUCKET_HOLDERS})
     * and far beyond, a few holders at each place so holders have several lots.
     */
    @Provide
    Arbitrary<List<Sale>> spreadSales() {
        Arbitrary<Integer> place = Arbitraries.of(0, Lots.BUCKET_HOLDERS - 2, Lots.BUCKET_HOLDERS,
                3 * Lots.BUCKET_HOLDERS - 1, 40 * Lots.BUCKET_HOLDERS + 63);
        Arbitrary<Integer> holder = Combinators.combine(place, Arbitraries.integers().between(0, 3)).as(Integer::sum);
        return sales(holder, holder);
    }

    private static Arbitrary<List<Sale>> sales(Arbitrary<Integer> users, Arbitrary<Integer> merchants) {
        Arbitrary<Integer> gap = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(0, 600)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(600, 3 * 1_440)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(3 * 1_440, 40 * 1_440)));
        Arbitrary<Integer> voucher = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(1, 99)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(100)));
        Arbitrary<Sale> sale = Combinators.combine(gap, users, merchants, Arbitraries.longs().between(1, 2_000_000),
                Arbitraries.longs().between(30_000, 200_000), voucher, Arbitraries.integers().between(-1, 4))
                .as(Sale::new);
        return sale.list().ofMinSize(1).ofMaxSize(150);
    }

    /** The settlements of {@code sales}, due one after another from {@link #START}. */
    private static List<StoreSettlement> settlements(List<Sale> sales) {
        List<StoreSettlement> settlements = new ArrayList<>();
        Instant due = START;
        for (int i = 0; i < sales.size(); i++) {
            Sale sale = sales.get(i);
            due = due.plus(Duration.ofMinutes(sale.gapMinutes()));
            settlements.add(new StoreSettlement("o" + i, sale.user(), sale.merchant(), sale.amountFen(),
                    sale.rangliPpm(), sale.amountFen() * sale.voucherPercent() / 100, sale.bound(), due));
        }
        return settlements;
    }

    /** Carries out settlements {@code from} to {@code to} as ticks would, then, when {@code drain}, every dividend due. */
    private static List<Object> run(GreenModel model, List<StoreSettlement> settlements, int from, int to,
            boolean drain, GreenPostings postings) {
        List<Object> outputs = new ArrayList<>();
        for (StoreSettlement settlement : settlements.subList(from, to)) {
            for (GreenStep step = model.nextStepUntil(settlement.dueAt(), settlement.dueAt()); step != GreenStep.SETTLE;
                    step = model.nextStepUntil(settlement.dueAt(), settlement.dueAt())) {
                outputs.add(model.payDividend(step.pool(), postings));
            }
            outputs.add(model.settle(settlement, postings));
        }
        if (drain) {
            Instant end = settlements.get(settlements.size() - 1).dueAt().plus(DRAIN);
            for (GreenStep step = model.nextStepUntil(null, end); step != GreenStep.DONE; step = model.nextStepUntil(null, end)) {
                outputs.add(model.payDividend(step.pool(), postings));
            }
        }
        return outputs;
    }

    /** The same, for the reference: a dividend due at or before a settlement's due time comes first. */
    private static List<Object> runReference(GreenReference reference, List<StoreSettlement> settlements,
            GreenPostings postings) {
        List<Object> outputs = new ArrayList<>();
        for (StoreSettlement settlement : settlements) {
            for (GreenPool pool = reference.dueFirst(); pool != null && !reference.due(pool).isAfter(settlement.dueAt());
                    pool = reference.dueFirst()) {
                outputs.add(reference.pay(pool, postings));
            }
            outputs.add(reference.settle(settlement, postings));
        }
        Instant end = settlements.get(settlements.size() - 1).dueAt().plus(DRAIN);
        for (GreenPool pool = reference.dueFirst(); pool != null && !reference.due(pool).isAfter(end);
                pool = reference.dueFirst()) {
            outputs.add(reference.pay(pool, postings));
        }
        return outputs;
    }

    private static byte[] snapshot(GreenModel model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            model.write(out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bytes.toByteArray();
    }

    @Property(tries = 300)
    void noLotEverExceedsItsCapOrItsPeriodsAndVouchersAreTheSumOverLots(@ForAll("rules") GreenRules rules,
            @ForAll("sales") List<Sale> sales) {
        GreenModel model = new GreenModel(rules);
        RecordingPostings postings = new RecordingPostings();
        List<Object> outputs = run(model, settlements(sales), 0, sales.size(), true, postings);

        for (long[] lot : postings.retiredLots) {
            PoolTerms terms = rules.terms(GreenPool.values()[(int) lot[0]]);
            assertThat(lot[3]).isLessThanOrEqualTo(terms.capFen(lot[1]));
            assertThat(lot[2]).isBetween(1L, (long) terms.periodsMax());
        }
        for (GreenPool kind : GreenPool.values()) {
            DividendPool pool = model.pool(kind);
            long activeVouchers = 0;
            long activePoints = 0;
            for (int slot = 0; slot < pool.lotCount(); slot++) {
                long cap = pool.terms().capFen(pool.lotCentipoints(slot));
                // A lot that has been paid and is still active is below its cap; one never paid has 0 vouchers.
                assertThat(pool.lotVouchersFen(slot)).isLessThanOrEqualTo(cap);
                assertThat(pool.lotPeriods(slot) == 0 || pool.lotVouchersFen(slot) < cap).isTrue();
                assertThat(pool.lotPeriods(slot)).isLessThan(pool.terms().periodsMax());
                activeVouchers += pool.lotVouchersFen(slot);
                activePoints += pool.lotCentipoints(slot);
            }
            long dividends = outputs.stream().filter(o -> o instanceof Dividend d && d.pool() == kind)
                    .mapToLong(o -> ((Dividend) o).vouchersFen()).sum();
            assertThat(postings.dividendVouchersFen[kind.ordinal()]).isEqualTo(dividends)
                    .isEqualTo(activeVouchers + postings.retiredVouchersFen[kind.ordinal()]);
            assertThat(postings.earnedCentipoints[kind.ordinal()]).isEqualTo(pool.valueCentipoints())
                    .isEqualTo(activePoints + postings.retiredCentipoints[kind.ordinal()]);
        }
    }

    @Property(tries = 200)
    void theModelAgreesWithTheReferenceOutputByOutput(@ForAll("rules") GreenRules rules,
            @ForAll("sales") List<Sale> sales) {
        List<StoreSettlement> settlements = settlements(sales);
        RecordingPostings fast = new RecordingPostings();
        RecordingPostings slow = new RecordingPostings();

        List<Object> outputs = run(new GreenModel(rules), settlements, 0, settlements.size(), true, fast);
        List<Object> expected = runReference(new GreenReference(rules), settlements, slow);

        assertThat(outputs).isEqualTo(expected);
        collectCases(outputs, rules);
        assertSamePostings(fast, slow);
    }

    /**
     * Issue 17 deliver 5: lots bucketed by holder, across bucket edges, pay what the reference's plain list of
     * lots pays: the same outputs, each dividend one posting per holder with the sum of its lots' payments, in
     * ascending holder order, and the same retirements; a snapshot taken anywhere continues the same way.
     */
    @Property(tries = 200)
    void lotsBucketedByHolderAgreeWithTheReferenceAcrossBuckets(@ForAll("rules") GreenRules rules,
            @ForAll("spreadSales") List<Sale> sales, @ForAll int splitSeed) throws IOException {
        List<StoreSettlement> settlements = settlements(sales);
        RecordingPostings fast = new RecordingPostings();
        RecordingPostings slow = new RecordingPostings();

        List<Object> outputs = run(new GreenModel(rules), settlements, 0, settlements.size(), true, fast);
        List<Object> expected = runReference(new GreenReference(rules), settlements, slow);

        assertThat(outputs).isEqualTo(expected);
        assertSamePostings(fast, slow);
        assertRestoredSnapshotContinuesAsTheWhole(rules, settlements, Math.floorMod(splitSeed, settlements.size() + 1));
    }

    /**
     * Payments in the same order (holders ascending within a dividend, dividends in turn); retirements and
     * earnings as the same multiset, as the model retires lots in its buckets' order, not in earning order.
     */
    private static void assertSamePostings(RecordingPostings fast, RecordingPostings slow) {
        assertThat(vouchers(fast.lines)).isEqualTo(vouchers(slow.lines));
        assertThat(fast.lines).containsExactlyInAnyOrderElementsOf(slow.lines);
    }

    private static List<String> vouchers(List<String> lines) {
        return lines.stream().filter(line -> line.startsWith("vouchers ")).toList();
    }

    /** Makes the comparison fail when the random runs stop reaching the cases it is meant to compare. */
    private static void collectCases(List<Object> outputs, GreenRules rules) {
        List<Dividend> dividends = outputs.stream().filter(Dividend.class::isInstance).map(Dividend.class::cast).toList();
        Statistics.label("timely after the first").collect(dividends.stream()
                .anyMatch(d -> d.growthPpm().isPresent() && d.scalePpm() == 1_000_000));
        Statistics.label("late, scaled").collect(dividends.stream()
                .anyMatch(d -> d.scalePpm() > 0 && d.scalePpm() < 1_000_000 && rules.dividendCapPpm().isEmpty()));
        Statistics.label("scaled down, dividend cap on").collect(dividends.stream()
                .anyMatch(d -> d.scalePpm() < 1_000_000 && rules.dividendCapPpm().isPresent()));
        Statistics.label("retired").collect(dividends.stream().anyMatch(d -> d.retired() > 0));
        Statistics.label("timely after the first").coverage(coverage -> coverage.check(true).percentage(p -> p > 20));
        Statistics.label("late, scaled").coverage(coverage -> coverage.check(true).percentage(p -> p > 5));
        Statistics.label("scaled down, dividend cap on").coverage(coverage -> coverage.check(true).percentage(p -> p > 5));
        Statistics.label("retired").coverage(coverage -> coverage.check(true).percentage(p -> p > 20));
    }

    @Property(tries = 100)
    void theSameInputsGiveTheSameSnapshotBytesAndHash(@ForAll("rules") GreenRules rules,
            @ForAll("sales") List<Sale> sales) throws NoSuchAlgorithmException {
        List<StoreSettlement> settlements = settlements(sales);
        GreenModel first = new GreenModel(rules);
        GreenModel second = new GreenModel(rules);
        RecordingPostings firstPostings = new RecordingPostings();
        RecordingPostings secondPostings = new RecordingPostings();

        assertThat(run(first, settlements, 0, settlements.size(), true, firstPostings))
                .isEqualTo(run(second, settlements, 0, settlements.size(), true, secondPostings));
        assertThat(firstPostings.lines).isEqualTo(secondPostings.lines);
        assertThat(snapshot(first)).isEqualTo(snapshot(second));
        MessageDigest firstHash = MessageDigest.getInstance("SHA-256");
        MessageDigest secondHash = MessageDigest.getInstance("SHA-256");
        first.hashInto(firstHash);
        second.hashInto(secondHash);
        assertThat(firstHash.digest()).isEqualTo(secondHash.digest());
    }

    @Property(tries = 150)
    void aRestoredSnapshotContinuesExactlyAsTheOriginal(@ForAll("rules") GreenRules rules,
            @ForAll("sales") List<Sale> sales, @ForAll int splitSeed) throws IOException {
        List<StoreSettlement> settlements = settlements(sales);
        assertRestoredSnapshotContinuesAsTheWhole(rules, settlements, Math.floorMod(splitSeed, settlements.size() + 1));
    }

    private static void assertRestoredSnapshotContinuesAsTheWhole(GreenRules rules, List<StoreSettlement> settlements,
            int split) throws IOException {
        GreenModel whole = new GreenModel(rules);
        RecordingPostings wholePostings = new RecordingPostings();
        List<Object> wholeOutputs = run(whole, settlements, 0, settlements.size(), true, wholePostings);

        GreenModel before = new GreenModel(rules);
        RecordingPostings postings = new RecordingPostings();
        List<Object> outputs = run(before, settlements, 0, split, false, postings);
        GreenModel restored = GreenModel.read(new DataInputStream(new ByteArrayInputStream(snapshot(before))), rules);
        assertThat(snapshot(restored)).isEqualTo(snapshot(before));
        outputs.addAll(run(restored, settlements, split, settlements.size(), true, postings));

        assertThat(outputs).isEqualTo(wholeOutputs);
        assertThat(postings.lines).isEqualTo(wholePostings.lines);
        assertThat(snapshot(restored)).isEqualTo(snapshot(whole));
    }
}

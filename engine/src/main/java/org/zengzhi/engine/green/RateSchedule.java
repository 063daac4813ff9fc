package org.zengzhi.engine.green;

import java.util.Arrays;
import java.util.List;

import org.zengzhi.engine.Exact;
import org.zengzhi.engine.Limits;

/**
 * The voucher rate of each paid period of a lot (SPEC ), in ppm of the lot's points: one constant rate,
 * or one rate per period. The seed gives only the first rate (0.5%) and calls the rest "特定算法", so two
 * schedules ship: {@link #CONSTANT_HALF_PERCENT} and {@link #ESCALATING_TO_FIVE_TIMES}.
 */
public final class RateSchedule {
    /** Seed 003 as written: 0.5% in every period, so 40 periods pay at most 20% of a lot's points. */
    public static final RateSchedule CONSTANT_HALF_PERCENT = constant(5_000);
    /** Starts at 0.5% and sums to exactly 500% by period 40; see {@link #escalating}. */
    public static final RateSchedule ESCALATING_TO_FIVE_TIMES = escalating(5_000, 5_000_000, 40);

    private final long constantPpm;
    private final long[] perPeriodPpm;

    private RateSchedule(long constantPpm, long[] perPeriodPpm) {
        this.constantPpm = constantPpm;
        this.perPeriodPpm = perPeriodPpm;
    }

    /** The same rate in every period. */
    public static RateSchedule constant(long ratePpm) {
        return new RateSchedule(ratePpm, null);
    }

    /** One rate per period: {@code ratesPpm[0]} for period 1, and so on. */
    public static RateSchedule perPeriod(List<Long> ratesPpm) {
        return new RateSchedule(0, ratesPpm.stream().mapToLong(Long::longValue).toArray());
    }

    /**
     * Rates growing linearly from {@code firstPpm} whose sum over {@code periods} periods is exactly
     * {@code totalPpm}. The cumulative rate after period i is S(i) = first·i + ⌊(total − first·n)·i·(i−1) /
     * (n·(n−1))⌋, and period i's rate is S(i) − S(i−1). Taking differences of one rounded-down curve keeps
     * every rounding inside it, so the rates sum to S(n) = total exactly and rate 1 is {@code firstPpm}. For
     * 0.5% and 500% over 40 periods: S(i) = 5 000·i + ⌊40 000·i·(i−1) / 13⌋ ppm, rates from 0.5% to 24.5%.
     */
    public static RateSchedule escalating(long firstPpm, long totalPpm, int periods) {
        if (periods < 2 || firstPpm < 0 || totalPpm < firstPpm * periods) {
            throw new IllegalArgumentException("an escalating schedule needs 2 or more periods and a total of at"
                    + " least first × periods");
        }
        long[] rates = new long[periods];
        long previous = 0;
        for (int i = 1; i <= periods; i++) {
            long cumulative = cumulativeEscalating(firstPpm, totalPpm, periods, i);
            rates[i - 1] = cumulative - previous;
            previous = cumulative;
        }
        return new RateSchedule(0, rates);
    }

    private static long cumulativeEscalating(long firstPpm, long totalPpm, int periods, int i) {
        long rise = totalPpm - firstPpm * periods;
        long pairs = (long) i * (i - 1);
        long allPairs = (long) periods * (periods - 1);
        return firstPpm * i + Exact.mulDivFloor(rise, pairs, allPairs);
    }

    /** The rate of period {@code period} (1 for a lot's first paid period), in ppm. */
    public long ratePpm(int period) {
        return perPeriodPpm == null ? constantPpm : perPeriodPpm[period - 1];
    }

    public boolean isConstant() {
        return perPeriodPpm == null;
    }

    /** How many per-period rates the schedule lists; 0 for a constant rate. */
    public int listedPeriods() {
        return perPeriodPpm == null ? 0 : perPeriodPpm.length;
    }

    /** The sum of the rates of periods 1 to {@code periods}, in ppm: what a lot receives at most, scale 1. */
    public long sumPpm(int periods) {
        long sum = 0;
        for (int i = 1; i <= periods; i++) {
            sum = Math.addExact(sum, ratePpm(i));
        }
        return sum;
    }

    /** Problems with this schedule for a pool paying at most {@code periodsMax} periods, fields under {@code prefix}. */
    List<GreenRuleProblem> problems(String prefix, int periodsMax) {
        if (perPeriodPpm == null) {
            return inRange(constantPpm) ? List.of() : List.of(new GreenRuleProblem(prefix + "rate",
                    "must be from 0% to 100%: " + constantPpm + " ppm"));
        }
        if (perPeriodPpm.length != periodsMax) {
            return List.of(new GreenRuleProblem(prefix + "rates", "must list one rate per period, "
                    + periodsMax + " (periodsMax), not " + perPeriodPpm.length));
        }
        for (int i = 0; i < perPeriodPpm.length; i++) {
            if (!inRange(perPeriodPpm[i])) {
                return List.of(new GreenRuleProblem(prefix + "rates[" + i + "]",
                        "must be from 0% to 100%: " + perPeriodPpm[i] + " ppm"));
            }
        }
        return List.of();
    }

    private static boolean inRange(long ratePpm) {
        return ratePpm >= 0 && ratePpm <= Limits.PPM;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RateSchedule that && constantPpm == that.constantPpm
                && Arrays.equals(perPeriodPpm, that.perPeriodPpm);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(constantPpm) + Arrays.hashCode(perPeriodPpm);
    }

    @Override
    public String toString() {
        return perPeriodPpm == null ? "constant " + constantPpm + " ppm" : "per period " + Arrays.toString(perPeriodPpm);
    }
}

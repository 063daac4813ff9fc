package org.zengzhi.engine.green;

import java.util.ArrayList;
import java.util.List;

import org.zengzhi.engine.Exact;
import org.zengzhi.engine.Limits;

/**
 * The terms of one dividend pool (SPEC ). Points are in centipoints, hundredths of a point: one
 * point per 1.00 CNY of 让利, so a lot's centipoints are the fen its points are worth in vouchers at 100%.
 *
 * @param startValueCentipoints the value at which the pool starts paying (积分池以100万积分为第一期)
 * @param growthPpm             the growth over the last dividend's value that makes the next one due (15%)
 * @param earliestPayDay        the earliest day after the last dividend a timely one is paid (consumer 11:
 *                              "第11天发放"; merchant 10: "第10天发放")
 * @param lateDays              the days growth may take; a dividend not reached by then is paid on the day
 *                              after, scaled ("若30天未达到15%增长，则第31天按实际增长发放")
 * @param rates                 the voucher rate of each of a lot's paid periods
 * @param capPpm                the most a lot receives in vouchers in total, in ppm of its points (5× =
 *                              5 000 000: "最高可转化为原积分5倍")
 * @param periodsMax            the most periods a lot is paid ("积分经过40期增值")
 */
public record PoolTerms(long startValueCentipoints, long growthPpm, int earliestPayDay, int lateDays,
        RateSchedule rates, long capPpm, int periodsMax) {

    /** The consumers' pool of seed 003: 1,000,000 points, 15%, day 11, 30 days, 0.5%, 5×, 40 periods. */
    public static final PoolTerms CONSUMER = new PoolTerms(100_000_000L, 150_000, 11, 30,
            RateSchedule.CONSTANT_HALF_PERCENT, 5_000_000, 40);
    /** The merchants' pool of seed 003: 10,000,000 points, 15%, day 10, 30 days, 0.5%, 5×, 40 periods. */
    public static final PoolTerms MERCHANT = new PoolTerms(1_000_000_000L, 150_000, 10, 30,
            RateSchedule.CONSTANT_HALF_PERCENT, 5_000_000, 40);
    /** A lot's total vouchers may be capped at most at 100× its points. */
    public static final long CAP_PPM_MAX = 100 * Limits.PPM;
    /** Periods a lot may be paid; bounds a pool's periods of lateness and the rate list. */
    public static final int PERIODS_MAX = 10_000;
    /** Days a pool may wait for growth. */
    public static final int LATE_DAYS_MAX = 3_660;
    /** A start value above every amount the engine accepts in total would never be reached. */
    public static final long START_VALUE_CENTIPOINTS_MAX = 1L << 60;

    public PoolTerms {
        List<GreenRuleProblem> problems = problems("", startValueCentipoints, growthPpm, earliestPayDay,
                lateDays, rates, capPpm, periodsMax);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0).toString());
        }
    }

    /** The same terms with another rate schedule: the escalating preset keeps everything else. */
    public PoolTerms withRates(RateSchedule newRates) {
        return new PoolTerms(startValueCentipoints, growthPpm, earliestPayDay, lateDays, newRates, capPpm, periodsMax);
    }

    /** The most vouchers (fen) a lot of {@code centipoints} may receive in total: ⌊points·cap⌋. */
    public long capFen(long centipoints) {
        return Exact.mulDivFloor(centipoints, capPpm, Limits.PPM);
    }

    /**
     * Every problem with these values, each naming its field under {@code prefix} (the plan reader passes
     * {@code "consumerPool."}); empty when the terms are valid. The plan reader calls this before building
     * the record, so one run reports every field at fault.
     */
    public static List<GreenRuleProblem> problems(String prefix, long startValueCentipoints, long growthPpm,
            int earliestPayDay, int lateDays, RateSchedule rates, long capPpm, int periodsMax) {
        List<GreenRuleProblem> problems = new ArrayList<>();
        require(problems, startValueCentipoints >= 1 && startValueCentipoints <= START_VALUE_CENTIPOINTS_MAX,
                prefix + "startValue", "must be more than 0 and at most 2^60 centipoints: " + startValueCentipoints);
        require(problems, growthPpm >= 1 && growthPpm <= 100 * Limits.PPM, prefix + "growth",
                "must be more than 0% and at most 10000%: " + growthPpm + " ppm");
        require(problems, lateDays >= 1 && lateDays <= LATE_DAYS_MAX, prefix + "lateDays",
                "must be from 1 to " + LATE_DAYS_MAX + ": " + lateDays);
        require(problems, earliestPayDay >= 1 && earliestPayDay <= lateDays + 1, prefix + "earliestPayDay",
                "must be from 1 to lateDays + 1 (" + (lateDays + 1) + "): " + earliestPayDay);
        require(problems, capPpm >= 1 && capPpm <= CAP_PPM_MAX, prefix + "cap",
                "must be more than 0 and at most 100 times the points: " + capPpm + " ppm");
        require(problems, periodsMax >= 1 && periodsMax <= PERIODS_MAX, prefix + "periodsMax",
                "must be from 1 to " + PERIODS_MAX + ": " + periodsMax);
        if (rates == null) {
            problems.add(new GreenRuleProblem(prefix + "rate", "is required"));
        } else if (periodsMax >= 1 && periodsMax <= PERIODS_MAX) {
            problems.addAll(rates.problems(prefix, periodsMax));
        }
        return problems;
    }

    private static void require(List<GreenRuleProblem> problems, boolean valid, String field, String message) {
        if (!valid) {
            problems.add(new GreenRuleProblem(field, message));
        }
    }
}

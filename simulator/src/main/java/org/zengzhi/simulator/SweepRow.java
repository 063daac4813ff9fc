package org.zengzhi.simulator;

import java.util.Map;

import org.zengzhi.engine.Units;

/**
 * One combination of a sweep and what it gave: the final price, the pool cash left and the platform's revenue
 * (medians over paths); the share of consumers who ever exited (in thousandths of a percent) and what the pool
 * paid back per 100.00 spent (all paths together). A combination the plan rules refuse carries the reason instead.
 */
public record SweepRow(Map<String, String> values, String refused, long finalPrice, long exitedMilliPercent,
        long paidBackPerHundredFen, long poolCashFen, long platformFen) {

    public static SweepRow refused(Map<String, String> values, String reason) {
        return new SweepRow(values, reason, 0, 0, 0, 0, 0);
    }

    public static SweepRow of(Map<String, String> values, SimulationResult result) {
        long users = 0;
        long exited = 0;
        long spend = 0;
        long paidBack = 0;
        for (int month = 0; month < result.months(); month++) {
            users += result.cohortTotal(month, PathResult.COHORT_USERS);
            exited += result.cohortTotal(month, PathResult.COHORT_EXITED);
            spend += result.cohortTotal(month, PathResult.COHORT_SPEND);
            paidBack += result.cohortTotal(month, PathResult.COHORT_PAID_BACK);
        }
        int last = result.months() - 1;
        return new SweepRow(values, null, result.percentile(Series.PRICE, last, 50),
                users == 0 ? 0 : (exited * 100_000 + users / 2) / users,
                spend == 0 ? 0 : CohortRow.perHundred(paidBack, spend),
                result.medianClass(ParticipantClass.POOL, false), result.medianClass(ParticipantClass.PLATFORM, false));
    }

    /** The share who ever exited, in percent with 3 decimals (8 of 17,000 is 0.047, not 0.0). */
    String exitedShare() {
        return Units.format(exitedMilliPercent, 3);
    }

    String[] metrics() {
        if (refused != null) {
            return new String[] { "", "", "", "", "", refused };
        }
        return new String[] { Units.format(finalPrice, 4), exitedShare(), Units.formatFen(paidBackPerHundredFen),
            Units.formatFen(poolCashFen), Units.formatFen(platformFen), "" };
    }

    static final String[] METRICS = { "final_price_p50", "share_ever_exited_percent", "paid_back_per_100_spent",
        "pool_cash_end_cny", "platform_cny", "refused_because" };
}

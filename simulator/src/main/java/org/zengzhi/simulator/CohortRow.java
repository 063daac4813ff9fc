package org.zengzhi.simulator;

import java.math.BigInteger;

import org.zengzhi.engine.Units;

/**
 * One line of the cohort table: consumers who joined in {@code month}, summed over paths, and the median
 * path's price at joining with the new consumption their exit would need from there ({@link ExitNeed#NEVER},
 * {@link ExitNeed#BEYOND}). A cohort nobody joined has no price at joining and no exit figures.
 */
public record CohortRow(int month, long users, long exited, int medianMonthsToExit, long spendFen, long paidBackFen,
        long joinPrice, long exitPrice, long consumptionNeededFen) {
    private static final BigInteger PPM_SQUARED = BigInteger.valueOf(1_000_000_000_000L);

    static CohortRow of(SimulationResult result, int month, long sharePpm) {
        long users = result.cohortTotal(month, PathResult.COHORT_USERS);
        long[] needed = new long[result.paths().size()];
        for (int i = 0; i < needed.length; i++) {
            PathResult path = result.paths().get(i);
            long contributions = ExitNeed.contributionsNeeded(result.scenario().plan().pool(), sharePpm,
                    path.series(Series.POOL_CASH)[month], path.series(Series.CIRCULATING_POINTS)[month],
                    path.priceAtMonthEnd()[month][0], path.priceAtMonthEnd()[month][1]);
            // The two sentinels sort above every amount, "never" above "beyond the estimate".
            needed[i] = contributions == ExitNeed.NEVER ? Long.MAX_VALUE : contributions == ExitNeed.BEYOND
                    ? Long.MAX_VALUE - 1 : org.zengzhi.engine.Exact.mulDivFloor(contributions, 1_000_000, sharePpm);
        }
        long median = Simulation.percentile(needed, 50);
        long joinPrice = result.percentile(Series.PRICE, month, 50);
        long exitPrice = exitPrice(result, month, joinPrice, sharePpm);
        return new CohortRow(month, users, result.cohortTotal(month, PathResult.COHORT_EXITED),
                result.medianMonthsToExit(month), result.cohortTotal(month, PathResult.COHORT_SPEND),
                result.cohortTotal(month, PathResult.COHORT_PAID_BACK), joinPrice, exitPrice,
                median == Long.MAX_VALUE ? ExitNeed.NEVER : median == Long.MAX_VALUE - 1 ? ExitNeed.BEYOND : median);
    }

    /**
     * The price the cohort's exit needs, k/(s·α) times the median path's price at joining, ×10⁴ rounded half up
     * . It is taken from that path's exact month-end price pair, not from the join price already
     * rounded to 4 decimals, which multiplied by k/(s·α) could be off in the last place.
     */
    static long exitPrice(SimulationResult result, int month, long joinPrice, long sharePpm) {
        if (sharePpm == 0) {
            return 0;
        }
        org.zengzhi.engine.PoolRules rules = result.scenario().plan().pool();
        BigInteger divisor = BigInteger.valueOf(rules.exitMultipleDenominator()).multiply(BigInteger.valueOf(sharePpm))
                .multiply(BigInteger.valueOf(rules.mintRatioPpm()));
        BigInteger multiple = BigInteger.valueOf(rules.exitMultipleNumerator()).multiply(PPM_SQUARED);
        for (PathResult path : result.paths()) {
            long[] pair = path.priceAtMonthEnd()[month];
            if (path.series(Series.PRICE)[month] == joinPrice && pair[1] > 0) {
                // price ×10⁴ = cash fen × 10⁸ / points micro
                return halfUp(BigInteger.valueOf(pair[0]).multiply(BigInteger.valueOf(100_000_000L)).multiply(multiple),
                        BigInteger.valueOf(pair[1]).multiply(divisor));
            }
        }
        return halfUp(BigInteger.valueOf(joinPrice).multiply(multiple), divisor);
    }

    private static long halfUp(BigInteger numerator, BigInteger denominator) {
        return numerator.shiftLeft(1).add(denominator).divide(denominator.shiftLeft(1)).longValueExact();
    }

    /** Share of the cohort who ever exited ({@link #share}). */
    String exitedShare() {
        return users == 0 ? "" : share(exited, users);
    }

    /**
     * {@code part} of {@code whole} as a percentage rounded half up: 1 decimal from 1% up, 3 below, so a few
     * exits among many consumers never read as 0.0%.
     */
    public static String share(long part, long whole) {
        if (part == 0) {
            return "0%";
        }
        long thousandths = (part * 100_000 + whole / 2) / whole;
        if (thousandths < 1000) {
            return Units.format(thousandths, 3) + "%";
        }
        return Units.format((part * 1000 + whole / 2) / whole, 1) + "%";
    }

    /**
     * The new consumption needed as the report writes it: an amount, "never" or "more than 10^16" (from 10¹⁶ CNY
     * up, so an amount the estimate gave up on never reads as less than one it counted to the end).
     */
    static String needed(long consumptionNeededFen) {
        return consumptionNeededFen == ExitNeed.NEVER ? "never"
                : consumptionNeededFen == ExitNeed.BEYOND || consumptionNeededFen >= NEEDED_SHOWN_MAX_FEN
                        ? "more than 10^16" : Units.formatFen(consumptionNeededFen);
    }

    /** 10¹⁶ CNY in fen: needs from here up are written "more than 10^16". */
    static final long NEEDED_SHOWN_MAX_FEN = 1_000_000_000_000_000_000L;

    /** Paid back per 100.00 spent. */
    String paidBackPerHundred() {
        return spendFen == 0 ? "" : Units.formatFen(perHundred(paidBackFen, spendFen));
    }

    /** {@code paidFen} per 100.00 of {@code spentFen}, in fen, rounded half up. */
    public static long perHundred(long paidFen, long spentFen) {
        return java.math.BigInteger.valueOf(paidFen).multiply(java.math.BigInteger.valueOf(20_000))
                .add(java.math.BigInteger.valueOf(spentFen)).divide(java.math.BigInteger.valueOf(2 * spentFen)).longValueExact();
    }

    String[] csv() {
        return new String[] { Integer.toString(month), Long.toString(users), Long.toString(exited), exitedShare(),
                medianMonthsToExit < 0 ? "" : Integer.toString(medianMonthsToExit), Units.formatFen(spendFen),
                Units.formatFen(paidBackFen), paidBackPerHundred(), users == 0 ? "" : Units.format(joinPrice, 4),
                users == 0 ? "" : Units.format(exitPrice, 4), users == 0 ? "" : needed(consumptionNeededFen) };
    }

    static final String[] HEADER = { "cohort_month", "consumers", "ever_exited", "share_ever_exited",
        "median_months_to_exit", "spent_cny", "paid_back_cny", "paid_back_per_100_spent", "median_price_at_joining",
        "exit_price_needed", "new_consumption_needed_cny" };

    /** A cell of the cohort table as the report shows it: the words "never" and "more than 10^16" in the language. */
    static String cell(String csv, ReportLanguage lang) {
        return lang == ReportLanguage.EN ? csv : switch (csv) {
            case "never" -> "永不";
            case "more than 10^16" -> "超过 10^16";
            default -> csv;
        };
    }
}

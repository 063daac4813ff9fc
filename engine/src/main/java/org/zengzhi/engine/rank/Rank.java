package org.zengzhi.engine.rank;

/**
 * One rung of a promoter ladder (SPEC ), as data. Rates are in ppm, money in fen.
 *
 * @param name                the rank's name as promoters see it (初级商务, 团队长, …)
 * @param personalRatePpm     personal commission (业绩提成): ⌊metric·rate⌋ of the promoter's own month
 * @param coachingRatePpm     coaching commission (辅导提成) offered up the coach chain by each promoter
 *                            whose direct coach holds this rank
 * @param fixedSubsidyFen     paid in every month the rank is held (固定补贴)
 * @param rewardSubsidyFen    paid in each month whose metric reaches {@code rewardTargetFen} (奖励补贴)
 * @param rewardTargetFen     the metric that earns the reward subsidy; 0 pays it every month held
 * @param promoteAfter        the condition on the promoter's own metric to enter this rank from the one
 *                            below; null when only the team thresholds decide, and for the first rank
 * @param demoteAfter         the condition to leave this rank for the one below; null for none
 * @param teamSizeAtLeast     promoters in the coach subtree needed to enter this rank (0: no threshold)
 * @param teamSalesAtLeastFen the coach subtree's metric in the month needed to enter (0: no threshold)
 */
public record Rank(String name, long personalRatePpm, long coachingRatePpm, long fixedSubsidyFen,
        long rewardSubsidyFen, long rewardTargetFen, PromoteAfter promoteAfter, DemoteAfter demoteAfter,
        int teamSizeAtLeast, long teamSalesAtLeastFen) {

    /**
     * Promotion into a rank after {@code months} consecutive months (at the rank below) with a metric of at
     * least {@code atLeastFen}, or at once after one month of at least {@code orOneMonthFen} (0: no such
     * shortcut). Effective from the next month.
     */
    public record PromoteAfter(int months, long atLeastFen, long orOneMonthFen) {
    }

    /** Demotion one rank after {@code months} consecutive months with a metric below {@code belowFen}. */
    public record DemoteAfter(int months, long belowFen) {
    }

    /** A rank with commissions only: no subsidies, no conditions (the first rank of a ladder, typically). */
    public static Rank entry(String name, long personalRatePpm, long coachingRatePpm) {
        return new Rank(name, personalRatePpm, coachingRatePpm, 0, 0, 0, null, null, 0, 0);
    }

    /** A rank entered on team thresholds alone, paying nothing at the monthly close. */
    public static Rank byTeam(String name, int teamSizeAtLeast, long teamSalesAtLeastFen) {
        return new Rank(name, 0, 0, 0, 0, 0, null, null, teamSizeAtLeast, teamSalesAtLeastFen);
    }

    /** Whether entering this rank asks anything of the promoter's team. */
    boolean hasTeamThreshold() {
        return teamSizeAtLeast > 0 || teamSalesAtLeastFen > 0;
    }
}

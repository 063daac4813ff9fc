package org.zengzhi.engine.rank;

import java.util.List;
import java.util.Set;

import org.zengzhi.engine.Limits;
import org.zengzhi.engine.PlanError;

/** The checks on one rank of a ladder; field names are the plan file's keys under {@code promoters}. */
final class RankCheck {
    private RankCheck() {
    }

    static void check(Rank rank, String at, boolean first, Set<String> names, List<PlanError> errors) {
        if (rank.name() == null || rank.name().isBlank()) {
            errors.add(new PlanError(at + "name", "is required"));
        } else if (!names.add(rank.name())) {
            errors.add(new PlanError(at + "name", "\"" + rank.name() + "\" names an earlier rank too"));
        }
        rate(rank.personalRatePpm(), at + "personal", errors);
        rate(rank.coachingRatePpm(), at + "coaching", errors);
        money(rank.fixedSubsidyFen(), Limits.AMOUNT_FEN_MAX, at + "fixedSubsidy", errors);
        money(rank.rewardSubsidyFen(), Limits.AMOUNT_FEN_MAX, at + "rewardSubsidy", errors);
        money(rank.rewardTargetFen(), PromoterBoard.METRIC_FEN_MAX, at + "target", errors);
        if (rank.rewardTargetFen() > 0 && rank.rewardSubsidyFen() == 0) {
            errors.add(new PlanError(at + "target", "is set but there is no rewardSubsidy to earn"));
        }
        if (rank.teamSizeAtLeast() < 0 || rank.teamSizeAtLeast() > PromoterBoard.PROMOTERS_MAX) {
            errors.add(new PlanError(at + "teamSizeAtLeast", "must be from 0 to " + PromoterBoard.PROMOTERS_MAX));
        }
        money(rank.teamSalesAtLeastFen(), Long.MAX_VALUE, at + "teamSalesAtLeast", errors);
        if (first) {
            checkFirst(rank, at, errors);
        } else {
            checkHigher(rank, at, errors);
        }
    }

    /** Every promoter starts at the first rank and nothing lies below it. */
    private static void checkFirst(Rank rank, String at, List<PlanError> errors) {
        if (rank.promoteAfter() != null) {
            errors.add(new PlanError(at + "promoteAfter", "must be absent: every promoter starts at the first rank"));
        }
        if (rank.demoteAfter() != null) {
            errors.add(new PlanError(at + "demoteAfter", "must be absent: there is no rank below the first"));
        }
        if (rank.hasTeamThreshold()) {
            errors.add(new PlanError(at + "teamSizeAtLeast", "and teamSalesAtLeast must be absent on the first rank"));
        }
    }

    private static void checkHigher(Rank rank, String at, List<PlanError> errors) {
        Rank.PromoteAfter promote = rank.promoteAfter();
        if (promote == null && !rank.hasTeamThreshold()) {
            errors.add(new PlanError(at + "promoteAfter",
                    "is required (or teamSizeAtLeast / teamSalesAtLeast): nobody could reach this rank"));
        }
        if (promote != null) {
            months(promote.months(), at + "promoteAfter.months", errors);
            positive(promote.atLeastFen(), at + "promoteAfter.atLeast", errors);
            if (promote.orOneMonthFen() != 0 && promote.orOneMonthFen() < promote.atLeastFen()) {
                errors.add(new PlanError(at + "promoteAfter.orOneMonth", "must be absent or at least atLeast"));
            }
            money(promote.orOneMonthFen(), PromoterBoard.METRIC_FEN_MAX, at + "promoteAfter.orOneMonth", errors);
        }
        Rank.DemoteAfter demote = rank.demoteAfter();
        if (demote != null) {
            months(demote.months(), at + "demoteAfter.months", errors);
            positive(demote.belowFen(), at + "demoteAfter.below", errors);
        }
    }

    private static void rate(long ppm, String field, List<PlanError> errors) {
        if (ppm < 0 || ppm > Limits.PPM) {
            errors.add(new PlanError(field, "must be a rate from 0% to 100%"));
        }
    }

    private static void money(long fen, long max, String field, List<PlanError> errors) {
        if (fen < 0 || fen > max) {
            errors.add(new PlanError(field, "must be from 0 to " + max + " fen"));
        }
    }

    private static void positive(long fen, String field, List<PlanError> errors) {
        if (fen <= 0 || fen > PromoterBoard.METRIC_FEN_MAX) {
            errors.add(new PlanError(field, "must be above 0 and at most " + PromoterBoard.METRIC_FEN_MAX + " fen"));
        }
    }

    private static void months(int months, String field, List<PlanError> errors) {
        if (months < 1 || months > RankLadder.STREAK_MONTHS_MAX) {
            errors.add(new PlanError(field, "must be from 1 to " + RankLadder.STREAK_MONTHS_MAX));
        }
    }
}

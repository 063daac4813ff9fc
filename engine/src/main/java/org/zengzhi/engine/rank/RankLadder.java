package org.zengzhi.engine.rank;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.zengzhi.engine.Limits;
import org.zengzhi.engine.PlanError;

/**
 * A promoter ladder, lowest rank first, with the own metric at which a coach takes the whole coaching offered
 * ({@code coachFullAtFen}, issue 17's 10,000.00) and the share of promoters, by promoted sales, that shares a
 * yearly equity pool ({@code equityTopPpm}, seed 000's top 10%; 0 for none). A ladder that exists is valid:
 * {@link #check} lists what is wrong with one, naming each field as a plan file spells it.
 */
public record RankLadder(List<Rank> ranks, long coachFullAtFen, long equityTopPpm) {
    /** A ladder longer than this is a typing error, not a business: both seeds have two to four ranks. */
    public static final int RANKS_MAX = 16;
    /** Longest streak a promotion or demotion can ask for: two years. */
    public static final int STREAK_MONTHS_MAX = 24;
    /** Issue 17: a coach takes the whole coaching offered from an own month of 10,000.00 on. */
    public static final long COACH_FULL_AT_FEN_DEFAULT = 1_000_000;

    public RankLadder {
        ranks = List.copyOf(ranks);
        List<PlanError> errors = check(ranks, coachFullAtFen, equityTopPpm);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(errors.stream().map(PlanError::toString)
                    .collect(Collectors.joining("; ")));
        }
    }

    public Rank rank(int index) {
        return ranks.get(index);
    }

    public int size() {
        return ranks.size();
    }

    /** Every reason the ladder is refused, in field order; empty when it is valid. */
    public static List<PlanError> check(List<Rank> ranks, long coachFullAtFen, long equityTopPpm) {
        List<PlanError> errors = new ArrayList<>();
        if (ranks.isEmpty() || ranks.size() > RANKS_MAX) {
            errors.add(new PlanError("ranks", "must list 1 to " + RANKS_MAX + " ranks, lowest first"));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < ranks.size(); i++) {
            RankCheck.check(ranks.get(i), "ranks[" + i + "].", i == 0, names, errors);
        }
        if (coachFullAtFen <= 0 || coachFullAtFen > PromoterBoard.METRIC_FEN_MAX) {
            errors.add(new PlanError("coachFullAt", "must be above 0 and at most "
                    + PromoterBoard.METRIC_FEN_MAX + " fen"));
        }
        if (equityTopPpm < 0 || equityTopPpm > Limits.PPM) {
            errors.add(new PlanError("equityTop", "must be a rate from 0% (no equity pool) to 100%"));
        }
        return errors;
    }
}

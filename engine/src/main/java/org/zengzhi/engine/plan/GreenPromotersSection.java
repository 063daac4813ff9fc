package org.zengzhi.engine.plan;

import org.zengzhi.engine.PlanError;
import java.util.ArrayList;
import java.util.List;

import org.zengzhi.engine.rank.Rank;
import org.zengzhi.engine.rank.RankLadder;
import org.zengzhi.engine.rank.ShippedLadders;

/**
 * Reads a plan's {@code promoters} section (issue 17, deliver 3; ): the promoter ladder of the green-points
 * model, ranks lowest first, as data. Without the section a green-points plan takes seed 003's ladder
 * ({@link ShippedLadders#GREEN_POINTS}); without green points the section is refused, as nothing would use it.
 */
final class GreenPromotersSection {
    private static final String SECTION = "promoters";

    private GreenPromotersSection() {
    }

    /** The ladder, or null without green points or when the section has errors (then reported). */
    static RankLadder read(PlanFields root, boolean greenPoints) {
        if (!root.has(SECTION)) {
            return greenPoints ? ShippedLadders.GREEN_POINTS : null;
        }
        PlanFields fields = root.section(SECTION);
        if (!greenPoints) {
            fields.error(fields.path(), "needs a greenPoints section: only the green-points model pays promoters here");
            return null;
        }
        long coachFullAt = fields.fen("coachFullAt", RankLadder.COACH_FULL_AT_FEN_DEFAULT);
        List<PlanFields> items = fields.list("ranks");
        List<Rank> ranks = items == null ? ShippedLadders.GREEN_POINTS.ranks() : readRanks(items);
        fields.rejectUnknownKeys();
        if (fields.anyFailed(fields.path())) {
            return null;
        }
        List<PlanError> errors = RankLadder.check(ranks, coachFullAt, 0);
        for (PlanError error : errors) {
            fields.error(fields.field(error.field()), error.message());
        }
        return errors.isEmpty() ? new RankLadder(ranks, coachFullAt, 0) : null;
    }

    private static List<Rank> readRanks(List<PlanFields> items) {
        List<Rank> ranks = new ArrayList<>();
        for (PlanFields item : items) {
            String name = item.text("name", "");
            long personal = item.rate("personal", 0);
            long coaching = item.rate("coaching", 0);
            long fixedSubsidy = item.fen("fixedSubsidy", 0);
            long rewardSubsidy = item.fen("rewardSubsidy", 0);
            long target = item.fen("target", 0);
            Rank.PromoteAfter promote = promoteAfter(item);
            Rank.DemoteAfter demote = demoteAfter(item);
            item.rejectUnknownKeys();
            ranks.add(new Rank(name, personal, coaching, fixedSubsidy, rewardSubsidy, target, promote, demote, 0, 0));
        }
        return ranks;
    }

    private static Rank.PromoteAfter promoteAfter(PlanFields item) {
        if (!item.has("promoteAfter")) {
            return null;
        }
        PlanFields fields = item.section("promoteAfter");
        Rank.PromoteAfter promote = new Rank.PromoteAfter(fields.whole("months", 1, RankLadder.STREAK_MONTHS_MAX),
                fields.fen("atLeast", 0), fields.fen("orOneMonth", 0));
        fields.rejectUnknownKeys();
        return promote;
    }

    private static Rank.DemoteAfter demoteAfter(PlanFields item) {
        if (!item.has("demoteAfter")) {
            return null;
        }
        PlanFields fields = item.section("demoteAfter");
        Rank.DemoteAfter demote = new Rank.DemoteAfter(fields.whole("months", 1, RankLadder.STREAK_MONTHS_MAX),
                fields.fen("below", 0));
        fields.rejectUnknownKeys();
        return demote;
    }
}

package org.zengzhi.engine.rank;

import java.time.YearMonth;
import java.util.List;

/**
 * A closed month: one row per promoter appointed by then, in appointment order; their teams in the same
 * order; and the coaching no coach took, which stays with whoever funds the commissions (the settlement
 * centre in seed 003).
 */
public record MonthClose(YearMonth month, List<PromoterMonth> promoters, List<TeamFigures> teams,
        long untakenFen) implements MonthOutcome {

    public MonthClose {
        promoters = List.copyOf(promoters);
        teams = List.copyOf(teams);
    }
}

package org.zengzhi.engine.party;

import java.util.List;

/** What a month's close did (issue 18 rules 4, 5 and 9): bonuses, penalties, the burn and the month's P&L. */
public record MonthClose(List<BaselineBonus> bonuses, List<RatingPenalty> penalties, BurnReport burn, PartyPnl pnl) {

    /** A supplier's 5% of its settled sales above its baseline (增量奖励), paid from the platform. */
    public record BaselineBonus(int supplier, long salesFen, long baselineFen, long bonusFen, long receivableRepaidFen) {
    }

    /** A product whose month's average rating fell below the minimum, and the deposit it cost its supplier. */
    public record RatingPenalty(int product, int supplier, long ratingSumCenti, long ratings, long penaltyFen) {
    }

    public MonthClose {
        bonuses = List.copyOf(bonuses);
        penalties = List.copyOf(penalties);
    }
}

package org.zengzhi.engine.rank;

import java.util.List;

/** The ladders the seeds describe, as docs/ranks.md reads them. */
public final class ShippedLadders {
    /**
     * Seed 003 (我店), issue 17 rule 7: 初级商务 (personal 6%, coaching 1%) and 见习商务专员 (personal 5%,
     * coaching 1%, fixed subsidy 2,400.00 a month, reward subsidy 1,600.00 in a month of at least
     * 30,000.00; entered after 3 consecutive months of at least 30,000.00 or one of 100,000.00; left after
     * 2 consecutive months below 30,000.00). A coach takes the whole coaching from 10,000.00 of its own.
     */
    public static final RankLadder GREEN_POINTS = new RankLadder(List.of(
            Rank.entry("初级商务", 60_000, 10_000),
            new Rank("见习商务专员", 50_000, 10_000, 240_000, 160_000, 3_000_000,
                    new Rank.PromoteAfter(3, 3_000_000, 10_000_000), new Rank.DemoteAfter(2, 3_000_000), 0, 0)),
            RankLadder.COACH_FULL_AT_FEN_DEFAULT, 0);

    /**
     * Seed 000 (四方共赢), issue 18 rule 8: 推广者 → 团队长 → 区域合伙人 → 城市代理, entered on the month's
     * team (promoters in the coach subtree, and their promoted sales in the month): 5 and 50,000.00, 30
     * and 300,000.00, 150 and 1,500,000.00 — our reading, scaled on the seed's single city of 200 promoters
     * and 1,500,000.00 a month, where one city agent leads most of the city. The ranks pay nothing at the
     * close: the four-party model pays the commission and the team allowance per order at settlement (issue
     * 18 rule 2), so paying them here too would pay twice. The top 10% by promoted sales share the equity
     * pool at the year's close.
     */
    public static final RankLadder FOUR_PARTY = new RankLadder(List.of(
            Rank.entry("推广者", 0, 0),
            Rank.byTeam("团队长", 5, 5_000_000),
            Rank.byTeam("区域合伙人", 30, 30_000_000),
            Rank.byTeam("城市代理", 150, 150_000_000)),
            RankLadder.COACH_FULL_AT_FEN_DEFAULT, 100_000);

    private ShippedLadders() {
    }
}

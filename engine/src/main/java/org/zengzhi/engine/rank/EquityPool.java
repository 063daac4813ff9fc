package org.zengzhi.engine.rank;

import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.zengzhi.engine.Exact;
import org.zengzhi.engine.Limits;

/**
 * The yearly equity pool of seed 000 (Top 10%推广者可获平台虚拟股). Our reading, exactly: the promoters are
 * those appointed by the year's December; the top count is ⌈promoters·equityTop⌉ (so a board of fewer than
 * ten promoters still has its best one); the threshold is the sales of the promoter at that place when all
 * are sorted by the year's promoted sales, highest first; every promoter with sales at or above the threshold
 * is at the top — ties at the threshold all share, so the top may hold more than the count — and nobody
 * without sales is. Each one's share is ⌊pool·sales / top sales⌋; the dust is returned.
 */
final class EquityPool {
    private EquityPool() {
    }

    static RankRejection problem(PromoterBoard board, Year year, long poolFen) {
        if (board.ladder.equityTopPpm() == 0) {
            return new RankRejection(RankRejectionCode.NO_EQUITY_POOL, "year");
        }
        if (poolFen < 0 || poolFen > Limits.AMOUNT_FEN_MAX) {
            return new RankRejection(RankRejectionCode.INVALID_POOL, "poolFen");
        }
        if (year == null || !Months.validYear(year.getValue())) {
            return new RankRejection(RankRejectionCode.INVALID_MONTH, "year");
        }
        int value = year.getValue();
        if (board.nextToClose == Months.NONE || value < Months.yearOf(board.appointed[0])) {
            return new RankRejection(RankRejectionCode.NOTHING_TO_CLOSE, "year");
        }
        return orderProblem(board, value);
    }

    private static RankRejection orderProblem(PromoterBoard board, int year) {
        if (year <= board.lastClosedYear) {
            return new RankRejection(RankRejectionCode.YEAR_ALREADY_CLOSED, "year");
        }
        if (board.nextToClose <= Months.december(year)) {
            return new RankRejection(RankRejectionCode.YEAR_NOT_ENDED, "year");
        }
        if (board.salesYear[year % PromoterBoard.YEARS_KEPT] != year) {
            return new RankRejection(RankRejectionCode.YEAR_EXPIRED, "year");
        }
        int before = year - 1;
        if (before > board.lastClosedYear && board.salesYear[before % PromoterBoard.YEARS_KEPT] == before) {
            return new RankRejection(RankRejectionCode.YEAR_OUT_OF_ORDER, "year");
        }
        return null;
    }

    static YearClose split(PromoterBoard board, int year, long poolFen) {
        int promoters = 0;
        while (promoters < board.count && board.appointed[promoters] <= Months.december(year)) {
            promoters++;
        }
        long[] sales = new long[promoters];
        for (int slot = 0; slot < promoters; slot++) {
            sales[slot] = board.yearSales[slot * PromoterBoard.YEARS_KEPT + year % PromoterBoard.YEARS_KEPT];
        }
        long threshold = threshold(sales, board.ladder.equityTopPpm());
        long topSales = 0;
        for (long own : sales) {
            topSales += own >= threshold ? own : 0;
        }
        List<EquityShare> shares = new ArrayList<>();
        long paid = 0;
        for (int slot = 0; slot < promoters && topSales > 0; slot++) {
            if (sales[slot] >= threshold) {
                long share = Exact.mulDivFloor(poolFen, sales[slot], topSales);
                shares.add(new EquityShare(board.user[slot], sales[slot], share));
                paid += share;
            }
        }
        return new YearClose(Year.of(year), poolFen, promoters, topSales > 0 ? threshold : 0, shares, poolFen - paid);
    }

    /** The sales at the last place of the top (at least 1 fen: no sales is never the top). */
    static long threshold(long[] sales, long topPpm) {
        int n = sales.length;
        int top = (int) ((n * topPpm + Limits.PPM - 1) / Limits.PPM);
        if (top == 0) {
            return Long.MAX_VALUE;
        }
        long[] sorted = sales.clone();
        Arrays.sort(sorted);
        return Math.max(1, sorted[n - top]);
    }
}

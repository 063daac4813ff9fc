package org.zengzhi.engine.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zengzhi.engine.rank.Boards.add;
import static org.zengzhi.engine.rank.Boards.appoint;
import static org.zengzhi.engine.rank.Boards.close;
import static org.zengzhi.engine.rank.Boards.row;

import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Seed 003's promoter ranks as issue 17 rule 7 reads them, on the shipped ladder: personal
 * commission, coaching passed up the coach chain, promotion, demotion and subsidies. Money in fen.
 */
class GreenPointsRankGoldenTest {
    private static final String JUNIOR = "初级商务";
    private static final String TRAINEE = "见习商务专员";
    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static final int TOP = 1;
    private static final int COACH = 2;
    private static final int PROMOTER = 3;

    private final PromoterBoard board = new PromoterBoard(ShippedLadders.GREEN_POINTS);

    private void chain(YearMonth month) {
        appoint(board, TOP, PromoterBoard.NO_COACH, month);
        appoint(board, COACH, TOP, month);
        appoint(board, PROMOTER, COACH, month);
    }

    @Test
    void coachWithSixThousandTakesSixtyPercentOfTheOfferedOnePercentAndPassesFortyUp() {
        chain(MARCH);
        add(board, PROMOTER, MARCH, 10_000_000);
        add(board, COACH, MARCH, 600_000);
        add(board, TOP, MARCH, 2_000_000);

        MonthClose close = close(board, MARCH);

        // Offered on 100,000.00: 1,000.00. The coach takes 600.00 and offers 400.00 to the top, who has a
        // full month and takes it all, plus the whole 60.00 offered on the coach's own 6,000.00.
        assertThat(row(close, COACH).coachingFen()).isEqualTo(60_000);
        assertThat(row(close, TOP).coachingFen()).isEqualTo(40_000 + 6_000);
        assertThat(row(close, PROMOTER).coachingFen()).isZero();
        assertThat(close.untakenFen()).isZero();
    }

    @Test
    void whatNoCoachTakesIsUntaken() {
        chain(MARCH);
        add(board, PROMOTER, MARCH, 10_000_000);
        add(board, COACH, MARCH, 600_000);
        add(board, TOP, MARCH, 200_000);

        MonthClose close = close(board, MARCH);

        // The top's 2,000.00 earns 20% of what reaches it: 80.00 of 400.00 and 12.00 of 60.00.
        assertThat(row(close, COACH).coachingFen()).isEqualTo(60_000);
        assertThat(row(close, TOP).coachingFen()).isEqualTo(8_000 + 1_200);
        assertThat(close.untakenFen()).isEqualTo(32_000 + 4_800);
    }

    @Test
    void aCoachWithoutOwnMetricTakesNothingAndATopCoachPassesNothingFurther() {
        appoint(board, COACH, PromoterBoard.NO_COACH, MARCH);
        appoint(board, PROMOTER, COACH, MARCH);
        add(board, PROMOTER, MARCH, 5_000_000);

        MonthClose close = close(board, MARCH);

        assertThat(row(close, COACH).coachingFen()).isZero();
        assertThat(close.untakenFen()).isEqualTo(50_000);
    }

    @Test
    void theRowsCarryTheEventsFieldsWithPersonalCommissionAtTheRankHeld() {
        chain(MARCH);
        add(board, PROMOTER, MARCH, 1_234_567);

        MonthClose close = close(board, MARCH);

        assertThat(close.promoters()).extracting(PromoterMonth::user).containsExactly(TOP, COACH, PROMOTER);
        assertThat(row(close, PROMOTER)).isEqualTo(new PromoterMonth(PROMOTER, MARCH, JUNIOR, 1_234_567,
                74_074, 0, 0, JUNIOR));
        assertThat(row(close, TOP)).isEqualTo(new PromoterMonth(TOP, MARCH, JUNIOR, 0, 0, 0, 0, JUNIOR));
    }

    @Test
    void promotedAfterThreeMonthsOfThirtyThousandEffectiveTheNextMonth() {
        appoint(board, PROMOTER, PromoterBoard.NO_COACH, YearMonth.of(2026, 1));
        List<String> next = monthsOf(3_000_000, 3_000_000, 3_000_000, 3_000_000);

        assertThat(next).containsExactly(JUNIOR + ">" + JUNIOR, JUNIOR + ">" + JUNIOR, JUNIOR + ">" + TRAINEE,
                TRAINEE + ">" + TRAINEE);
    }

    @Test
    void aMonthBelowThirtyThousandStartsTheStreakAgain() {
        appoint(board, PROMOTER, PromoterBoard.NO_COACH, YearMonth.of(2026, 1));
        List<String> next = monthsOf(3_000_000, 2_999_999, 3_000_000, 3_000_000, 3_000_000);

        assertThat(next).containsExactly(JUNIOR + ">" + JUNIOR, JUNIOR + ">" + JUNIOR, JUNIOR + ">" + JUNIOR,
                JUNIOR + ">" + JUNIOR, JUNIOR + ">" + TRAINEE);
    }

    @Test
    void promotedAfterOneMonthOfOneHundredThousandWithTheTraineesRatesFromTheNextMonth() {
        YearMonth january = YearMonth.of(2026, 1);
        appoint(board, PROMOTER, PromoterBoard.NO_COACH, january);
        add(board, PROMOTER, january, 10_000_000);
        assertThat(row(close(board, january), PROMOTER).nextRank()).isEqualTo(TRAINEE);
        assertThat(board.rankOf(PROMOTER).orElseThrow().name()).isEqualTo(TRAINEE);

        add(board, PROMOTER, january.plusMonths(1), 3_000_000);
        PromoterMonth february = row(close(board, january.plusMonths(1)), PROMOTER);

        // 5% of 30,000.00, and both subsidies: the month reached the 30,000.00 target.
        assertThat(february).isEqualTo(new PromoterMonth(PROMOTER, january.plusMonths(1), TRAINEE, 3_000_000,
                150_000, 0, 240_000 + 160_000, TRAINEE));
    }

    @Test
    void ninetyNineThousandInOneMonthIsNoShortcut() {
        appoint(board, PROMOTER, PromoterBoard.NO_COACH, MARCH);
        add(board, PROMOTER, MARCH, 9_999_999);

        assertThat(row(close(board, MARCH), PROMOTER).nextRank()).isEqualTo(JUNIOR);
    }

    @Test
    void aTraineeBelowTheTargetGetsTheFixedSubsidyAndIsDemotedAfterTwoMonthsBelow() {
        appoint(board, PROMOTER, PromoterBoard.NO_COACH, YearMonth.of(2026, 1));
        add(board, PROMOTER, YearMonth.of(2026, 1), 10_000_000);
        close(board, YearMonth.of(2026, 1));

        List<PromoterMonth> rows = List.of(month(2, 2_999_999), month(3, 1_000_000), month(4, 2_999_999));

        assertThat(rows).extracting(PromoterMonth::rank).containsExactly(TRAINEE, TRAINEE, JUNIOR);
        assertThat(rows).extracting(PromoterMonth::subsidyFen).containsExactly(240_000L, 240_000L, 0L);
        assertThat(rows).extracting(PromoterMonth::nextRank).containsExactly(TRAINEE, JUNIOR, JUNIOR);
        assertThat(rows.get(2).personalFen()).isEqualTo(179_999);
    }

    @Test
    void aMonthAtTheTargetBetweenTwoBelowKeepsTheRank() {
        appoint(board, PROMOTER, PromoterBoard.NO_COACH, YearMonth.of(2026, 1));
        add(board, PROMOTER, YearMonth.of(2026, 1), 10_000_000);
        close(board, YearMonth.of(2026, 1));

        List<PromoterMonth> rows = List.of(month(2, 0), month(3, 3_000_000), month(4, 0), month(5, 0));

        assertThat(rows).extracting(PromoterMonth::nextRank).containsExactly(TRAINEE, TRAINEE, TRAINEE, JUNIOR);
    }

    @Test
    void coachingIsOfferedAtTheDirectCoachsRank() {
        RankLadder ladder = new RankLadder(List.of(Rank.entry("low", 60_000, 10_000),
                new Rank("high", 50_000, 20_000, 0, 0, 0, new Rank.PromoteAfter(1, 100, 0), null, 0, 0)),
                RankLadder.COACH_FULL_AT_FEN_DEFAULT, 0);
        PromoterBoard twoRates = new PromoterBoard(ladder);
        appoint(twoRates, COACH, PromoterBoard.NO_COACH, YearMonth.of(2026, 1));
        appoint(twoRates, PROMOTER, COACH, YearMonth.of(2026, 1));
        add(twoRates, COACH, YearMonth.of(2026, 1), 1_000_000);
        close(twoRates, YearMonth.of(2026, 1));
        add(twoRates, COACH, MARCH.minusMonths(1), 1_000_000);
        add(twoRates, PROMOTER, MARCH.minusMonths(1), 1_000_000);

        MonthClose february = close(twoRates, MARCH.minusMonths(1));

        // The coach holds "high" (2%), the promoter still "low" (1%): the offer follows the coach.
        assertThat(row(february, COACH).rank()).isEqualTo("high");
        assertThat(row(february, PROMOTER).rank()).isEqualTo("low");
        assertThat(row(february, COACH).coachingFen()).isEqualTo(20_000);
    }

    /** Closes 2026's months from January with the promoter's metrics; each row as "rank>nextRank". */
    private List<String> monthsOf(long... metrics) {
        return java.util.stream.IntStream.range(0, metrics.length)
                .mapToObj(i -> month(i + 1, metrics[i]))
                .map(row -> row.rank() + ">" + row.nextRank())
                .toList();
    }

    private PromoterMonth month(int month, long metricFen) {
        YearMonth closing = YearMonth.of(2026, month);
        if (metricFen > 0) {
            add(board, PROMOTER, closing, metricFen);
        }
        return row(close(board, closing), PROMOTER);
    }
}

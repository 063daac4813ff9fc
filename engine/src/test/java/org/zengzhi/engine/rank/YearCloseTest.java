package org.zengzhi.engine.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zengzhi.engine.rank.Boards.add;
import static org.zengzhi.engine.rank.Boards.appoint;
import static org.zengzhi.engine.rank.Boards.close;
import static org.zengzhi.engine.rank.Boards.snapshot;

import java.time.Year;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

/**
 * Seed 000's equity pool at the year's close: the top ⌈10%⌉ of the promoters by the year's promoted
 * sales, ties at the threshold included and nobody without sales, share the pool pro rata, rounded down,
 * with the dust returned.
 */
class YearCloseTest {
    private static final Year Y2026 = Year.of(2026);

    private final PromoterBoard board = new PromoterBoard(ShippedLadders.FOUR_PARTY);

    /** Promoters 0, 1, … appointed in January 2026, each with its sales spread over March and November. */
    private void promoters(long... salesFen) {
        for (int user = 0; user < salesFen.length; user++) {
            appoint(board, user, PromoterBoard.NO_COACH, YearMonth.of(2026, 1));
        }
        for (int month = 1; month <= 12; month++) {
            YearMonth closing = YearMonth.of(2026, month);
            for (int user = 0; user < salesFen.length && (month == 3 || month == 11); user++) {
                long part = month == 3 ? salesFen[user] / 2 : salesFen[user] - salesFen[user] / 2;
                if (part > 0) {
                    add(board, user, closing, part);
                }
            }
            close(board, closing);
        }
    }

    private YearClose closeYear(long poolFen) {
        YearOutcome outcome = board.closeYear(Y2026, poolFen);
        assertThat(outcome).isInstanceOf(YearClose.class);
        return (YearClose) outcome;
    }

    @Test
    void twentyPromotersHaveATopOfTwoSharingProRata() {
        long[] sales = new long[20];
        for (int i = 0; i < sales.length; i++) {
            sales[i] = 1_000 * (i + 1);
        }
        sales[4] = 70_000;
        promoters(sales);

        YearClose close = closeYear(1_000_001);

        // 70,000 and 20,000 of 90,000: ⌊1,000,001·7/9⌋ = 777,778 and ⌊1,000,001·2/9⌋ = 222,222; dust 1.
        assertThat(close.promoters()).isEqualTo(20);
        assertThat(close.thresholdFen()).isEqualTo(20_000);
        assertThat(close.shares()).containsExactly(new EquityShare(4, 70_000, 777_778),
                new EquityShare(19, 20_000, 222_222));
        assertThat(close.dustFen()).isEqualTo(1);
    }

    @Test
    void fewerThanTenPromotersStillHaveTheirBestOne() {
        promoters(300, 900, 100, 0, 500);

        YearClose close = closeYear(10_000);

        assertThat(close.shares()).containsExactly(new EquityShare(1, 900, 10_000));
        assertThat(close.dustFen()).isZero();
    }

    @Test
    void tiesAtTheThresholdAllShare() {
        promoters(300, 100, 300, 50, 0, 0, 0, 0, 0, 0);

        YearClose close = closeYear(1_000);

        assertThat(close.shares()).containsExactly(new EquityShare(0, 300, 500), new EquityShare(2, 300, 500));
    }

    /**
     * Issue 18 (the year close paid 13 of 100 promoters): the reading is competition ranking. A promoter is in the
     * top 10% when fewer than ⌈promoters·10%⌉ promoters sold strictly more; with 100 promoters that is 10 places,
     * and when places 10 to 13 sold the same, all four are 10th, so 13 share. Nobody is left out by an order the
     * seed does not give, and the pool is the same whoever shares it.
     */
    @Test
    void aHundredPromotersWithFourTiedAtTenthPlacePayThirteen() {
        long[] sales = new long[100];
        for (int user = 0; user < sales.length; user++) {
            sales[user] = user < 9 ? 300_000 : user < 13 ? 150_000 : 15_000L * (user % 9 + 1);
        }
        promoters(sales);

        YearClose close = closeYear(3_300_000);

        assertThat(close.promoters()).isEqualTo(100);
        assertThat(close.thresholdFen()).isEqualTo(150_000);
        assertThat(close.shares()).hasSize(13);
        assertThat(close.shares()).extracting(EquityShare::user)
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(close.shares()).extracting(EquityShare::shareFen)
                .containsExactly(300_000L, 300_000L, 300_000L, 300_000L, 300_000L, 300_000L, 300_000L, 300_000L,
                        300_000L, 150_000L, 150_000L, 150_000L, 150_000L);
        assertThat(close.dustFen()).isZero();
    }

    /** ⌈promoters·10%⌉ rounds up: 91 promoters have 10 places, 90 have 9 (all sales distinct here). */
    @Test
    void theTopCountIsTenPercentOfThePromotersRoundedUp() {
        for (int count : new int[] {91, 90}) {
            PromoterBoard fresh = new PromoterBoard(ShippedLadders.FOUR_PARTY);
            long[] sales = new long[count];
            for (int user = 0; user < count; user++) {
                sales[user] = 1_000L * (user + 1);
            }
            assertThat(EquityPool.threshold(sales, fresh.ladder().equityTopPpm()))
                    .isEqualTo(1_000L * (count - (count == 91 ? 10 : 9) + 1));
        }
    }

    @Test
    void nobodyWithoutSalesIsAtTheTopAndTheWholePoolReturns() {
        promoters(0, 0, 0);

        YearClose close = closeYear(5_000);

        assertThat(close.shares()).isEmpty();
        assertThat(close.thresholdFen()).isZero();
        assertThat(close.dustFen()).isEqualTo(5_000);
    }

    @Test
    void aYearClosesOnceAfterItsDecemberAndInOrder() {
        appoint(board, 0, PromoterBoard.NO_COACH, YearMonth.of(2026, 1));
        for (int month = 1; month <= 11; month++) {
            close(board, YearMonth.of(2026, month));
        }
        assertRejected(Y2026, 0, RankRejectionCode.YEAR_NOT_ENDED);
        close(board, YearMonth.of(2026, 12));
        for (int month = 1; month <= 12; month++) {
            close(board, YearMonth.of(2027, month));
        }
        assertRejected(Year.of(2027), 0, RankRejectionCode.YEAR_OUT_OF_ORDER);
        assertRejected(Year.of(2025), 0, RankRejectionCode.NOTHING_TO_CLOSE);
        assertRejected(Y2026, -1, RankRejectionCode.INVALID_POOL);

        assertThat(board.closeYear(Y2026, 0)).isInstanceOf(YearClose.class);
        assertRejected(Y2026, 0, RankRejectionCode.YEAR_ALREADY_CLOSED);
        assertThat(board.closeYear(Year.of(2027), 0)).isInstanceOf(YearClose.class);
    }

    @Test
    void aYearNotClosedBeforeTheYearAfterNextBeginsHasExpired() {
        appoint(board, 0, PromoterBoard.NO_COACH, YearMonth.of(2026, 12));
        add(board, 0, YearMonth.of(2026, 12), 100);
        close(board, YearMonth.of(2026, 12));
        for (int month = 1; month <= 12; month++) {
            close(board, YearMonth.of(2027, month));
        }
        close(board, YearMonth.of(2028, 1));

        assertRejected(Y2026, 0, RankRejectionCode.YEAR_EXPIRED);
        assertThat(board.closeYear(Year.of(2027), 0)).isInstanceOf(YearClose.class);
    }

    @Test
    void theGreenPointsLadderHasNoEquityPool() {
        PromoterBoard green = new PromoterBoard(ShippedLadders.GREEN_POINTS);

        assertThat(green.closeYear(Y2026, 0)).isEqualTo(new RankRejection(RankRejectionCode.NO_EQUITY_POOL, "year"));
    }

    private void assertRejected(Year year, long poolFen, RankRejectionCode code) {
        byte[] before = snapshot(board);
        assertThat(board.closeYear(year, poolFen)).isInstanceOf(RankRejection.class)
                .extracting(outcome -> ((RankRejection) outcome).code()).isEqualTo(code);
        assertThat(snapshot(board)).isEqualTo(before);
    }
}

package org.zengzhi.engine.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zengzhi.engine.rank.Boards.ZONE;
import static org.zengzhi.engine.rank.Boards.add;
import static org.zengzhi.engine.rank.Boards.appoint;
import static org.zengzhi.engine.rank.Boards.close;
import static org.zengzhi.engine.rank.Boards.endOf;
import static org.zengzhi.engine.rank.Boards.snapshot;

import java.time.YearMonth;
import java.util.Optional;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every refusal of the board (issue 17 rule 7: closing twice, out of order or before the month's end; the
 * coach tree; the open months) is a value naming the parameter at fault, and leaves the board byte for byte
 * as it was.
 */
class PromoterBoardRejectionTest {
    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static final int COACH = 7;
    private static final int PROMOTER = 9;

    private final PromoterBoard board = new PromoterBoard(ShippedLadders.GREEN_POINTS);

    @BeforeEach
    void twoPromotersWithAMetric() {
        appoint(board, COACH, PromoterBoard.NO_COACH, MARCH);
        appoint(board, PROMOTER, COACH, MARCH);
        add(board, PROMOTER, MARCH, 500_000);
    }

    @Test
    void aMonthClosesOnceAtOrAfterItsEndAndInOrder() {
        assertRejected(() -> board.closeMonth(MARCH, endOf(MARCH).minusSeconds(1), ZONE),
                RankRejectionCode.MONTH_NOT_ENDED, "at");
        assertRejected(() -> board.closeMonth(MARCH.plusMonths(1), endOf(MARCH.plusMonths(1)), ZONE),
                RankRejectionCode.MONTH_OUT_OF_ORDER, "month");
        assertRejected(() -> board.closeMonth(MARCH.minusMonths(1), endOf(MARCH), ZONE),
                RankRejectionCode.NOTHING_TO_CLOSE, "month");

        close(board, MARCH);

        assertRejected(() -> board.closeMonth(MARCH, endOf(MARCH.plusMonths(1)), ZONE),
                RankRejectionCode.MONTH_ALREADY_CLOSED, "month");
        assertRejected(() -> board.closeMonth(MARCH.plusMonths(2), endOf(MARCH.plusMonths(2)), ZONE),
                RankRejectionCode.MONTH_OUT_OF_ORDER, "month");
    }

    @Test
    void theMonthsEndIsMidnightInThePlansZone() {
        // 2026-03-31T16:00Z is 2026-04-01 00:00 in Shanghai.
        assertThat(board.closeMonth(MARCH, java.time.Instant.parse("2026-03-31T16:00:00Z"), ZONE))
                .isInstanceOf(MonthClose.class);
    }

    @Test
    void anEmptyBoardHasNothingToClose() {
        PromoterBoard empty = new PromoterBoard(ShippedLadders.GREEN_POINTS);

        assertThat(empty.closeMonth(MARCH, endOf(MARCH), ZONE))
                .isEqualTo(new RankRejection(RankRejectionCode.NOTHING_TO_CLOSE, "month"));
    }

    @Test
    void appointmentsNeedAKnownCoachANewUserAndMonthOrder() {
        assertRejected(() -> board.appoint(11, 12, MARCH), RankRejectionCode.UNKNOWN_COACH, "coach");
        assertRejected(() -> board.appoint(11, 11, MARCH), RankRejectionCode.UNKNOWN_COACH, "coach");
        assertRejected(() -> board.appoint(PROMOTER, COACH, MARCH), RankRejectionCode.ALREADY_PROMOTER, "promoter");
        assertRejected(() -> board.appoint(-1, COACH, MARCH), RankRejectionCode.INVALID_USER, "promoter");
        assertRejected(() -> board.appoint(11, COACH, MARCH.minusMonths(1)),
                RankRejectionCode.APPOINTMENT_OUT_OF_ORDER, "month");
        assertRejected(() -> board.appoint(11, COACH, YearMonth.of(10_000, 1)), RankRejectionCode.INVALID_MONTH,
                "month");

        close(board, MARCH);

        assertRejected(() -> board.appoint(11, COACH, MARCH), RankRejectionCode.MONTH_CLOSED, "month");
    }

    @Test
    void theCoachChainStopsAtItsBound() {
        PromoterBoard deep = new PromoterBoard(ShippedLadders.GREEN_POINTS);
        appoint(deep, 0, PromoterBoard.NO_COACH, MARCH);
        for (int user = 1; user <= PromoterBoard.COACH_CHAIN_MAX; user++) {
            appoint(deep, user, user - 1, MARCH);
        }
        byte[] before = snapshot(deep);

        assertThat(deep.appoint(1_000, PromoterBoard.COACH_CHAIN_MAX, MARCH))
                .contains(new RankRejection(RankRejectionCode.COACH_CHAIN_TOO_DEEP, "coach"));
        assertThat(snapshot(deep)).isEqualTo(before);
    }

    @Test
    void metricsGoToOpenMonthsFromTheAppointmentOn() {
        assertRejected(() -> board.addMetric(11, MARCH, 1), RankRejectionCode.UNKNOWN_PROMOTER, "promoter");
        assertRejected(() -> board.addMetric(PROMOTER, MARCH, 0), RankRejectionCode.NON_POSITIVE_AMOUNT, "amountFen");
        assertRejected(() -> board.addMetric(PROMOTER, MARCH, -5), RankRejectionCode.NON_POSITIVE_AMOUNT, "amountFen");
        assertRejected(() -> board.addMetric(PROMOTER, MARCH.plusMonths(PromoterBoard.OPEN_MONTHS_MAX), 1),
                RankRejectionCode.MONTH_TOO_FAR_AHEAD, "month");
        assertRejected(() -> board.addMetric(PROMOTER, MARCH, PromoterBoard.METRIC_FEN_MAX - 499_999),
                RankRejectionCode.METRIC_TOO_LARGE, "amountFen");
        appoint(board, 11, COACH, MARCH.plusMonths(2));
        assertRejected(() -> board.addMetric(11, MARCH.plusMonths(1), 1), RankRejectionCode.BEFORE_APPOINTMENT, "month");

        close(board, MARCH);

        assertRejected(() -> board.addMetric(PROMOTER, MARCH, 1), RankRejectionCode.MONTH_CLOSED, "month");
    }

    @Test
    void theLastOpenMonthAndTheMetricBoundAreAccepted() {
        add(board, PROMOTER, MARCH.plusMonths(PromoterBoard.OPEN_MONTHS_MAX - 1), 1);
        add(board, PROMOTER, MARCH, PromoterBoard.METRIC_FEN_MAX - 500_000);

        assertThat(board.metricOf(PROMOTER, MARCH)).isEqualTo(PromoterBoard.METRIC_FEN_MAX);
        assertThat(board.metricOf(PROMOTER, MARCH.plusMonths(PromoterBoard.OPEN_MONTHS_MAX - 1))).isEqualTo(1);
    }

    @Test
    void aMetricForALaterMonthWaitsForItsClose() {
        add(board, PROMOTER, MARCH.plusMonths(1), 4_000_000);

        assertThat(Boards.row(close(board, MARCH), PROMOTER).metricFen()).isEqualTo(500_000);
        assertThat(Boards.row(close(board, MARCH.plusMonths(1)), PROMOTER).metricFen()).isEqualTo(4_000_000);
    }

    @Test
    void aPromoterAppointedLaterIsInTheClosesFromTheirMonthOn() {
        appoint(board, 11, PROMOTER, MARCH.plusMonths(1));
        add(board, 11, MARCH.plusMonths(1), 100);

        assertThat(close(board, MARCH).promoters()).extracting(PromoterMonth::user).containsExactly(COACH, PROMOTER);
        assertThat(close(board, MARCH.plusMonths(1)).promoters()).extracting(PromoterMonth::user)
                .containsExactly(COACH, PROMOTER, 11);
    }

    private void assertRejected(Supplier<Object> call, RankRejectionCode code, String field) {
        byte[] before = snapshot(board);
        Object outcome = call.get();
        Object rejection = outcome instanceof Optional<?> optional ? optional.orElse(null) : outcome;
        assertThat(rejection).isEqualTo(new RankRejection(code, field));
        assertThat(snapshot(board)).isEqualTo(before);
    }
}

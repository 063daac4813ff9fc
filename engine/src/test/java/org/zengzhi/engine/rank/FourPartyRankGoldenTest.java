package org.zengzhi.engine.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zengzhi.engine.rank.Boards.add;
import static org.zengzhi.engine.rank.Boards.appoint;
import static org.zengzhi.engine.rank.Boards.close;
import static org.zengzhi.engine.rank.Boards.row;

import java.time.YearMonth;

import org.junit.jupiter.api.Test;

/**
 * Seed 000's ladder (issue 18 rule 8, R-5.3) on the shipped thresholds: teams come from the coach tree, a
 * rank is entered on the month's team size and team sales, and the close pays nothing (the four-party model
 * pays per order).
 */
class FourPartyRankGoldenTest {
    private static final YearMonth MAY = YearMonth.of(2026, 5);
    private static final int LEADER = 1;

    private final PromoterBoard board = new PromoterBoard(ShippedLadders.FOUR_PARTY);

    /** LEADER coaches 2 and 3; 2 coaches 4; 4 coaches 5; and {@code extra} more under 3. */
    private void tree(int extra) {
        appoint(board, LEADER, PromoterBoard.NO_COACH, MAY);
        appoint(board, 2, LEADER, MAY);
        appoint(board, 3, LEADER, MAY);
        appoint(board, 4, 2, MAY);
        appoint(board, 5, 4, MAY);
        for (int i = 0; i < extra; i++) {
            appoint(board, 6 + i, 3, MAY);
        }
    }

    @Test
    void teamsAreEveryPromoterBelowAndTheirMonth() {
        tree(0);
        add(board, 2, MAY, 100);
        add(board, 4, MAY, 20);
        add(board, 5, MAY, 3);
        add(board, LEADER, MAY, 99_999);

        MonthClose close = close(board, MAY);

        assertThat(close.teams()).containsExactly(new TeamFigures(LEADER, 4, 123), new TeamFigures(2, 2, 23),
                new TeamFigures(3, 0, 0), new TeamFigures(4, 1, 3), new TeamFigures(5, 0, 0));
    }

    @Test
    void fiveBelowWithFiftyThousandMakeATeamLeaderFromTheNextMonth() {
        tree(1);
        add(board, 6, MAY, 5_000_000);

        MonthClose close = close(board, MAY);

        assertThat(row(close, LEADER)).isEqualTo(new PromoterMonth(LEADER, MAY, "推广者", 0, 0, 0, 0, "团队长"));
        assertThat(row(close, 3).nextRank()).isEqualTo("推广者");
        assertThat(board.rankOf(LEADER).orElseThrow().name()).isEqualTo("团队长");
    }

    @Test
    void fourBelowOrOneFenShortIsNoTeamLeader() {
        tree(0);
        add(board, 5, MAY, 50_000_000);
        assertThat(row(close(board, MAY), LEADER).nextRank()).isEqualTo("推广者");

        appoint(board, 6, 3, MAY.plusMonths(1));
        add(board, 6, MAY.plusMonths(1), 4_999_999);
        assertThat(row(close(board, MAY.plusMonths(1)), LEADER).nextRank()).isEqualTo("推广者");
    }

    @Test
    void oneRankAMonthEvenWhenTheTeamQualifiesForMore() {
        appoint(board, LEADER, PromoterBoard.NO_COACH, MAY);
        for (int user = 2; user <= 31; user++) {
            appoint(board, user, LEADER, MAY);
        }
        add(board, 2, MAY, 30_000_000);
        add(board, 2, MAY.plusMonths(1), 30_000_000);

        assertThat(row(close(board, MAY), LEADER).nextRank()).isEqualTo("团队长");
        assertThat(row(close(board, MAY.plusMonths(1)), LEADER).nextRank()).isEqualTo("区域合伙人");
    }

    @Test
    void theRanksPayNothingAtTheClose() {
        tree(0);
        add(board, 5, MAY, 10_000_000);

        MonthClose close = close(board, MAY);

        assertThat(close.promoters()).allSatisfy(row -> {
            assertThat(row.personalFen()).isZero();
            assertThat(row.coachingFen()).isZero();
            assertThat(row.subsidyFen()).isZero();
        });
        assertThat(close.untakenFen()).isZero();
    }
}

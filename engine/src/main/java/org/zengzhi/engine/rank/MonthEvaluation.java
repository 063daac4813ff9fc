package org.zengzhi.engine.rank;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.zengzhi.engine.Exact;
import org.zengzhi.engine.Limits;

/**
 * One month's close computed from the board without changing it (issue 17 rule 7): commissions, coaching up
 * the coach chain, subsidies, teams, and the ranks of the next month. The board applies it afterwards, so a
 * close is all or nothing.
 */
final class MonthEvaluation {
    private final PromoterBoard board;
    private final int month;
    private final int active;
    private final long[] metric;
    private final long[] coaching;
    private final int[] teamSize;
    private final long[] teamSales;
    private final int[] nextRank;
    private final int[] nextUp;
    private final int[] nextDown;
    private long untakenFen;
    private MonthClose close;

    private MonthEvaluation(PromoterBoard board, int month, int active) {
        this.board = board;
        this.month = month;
        this.active = active;
        metric = new long[active];
        coaching = new long[active];
        teamSize = new int[active];
        teamSales = new long[active];
        nextRank = new int[active];
        nextUp = new int[active];
        nextDown = new int[active];
    }

    static MonthEvaluation of(PromoterBoard board, int month) {
        int active = 0;
        // Appointments come in month order, so the promoters of a month are a prefix of the slots.
        while (active < board.count && board.appointed[active] <= month) {
            active++;
        }
        MonthEvaluation evaluation = new MonthEvaluation(board, month, active);
        for (int slot = 0; slot < active; slot++) {
            evaluation.metric[slot] = board.metric[PromoterBoard.metricAt(slot, month)];
        }
        evaluation.sumTeams();
        for (int slot = 0; slot < active; slot++) {
            evaluation.offerCoaching(slot);
            evaluation.nextRank(slot);
        }
        // The rows name the ranks held during the month, so they are made before the board moves on.
        evaluation.close = evaluation.rows();
        return evaluation;
    }

    int active() {
        return active;
    }

    /** A coach's slot is below its promoters', so one backward scan carries every subtree to its root. */
    private void sumTeams() {
        for (int slot = active - 1; slot >= 0; slot--) {
            int coach = board.coach[slot];
            if (coach != PromoterBoard.NO_COACH) {
                teamSize[coach] += teamSize[slot] + 1;
                teamSales[coach] += teamSales[slot] + metric[slot];
            }
        }
    }

    /**
     * The coaching on a promoter's month, offered at the direct coach's rank: each coach takes the share its
     * own metric earns (all from {@code coachFullAt} on) and offers the rest to its own coach; what is left
     * at the top is untaken. The walk is at most {@link PromoterBoard#COACH_CHAIN_MAX} steps: no promoter is
     * appointed deeper and the tree never changes.
     */
    private void offerCoaching(int slot) {
        int coach = board.coach[slot];
        if (coach == PromoterBoard.NO_COACH) {
            return;
        }
        long rest = Exact.mulDivFloor(metric[slot], board.ladder.rank(board.rank[coach]).coachingRatePpm(), Limits.PPM);
        long fullAt = board.ladder.coachFullAtFen();
        while (coach != PromoterBoard.NO_COACH && rest > 0) {
            long taken = metric[coach] >= fullAt ? rest : Exact.mulDivFloor(rest, metric[coach], fullAt);
            coaching[coach] += taken;
            rest -= taken;
            coach = board.coach[coach];
        }
        untakenFen += rest;
    }

    /**
     * The rank of the next month: one step at most, promotion first. Streaks count consecutive months at the
     * current rank and start again at a new one, so a rank is earned where it is held.
     */
    private void nextRank(int slot) {
        int current = board.rank[slot];
        Rank held = board.ladder.rank(current);
        Rank above = current + 1 < board.ladder.size() ? board.ladder.rank(current + 1) : null;
        long own = metric[slot];
        int up = above != null && above.promoteAfter() != null && own >= above.promoteAfter().atLeastFen()
                ? board.upStreak[slot] + 1 : 0;
        int down = held.demoteAfter() != null && own < held.demoteAfter().belowFen() ? board.downStreak[slot] + 1 : 0;
        if (above != null && promotes(above, up, own, slot)) {
            set(slot, current + 1, 0, 0);
        } else if (held.demoteAfter() != null && down >= held.demoteAfter().months()) {
            set(slot, current - 1, 0, 0);
        } else {
            set(slot, current, up, down);
        }
    }

    private boolean promotes(Rank above, int up, long own, int slot) {
        boolean team = teamSize[slot] >= above.teamSizeAtLeast() && teamSales[slot] >= above.teamSalesAtLeastFen();
        Rank.PromoteAfter rule = above.promoteAfter();
        boolean metricMet = rule == null || up >= rule.months()
                || (rule.orOneMonthFen() > 0 && own >= rule.orOneMonthFen());
        return team && metricMet;
    }

    private void set(int slot, int rank, int up, int down) {
        nextRank[slot] = rank;
        nextUp[slot] = up;
        nextDown[slot] = down;
    }

    void applyRanks(int[] rank, int[] upStreak, int[] downStreak) {
        System.arraycopy(nextRank, 0, rank, 0, active);
        System.arraycopy(nextUp, 0, upStreak, 0, active);
        System.arraycopy(nextDown, 0, downStreak, 0, active);
    }

    MonthClose close() {
        return close;
    }

    private MonthClose rows() {
        YearMonth closed = Months.of(month);
        List<PromoterMonth> rows = new ArrayList<>(active);
        List<TeamFigures> teams = new ArrayList<>(active);
        for (int slot = 0; slot < active; slot++) {
            Rank held = board.ladder.rank(board.rank[slot]);
            rows.add(new PromoterMonth(board.user[slot], closed, held.name(), metric[slot],
                    Exact.mulDivFloor(metric[slot], held.personalRatePpm(), Limits.PPM), coaching[slot],
                    subsidy(held, metric[slot]), board.ladder.rank(nextRank[slot]).name()));
            teams.add(new TeamFigures(board.user[slot], teamSize[slot], teamSales[slot]));
        }
        return new MonthClose(closed, rows, teams, untakenFen);
    }

    /** The fixed subsidy of every month held, and the reward subsidy of a month that reached its target. */
    private static long subsidy(Rank held, long own) {
        long reward = own >= held.rewardTargetFen() ? held.rewardSubsidyFen() : 0;
        return held.fixedSubsidyFen() + reward;
    }
}

package org.zengzhi.engine.rank;

import java.time.Instant;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;

import org.zengzhi.engine.Limits;

/**
 * The promoters of one ladder (SPEC ): who coaches whom, each one's metric per open month, rank
 * and streaks, and the months and years closed. State lives in primitive arrays indexed by a dense slot
 * given in appointment order; because a coach must be appointed first, a coach's slot is always below its
 * promoters' slots, which makes the coach tree acyclic by construction and lets one backward scan sum every
 * team. Every call checks everything before it changes anything; business refusals are values.
 */
public final class PromoterBoard {
    public static final int NO_COACH = -1;
    /**
     * Promoters on one board. With {@link #METRIC_FEN_MAX} it bounds every sum the board makes: a year of
     * every promoter's metric is below 12·10¹²·5·10⁵ = 6·10¹⁸ fen, inside a long.
     */
    public static final int PROMOTERS_MAX = 500_000;
    /** One promoter's metric in one month: at most 10 billion CNY, like one order (Limits.AMOUNT_FEN_MAX). */
    public static final long METRIC_FEN_MAX = Limits.AMOUNT_FEN_MAX;
    /**
     * Coaches above a promoter. An appointment that would go deeper is refused, and coaches are never
     * reassigned, so the coaching walk of a close never takes more steps than this.
     */
    public static final int COACH_CHAIN_MAX = 64;
    /**
     * Months that take metrics at once: the next month to close and the eleven after it. Orders due after a
     * month's end may arrive before that month is closed; a year of them is more than any operator's delay.
     */
    public static final int OPEN_MONTHS_MAX = 12;
    /** Years whose promoted sales are kept for the equity pool: the one closing and the one before it. */
    static final int YEARS_KEPT = 2;
    private static final int CAPACITY_START = 16;

    final RankLadder ladder;
    int count;
    int[] user = new int[CAPACITY_START];
    int[] coach = new int[CAPACITY_START];
    int[] depth = new int[CAPACITY_START];
    int[] appointed = new int[CAPACITY_START];
    int[] rank = new int[CAPACITY_START];
    int[] upStreak = new int[CAPACITY_START];
    int[] downStreak = new int[CAPACITY_START];
    long[] metric = new long[CAPACITY_START * OPEN_MONTHS_MAX];
    long[] yearSales = new long[CAPACITY_START * YEARS_KEPT];
    /** Slot + 1 by user handle, 0 for a user who is no promoter: user handles are dense from registration. */
    int[] slotOfUser = new int[CAPACITY_START];
    final int[] salesYear = {Months.NONE, Months.NONE};
    int nextToClose = Months.NONE;
    int lastAppointed = Months.NONE;
    int lastClosedYear = Months.NONE;

    public PromoterBoard(RankLadder ladder) {
        this.ladder = ladder;
    }

    public RankLadder ladder() {
        return ladder;
    }

    public int promoters() {
        return count;
    }

    /**
     * Makes {@code user} a promoter at the ladder's first rank from {@code month} on, coached by
     * {@code coachUser} (a promoter already) or {@link #NO_COACH}. Appointments come in month order and
     * never into a closed month.
     */
    public Optional<RankRejection> appoint(int user, int coachUser, YearMonth month) {
        RankRejection problem = appointProblem(user, coachUser, month);
        if (problem != null) {
            return Optional.of(problem);
        }
        int coachSlot = coachUser == NO_COACH ? NO_COACH : slotOf(coachUser);
        int slot = count++;
        ensureCapacity(count, user);
        this.user[slot] = user;
        coach[slot] = coachSlot;
        depth[slot] = coachSlot == NO_COACH ? 0 : depth[coachSlot] + 1;
        appointed[slot] = Months.index(month);
        slotOfUser[user] = slot + 1;
        lastAppointed = appointed[slot];
        if (nextToClose == Months.NONE) {
            nextToClose = appointed[slot];
        }
        return Optional.empty();
    }

    private RankRejection appointProblem(int user, int coachUser, YearMonth month) {
        if (user < 0 || user >= Limits.PARTICIPANTS_MAX) {
            return new RankRejection(RankRejectionCode.INVALID_USER, "promoter");
        }
        if (!Months.valid(month)) {
            return new RankRejection(RankRejectionCode.INVALID_MONTH, "month");
        }
        if (slotOf(user) >= 0) {
            return new RankRejection(RankRejectionCode.ALREADY_PROMOTER, "promoter");
        }
        if (coachUser != NO_COACH && slotOf(coachUser) < 0) {
            return new RankRejection(RankRejectionCode.UNKNOWN_COACH, "coach");
        }
        if (coachUser != NO_COACH && depth[slotOf(coachUser)] + 1 > COACH_CHAIN_MAX) {
            return new RankRejection(RankRejectionCode.COACH_CHAIN_TOO_DEEP, "coach");
        }
        int index = Months.index(month);
        if (index < lastAppointed) {
            return new RankRejection(RankRejectionCode.APPOINTMENT_OUT_OF_ORDER, "month");
        }
        if (nextToClose != Months.NONE && index < nextToClose) {
            return new RankRejection(RankRejectionCode.MONTH_CLOSED, "month");
        }
        if (count == PROMOTERS_MAX) {
            return new RankRejection(RankRejectionCode.PROMOTER_LIMIT_REACHED, "promoter");
        }
        return null;
    }

    /**
     * Adds {@code amountFen} to the promoter's metric of {@code month}, an open month from the appointment
     * on. What counts (seed 003: the 让利 of recruited merchants; seed 000: promoted sales) is the caller's.
     */
    public Optional<RankRejection> addMetric(int user, YearMonth month, long amountFen) {
        RankRejection problem = metricProblem(user, month, amountFen);
        if (problem != null) {
            return Optional.of(problem);
        }
        metric[metricAt(slotOf(user), Months.index(month))] += amountFen;
        return Optional.empty();
    }

    private RankRejection metricProblem(int user, YearMonth month, long amountFen) {
        int slot = slotOf(user);
        if (slot < 0) {
            return new RankRejection(RankRejectionCode.UNKNOWN_PROMOTER, "promoter");
        }
        if (!Months.valid(month)) {
            return new RankRejection(RankRejectionCode.INVALID_MONTH, "month");
        }
        if (amountFen <= 0) {
            return new RankRejection(RankRejectionCode.NON_POSITIVE_AMOUNT, "amountFen");
        }
        int index = Months.index(month);
        if (index < nextToClose) {
            return new RankRejection(RankRejectionCode.MONTH_CLOSED, "month");
        }
        if (index < appointed[slot]) {
            return new RankRejection(RankRejectionCode.BEFORE_APPOINTMENT, "month");
        }
        if (index >= nextToClose + OPEN_MONTHS_MAX) {
            return new RankRejection(RankRejectionCode.MONTH_TOO_FAR_AHEAD, "month");
        }
        if (amountFen > METRIC_FEN_MAX - metric[metricAt(slot, index)]) {
            return new RankRejection(RankRejectionCode.METRIC_TOO_LARGE, "amountFen");
        }
        return null;
    }

    /**
     * Closes {@code month}: pays by the ranks held during it and sets the ranks of the next. The month must
     * be the next one to close and must have ended at {@code at} in {@code zone}.
     */
    public MonthOutcome closeMonth(YearMonth month, Instant at, ZoneId zone) {
        RankRejection problem = closeProblem(month, at, zone);
        if (problem != null) {
            return problem;
        }
        MonthEvaluation evaluation = MonthEvaluation.of(this, nextToClose);
        apply(evaluation);
        return evaluation.close();
    }

    private RankRejection closeProblem(YearMonth month, Instant at, ZoneId zone) {
        if (!Months.valid(month)) {
            return new RankRejection(RankRejectionCode.INVALID_MONTH, "month");
        }
        if (nextToClose == Months.NONE) {
            return new RankRejection(RankRejectionCode.NOTHING_TO_CLOSE, "month");
        }
        int index = Months.index(month);
        if (index < appointed[0]) {
            return new RankRejection(RankRejectionCode.NOTHING_TO_CLOSE, "month");
        }
        if (index < nextToClose) {
            return new RankRejection(RankRejectionCode.MONTH_ALREADY_CLOSED, "month");
        }
        if (index > nextToClose) {
            return new RankRejection(RankRejectionCode.MONTH_OUT_OF_ORDER, "month");
        }
        if (at.isBefore(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant())) {
            return new RankRejection(RankRejectionCode.MONTH_NOT_ENDED, "at");
        }
        return null;
    }

    /** Moves the board to the next month: ranks and streaks, the year's sales, an emptied metric slot. */
    private void apply(MonthEvaluation evaluation) {
        int year = Months.yearOf(nextToClose);
        int kept = year % YEARS_KEPT;
        if (salesYear[kept] != year) {
            // The first close of a year takes over the slot of the year before last, whose pool is gone.
            for (int slot = 0; slot < count; slot++) {
                yearSales[slot * YEARS_KEPT + kept] = 0;
            }
            salesYear[kept] = year;
        }
        for (int slot = 0; slot < evaluation.active(); slot++) {
            int at = metricAt(slot, nextToClose);
            yearSales[slot * YEARS_KEPT + kept] += metric[at];
            metric[at] = 0;
        }
        evaluation.applyRanks(rank, upStreak, downStreak);
        nextToClose++;
    }

    /**
     * Closes {@code year} for the equity pool (seed 000): the top promoters by the year's promoted sales
     * share {@code poolFen}; see {@link EquityPool} for who is at the top.
     */
    public YearOutcome closeYear(Year year, long poolFen) {
        RankRejection problem = EquityPool.problem(this, year, poolFen);
        if (problem != null) {
            return problem;
        }
        YearClose close = EquityPool.split(this, year.getValue(), poolFen);
        lastClosedYear = year.getValue();
        return close;
    }

    /** The rank the promoter holds now (in the next month to close), or empty for a user who is no promoter. */
    public Optional<Rank> rankOf(int user) {
        int slot = slotOf(user);
        return slot < 0 ? Optional.empty() : Optional.of(ladder.rank(rank[slot]));
    }

    /** The promoter's metric so far in an open month; 0 for any other month or user. */
    public long metricOf(int user, YearMonth month) {
        int slot = slotOf(user);
        if (slot < 0 || !Months.valid(month)) {
            return 0;
        }
        int index = Months.index(month);
        boolean open = index >= Math.max(nextToClose, appointed[slot]) && index < nextToClose + OPEN_MONTHS_MAX;
        return open ? metric[metricAt(slot, index)] : 0;
    }

    /** The promoter's coach (a user), or {@link #NO_COACH} for a promoter without one or a user who is no promoter. */
    public int coachOf(int user) {
        int slot = slotOf(user);
        return slot < 0 || coach[slot] == NO_COACH ? NO_COACH : this.user[coach[slot]];
    }

    /** The user holding promoter slot {@code slot}, 0 ≤ slot &lt; {@link #promoters()}, in order of appointment. */
    public int promoterAt(int slot) {
        return user[slot];
    }

    /** The index of the promoter's rank in the ladder, or −1 for a user who is no promoter. */
    public int rankIndexOf(int user) {
        int slot = slotOf(user);
        return slot < 0 ? -1 : rank[slot];
    }

    /** Consecutive closed months counting towards promotion (0 for a user who is no promoter). */
    public int upStreakOf(int user) {
        int slot = slotOf(user);
        return slot < 0 ? 0 : upStreak[slot];
    }

    /** Consecutive closed months counting towards demotion (0 for a user who is no promoter). */
    public int downStreakOf(int user) {
        int slot = slotOf(user);
        return slot < 0 ? 0 : downStreak[slot];
    }

    /** The next month to close, or empty before the first appointment. */
    public Optional<YearMonth> nextMonthToClose() {
        return nextToClose == Months.NONE ? Optional.empty() : Optional.of(Months.of(nextToClose));
    }

    int slotOf(int user) {
        return user >= 0 && user < slotOfUser.length ? slotOfUser[user] - 1 : -1;
    }

    static int metricAt(int slot, int monthIndex) {
        return slot * OPEN_MONTHS_MAX + monthIndex % OPEN_MONTHS_MAX;
    }

    void ensureCapacity(int promoters, int largestUser) {
        if (promoters > user.length) {
            int size = Math.max(promoters, user.length * 2);
            user = Arrays.copyOf(user, size);
            coach = Arrays.copyOf(coach, size);
            depth = Arrays.copyOf(depth, size);
            appointed = Arrays.copyOf(appointed, size);
            rank = Arrays.copyOf(rank, size);
            upStreak = Arrays.copyOf(upStreak, size);
            downStreak = Arrays.copyOf(downStreak, size);
            metric = Arrays.copyOf(metric, size * OPEN_MONTHS_MAX);
            yearSales = Arrays.copyOf(yearSales, size * YEARS_KEPT);
        }
        if (largestUser >= slotOfUser.length) {
            int size = Math.min(Limits.PARTICIPANTS_MAX, Math.max(largestUser + 1, slotOfUser.length * 2));
            slotOfUser = Arrays.copyOf(slotOfUser, size);
        }
    }
}

package org.zengzhi.cli.greenref;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 17 rule 7 read from its words alone, with the shipped ladder: 初级商务 (6%, 1%) and 见习商务专员 (5%, 1%,
 * 2,400.00 fixed, 1,600.00 reward from 30,000.00), promotion after 3 months ≥ 30,000.00 or one ≥ 100,000.00,
 * demotion after 2 months below 30,000.00, coaches take all from 10,000.00 of their own month.
 */
final class RefPromoters {
    static final String[] RANKS = {"初级商务", "见习商务专员"};
    private static final long[] PERSONAL_PPM = {60_000, 50_000};
    private static final long COACHING_PPM = 10_000;
    private static final long COACH_FULL_AT = 1_000_000;
    private static final long FIXED_SUBSIDY = 240_000;
    private static final long REWARD_SUBSIDY = 160_000;
    private static final long TARGET = 3_000_000;
    private static final long ONE_MONTH = 10_000_000;

    /** One promoter month's outcome: the {@code promoterMonth} event's fields. */
    record Month(String user, YearMonth month, String rank, long metric, long personal, long coaching, long subsidy,
            String nextRank) {
        long pay() {
            return personal + coaching + subsidy;
        }
    }

    private static final class Promoter {
        final String user;
        final String coach;
        final Instant appointedAt;
        final YearMonth appointedMonth;
        int rank;
        int monthsAtLeast;
        int monthsBelow;
        final Map<YearMonth, Long> metric = new HashMap<>();

        Promoter(String user, String coach, Instant appointedAt, YearMonth appointedMonth) {
            this.user = user;
            this.coach = coach;
            this.appointedAt = appointedAt;
            this.appointedMonth = appointedMonth;
        }

        long metric(YearMonth month) {
            return metric.getOrDefault(month, 0L);
        }
    }

    private final ZoneId zone;
    private final Map<String, Promoter> promoters = new LinkedHashMap<>();
    private YearMonth nextToClose;

    RefPromoters(ZoneId zone) {
        this.zone = zone;
    }

    boolean isPromoter(String user) {
        return promoters.containsKey(user);
    }

    void appoint(String user, String coach, Instant at) {
        YearMonth month = YearMonth.from(at.atZone(zone));
        promoters.put(user, new Promoter(user, coach, at, month));
        if (nextToClose == null) {
            nextToClose = month;
        }
    }

    /** "the 让利 of the merchants they recruited whose orders are due in that calendar month … from the promoter's appointment on". */
    void count(String recruiter, Instant due, long rangli) {
        Promoter promoter = recruiter == null ? null : promoters.get(recruiter);
        if (promoter == null || due.isBefore(promoter.appointedAt)) {
            return;
        }
        promoter.metric.merge(YearMonth.from(due.atZone(zone)), rangli, Long::sum);
    }

    /** The rejection of a close as {code, field}, or null: nothing to close, twice, out of order, not ended. */
    String[] closeProblem(YearMonth month, Instant at) {
        if (nextToClose == null) {
            return new String[] {"NOTHING_TO_CLOSE", "month"};
        }
        if (month.isBefore(nextToClose)) {
            return new String[] {"MONTH_ALREADY_CLOSED", "month"};
        }
        if (month.isAfter(nextToClose)) {
            return new String[] {"MONTH_OUT_OF_ORDER", "month"};
        }
        if (at.isBefore(end(month))) {
            return new String[] {"MONTH_NOT_ENDED", "at"};
        }
        return null;
    }

    Instant end(YearMonth month) {
        return month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    }

    YearMonth nextToClose() {
        return nextToClose;
    }

    /** Closes {@code month}: every promoter appointed in or before it, in appointment order. */
    List<Month> close(YearMonth month) {
        List<Promoter> of = promoters.values().stream().filter(p -> !p.appointedMonth.isAfter(month)).toList();
        Map<String, Long> coaching = new HashMap<>();
        for (Promoter promoter : of) {
            Promoter coach = promoter.coach == null ? null : promoters.get(promoter.coach);
            if (coach == null) {
                continue;
            }
            long offered = promoter.metric(month) * COACHING_PPM / 1_000_000;
            for (Promoter c = coach; c != null && offered > 0; c = c.coach == null ? null : promoters.get(c.coach)) {
                long take = offered * Math.min(c.metric(month), COACH_FULL_AT) / COACH_FULL_AT;
                coaching.merge(c.user, take, Long::sum);
                offered -= take;
            }
        }
        List<Month> months = new ArrayList<>();
        for (Promoter promoter : of) {
            long metric = promoter.metric(month);
            int rank = promoter.rank;
            long personal = metric * PERSONAL_PPM[rank] / 1_000_000;
            long subsidy = rank == 1 ? FIXED_SUBSIDY + (metric >= TARGET ? REWARD_SUBSIDY : 0) : 0;
            promoter.rank = nextRank(promoter, metric);
            months.add(new Month(promoter.user, month, RANKS[rank], metric, personal,
                    coaching.getOrDefault(promoter.user, 0L), subsidy, RANKS[promoter.rank]));
        }
        nextToClose = month.plusMonths(1);
        return months;
    }

    private static int nextRank(Promoter promoter, long metric) {
        if (promoter.rank == 0) {
            promoter.monthsAtLeast = metric >= TARGET ? promoter.monthsAtLeast + 1 : 0;
            if (promoter.monthsAtLeast >= 3 || metric >= ONE_MONTH) {
                promoter.monthsAtLeast = 0;
                promoter.monthsBelow = 0;
                return 1;
            }
            return 0;
        }
        promoter.monthsBelow = metric < TARGET ? promoter.monthsBelow + 1 : 0;
        if (promoter.monthsBelow >= 2) {
            promoter.monthsAtLeast = 0;
            promoter.monthsBelow = 0;
            return 0;
        }
        return 1;
    }
}

package org.zengzhi.engine.rank;

import java.time.YearMonth;

/**
 * One promoter's closed month: exactly the fields of the {@code promoterMonth} event of issue 17, in its
 * order. Money in fen; {@code rank} is the rank held during the month, {@code nextRank} the one held from the
 * next month on.
 */
public record PromoterMonth(int user, YearMonth month, String rank, long metricFen, long personalFen,
        long coachingFen, long subsidyFen, String nextRank) {
}

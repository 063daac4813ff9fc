package org.zengzhi.simulator;

import org.zengzhi.engine.Price;

/**
 * What one path produced: every {@link Series} by month, the cohorts of consumers by the month they joined,
 * what each {@link ParticipantClass} put in and took out, and the final exact price.
 *
 * @param series      [series ordinal][month]
 * @param cohorts     [join month][{@link #COHORT_USERS} … {@link #COHORT_PAID_BACK}]
 * @param monthsToExit [join month][months from joining to the first exit]: how many consumers, a histogram
 * @param putIn       [class ordinal] fen put in
 * @param tookOut     [class ordinal] fen taken out or held at the end
 * @param priceAtMonthEnd [month][0: cash fen, 1: points micro]: the exact price pair at each month's end, which
 *                    is the last price's pair while no point circulates, so the next mint's price
 * @param unminted    {orders, pool contribution fen} of settled orders that paid into the pool and minted no point
 *                    (their share bought less than 10⁻⁶ point at the price, rounded down by)
 */
public record PathResult(int path, long[][] series, long[][] cohorts, long[][] monthsToExit, long[] putIn,
        long[] tookOut, Price finalPrice, long orders, long[][] priceAtMonthEnd,
        long[] unminted) {
    public static final int COHORT_USERS = 0;
    public static final int COHORT_EXITED = 1;
    public static final int COHORT_SPEND = 2;
    public static final int COHORT_PAID_BACK = 3;
    public static final int COHORT_FIELDS = 4;

    public long[] series(Series which) {
        return series[which.ordinal()];
    }
}

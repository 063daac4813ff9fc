package org.zengzhi.engine.green;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zengzhi.engine.green.GreenTimes.at;
import static org.zengzhi.engine.green.GreenTimes.midnight;

import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

/**
 * The golden cases of issue 17 from seed 003's text (SPEC ): "积分池以100万积分为第一期，10天内积分
 * 增长达到15%，第11天发放抵用券；若10到30天内达到15%增长，次日发放抵用券；若30天未达到15%增长，则第31天按实际增长
 * 发放", the merchants' "第10天发放", and "首期分红获得消费券：所持积分数量*0.5%". Day n is the calendar day n
 * days after day 0 in Shanghai.
 */
class DividendGoldenTest {
    private static final long MILLION_POINTS = 100_000_000L;
    private static final long TEN_MILLION_POINTS = 1_000_000_000L;

    private final RecordingPostings postings = new RecordingPostings();

    /** A pool whose first dividend was paid on day 1 at its start value, held by one lot of holder 0. */
    private DividendPool afterFirstDividend(GreenPool kind, long startValue) {
        DividendPool pool = new DividendPool(kind, GreenRules.SEED);
        pool.earn(0, startValue, at(0, 10));
        pool.payDividend(midnight(1), postings);
        return pool;
    }

    @Test
    void firstConsumerDividendAtOneMillionPointsPaysHalfAPercentTheNextDay() {
        DividendPool pool = new DividendPool(GreenPool.CONSUMER, GreenRules.SEED);
        pool.earn(0, 60_000_000L, at(0, 9));
        assertThat(pool.nextDueAt()).isEmpty();
        pool.earn(1, 40_000_000L, at(0, 15));

        assertThat(pool.nextDueAt()).contains(midnight(1));
        Dividend first = pool.payDividend(midnight(1), postings);

        // 1,000,000 points × 0.5% = 5,000.00 CNY of vouchers, 3,000.00 and 2,000.00 to the two lots.
        assertThat(first).isEqualTo(new Dividend(GreenPool.CONSUMER, 1, midnight(1), MILLION_POINTS,
                OptionalLong.empty(), 1_000_000, 500_000, 2, 0));
        assertThat(postings.lines).containsExactly("vouchers consumer 0 300000", "vouchers consumer 1 200000");
        assertThat(pool.lotPeriods(0)).isEqualTo(1);
    }

    @Test
    void merchantPoolStartsAtTenMillionPoints() {
        DividendPool pool = new DividendPool(GreenPool.MERCHANT, GreenRules.SEED);
        pool.earn(4, TEN_MILLION_POINTS - 1, at(0, 9));
        assertThat(pool.nextDueAt()).isEmpty();
        pool.earn(5, 1, at(2, 9));
        assertThat(pool.nextDueAt()).contains(midnight(3));
    }

    @Test
    void growthReachedOnDayThreeIsPaidOnDayElevenForConsumersAndDayTenForMerchants() {
        DividendPool consumers = afterFirstDividend(GreenPool.CONSUMER, MILLION_POINTS);
        DividendPool merchants = afterFirstDividend(GreenPool.MERCHANT, TEN_MILLION_POINTS);
        consumers.earn(1, 15_000_000L, at(4, 20));
        merchants.earn(1, 150_000_000L, at(4, 20));

        assertThat(consumers.nextDueAt()).contains(midnight(1 + 11));
        assertThat(merchants.nextDueAt()).contains(midnight(1 + 10));
    }

    @Test
    void growthReachedOnDayTenIsPaidOnDayElevenInBothPools() {
        DividendPool consumers = afterFirstDividend(GreenPool.CONSUMER, MILLION_POINTS);
        DividendPool merchants = afterFirstDividend(GreenPool.MERCHANT, TEN_MILLION_POINTS);
        consumers.earn(1, 15_000_000L, at(11, 23));
        merchants.earn(1, 150_000_000L, at(11, 23));

        assertThat(consumers.nextDueAt()).contains(midnight(1 + 11));
        assertThat(merchants.nextDueAt()).contains(midnight(1 + 11));
    }

    @Test
    void growthReachedOnDaySeventeenIsPaidTheNextDay() {
        DividendPool pool = afterFirstDividend(GreenPool.CONSUMER, MILLION_POINTS);
        pool.earn(1, 14_999_999L, at(6, 12));
        assertThat(pool.nextDueAt()).as("14.999999%% is not 15%%").contains(midnight(1 + 31));
        pool.earn(2, 1L, at(18, 12));

        assertThat(pool.nextDueAt()).contains(midnight(1 + 18));
        Dividend second = pool.payDividend(midnight(19), postings);
        assertThat(second.growthPpm()).hasValue(150_000);
        assertThat(second.scalePpm()).isEqualTo(1_000_000);
        // 1,000,000 points at 0.5% in their second period, 149,999.99 points and 0.01 point in their first.
        assertThat(second.vouchersFen()).isEqualTo(500_000 + 74_999 + 0);
    }

    @Test
    void growthReachedOnTheDividendsOwnDayCountsAsDayOne() {
        DividendPool merchants = afterFirstDividend(GreenPool.MERCHANT, TEN_MILLION_POINTS);
        merchants.earn(1, 150_000_000L, at(1, 8));
        assertThat(merchants.nextDueAt()).contains(midnight(1 + 10));
    }

    @Test
    void growthNeverReachedIsPaidOnDayThirtyOneAtTheActualGrowthsScale() {
        DividendPool pool = afterFirstDividend(GreenPool.CONSUMER, MILLION_POINTS);
        pool.earn(1, 6_000_000L, at(31, 23));
        assertThat(pool.nextDueAt()).contains(midnight(1 + 31));

        Dividend late = pool.payDividend(midnight(32), postings);

        // 6% of 15% is a scale of 0.4: 2,000.00 CNY on 1,000,000 points, 120.00 CNY on 60,000 points.
        assertThat(late).isEqualTo(new Dividend(GreenPool.CONSUMER, 2, midnight(32), 106_000_000L,
                OptionalLong.of(60_000), 400_000, 200_000 + 12_000, 2, 0));
        assertThat(pool.lotPeriods(0)).isEqualTo(2);
        assertThat(pool.lotPeriods(1)).isEqualTo(1);
    }

    @Test
    void aLateDividendOfScaleZeroPaysNothingAndIsNoPeriodForTheLots() {
        DividendPool pool = afterFirstDividend(GreenPool.CONSUMER, MILLION_POINTS);
        postings.lines.clear();

        Dividend idle = pool.payDividend(midnight(32), postings);

        assertThat(idle).isEqualTo(new Dividend(GreenPool.CONSUMER, 2, midnight(32), MILLION_POINTS,
                OptionalLong.of(0), 0, 0, 1, 0));
        assertThat(postings.lines).isEmpty();
        assertThat(pool.lotPeriods(0)).isEqualTo(1);
        assertThat(pool.nextDueAt()).contains(midnight(32 + 31));
    }

    @Test
    void anEarningAtADueTimeWhoseDividendIsUnpaidIsABug() {
        DividendPool pool = afterFirstDividend(GreenPool.CONSUMER, MILLION_POINTS);
        assertThatThrownBy(() -> pool.earn(1, 100, midnight(32))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> pool.payDividend(midnight(31), postings)).isInstanceOf(IllegalStateException.class);
        assertThat(pool.valueCentipoints()).isEqualTo(MILLION_POINTS);
    }
}

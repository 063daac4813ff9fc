package org.zengzhi.engine.green;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zengzhi.engine.green.GreenTimes.at;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

/** Rule 4's cap and period limit ("积分经过40期增值…最高可转化为原积分5倍"), and the escalating schedule. */
class LotRetirementTest {
    private final RecordingPostings postings = new RecordingPostings();

    private static GreenRules consumerTerms(PoolTerms terms) {
        return new GreenRules(GreenRules.SHANGHAI, 0, 0, OptionalLong.empty(), terms, PoolTerms.MERCHANT);
    }

    /**
     * Pays {@code dividends} timely dividends: after each, holder 99 earns 15% of the value and one centipoint
     * more at the dividend's due time, which makes the next one due on the earliest pay day the terms allow.
     */
    private List<Dividend> payDaily(DividendPool pool, int dividends) {
        Instant due = pool.nextDueAt().orElseThrow();
        List<Dividend> paid = new ArrayList<>();
        for (int i = 0; i < dividends; i++) {
            paid.add(pool.payDividend(due, postings));
            pool.earn(99, pool.valueCentipoints() * 15 / 100 + 1, due);
            due = pool.nextDueAt().orElseThrow();
        }
        return paid;
    }

    @Test
    void aLotRetiresAtItsCapWithExactlyTheCapInVouchers() {
        PoolTerms terms = new PoolTerms(1_000, 150_000, 1, 30, RateSchedule.constant(400_000), 1_000_000, 40);
        DividendPool pool = new DividendPool(GreenPool.CONSUMER, consumerTerms(terms));
        pool.earn(0, 1_000, at(0, 10));

        List<Dividend> paid = payDaily(pool, 3);

        // 40% + 40% + what is left of 1× (20%): the lot retires in its third period with 1,000 fen.
        assertThat(paid.get(2).retired()).isEqualTo(1);
        assertThat(postings.lines).contains("vouchers consumer 0 400", "vouchers consumer 0 200",
                "retired consumer 0 1000 3 1000");
    }

    @Test
    void aLotRetiresAfterPeriodsMaxPeriods() {
        PoolTerms terms = new PoolTerms(1_000, 150_000, 1, 30, RateSchedule.constant(5_000), 5_000_000, 2);
        DividendPool pool = new DividendPool(GreenPool.CONSUMER, consumerTerms(terms));
        pool.earn(0, 1_000, at(0, 10));

        payDaily(pool, 2);

        assertThat(postings.lines).contains("retired consumer 0 1000 2 10");
        assertThat(postings.lines.stream().filter(line -> line.startsWith("retired consumer 0 ")).count()).isOne();
    }

    @Test
    void theEscalatingScheduleStartsAtHalfAPercentAndSumsToExactlyFiveTimesByPeriodForty() {
        RateSchedule escalating = RateSchedule.ESCALATING_TO_FIVE_TIMES;

        assertThat(escalating.ratePpm(1)).isEqualTo(5_000);
        assertThat(escalating.sumPpm(40)).isEqualTo(5_000_000);
        assertThat(escalating.ratePpm(40)).isEqualTo(245_000);
        for (int i = 2; i <= 40; i++) {
            assertThat(escalating.ratePpm(i)).isGreaterThan(escalating.ratePpm(i - 1));
        }
        // S(2) = 10000 + ⌊80000 / 13⌋ = 16153, so period 2 pays 1.1153%.
        assertThat(escalating.ratePpm(2)).isEqualTo(11_153);
    }

    @Test
    void theConstantScheduleReachesOnlyTwentyPercentInFortyPeriods() {
        assertThat(RateSchedule.CONSTANT_HALF_PERCENT.sumPpm(40)).isEqualTo(200_000);
    }

    @Test
    void aLotPaidTheEscalatingScheduleOnTimeReachesFiveTimesAtPeriodForty() {
        PoolTerms terms = PoolTerms.CONSUMER.withRates(RateSchedule.ESCALATING_TO_FIVE_TIMES);
        DividendPool pool = new DividendPool(GreenPool.CONSUMER, consumerTerms(terms));
        pool.earn(0, 100_000_000L, at(0, 10));

        List<Dividend> paid = payDaily(pool, 40);

        assertThat(paid.get(0).vouchersFen()).isEqualTo(500_000);
        assertThat(postings.lines).contains("retired consumer 0 100000000 40 500000000");
    }

    @Test
    void aLotWhosePaymentPassesSixtyFourBitsIsPaidExactly() {
        DividendPool pool = new DividendPool(GreenPool.CONSUMER, GreenRules.SEED_ESCALATING);
        // 10,000,000,000.01 points: points × rate × scale is about 5·10²¹, beyond a long.
        pool.earn(0, 1_000_000_000_001L, at(0, 10));

        Dividend first = pool.payDividend(pool.nextDueAt().orElseThrow(), postings);

        assertThat(first.vouchersFen()).isEqualTo(5_000_000_000L);
        assertThat(pool.terms().capFen(1_000_000_000_001L)).isEqualTo(5_000_000_000_005L);
    }
}

package org.zengzhi.engine.green;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zengzhi.engine.green.GreenTimes.at;
import static org.zengzhi.engine.green.GreenTimes.midnight;

import java.time.Instant;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

/** The settlement centre's arithmetic (issue 17 rules 1, 5, 6), rule 3's tie rule, and rule 8's cap. */
class GreenModelTest {
    private static final int USER = 7;
    private static final int MERCHANT = 3;
    private static final int BOUND = 9;

    private final RecordingPostings postings = new RecordingPostings();

    private static StoreSettlement order(String id, long amountFen, long voucherFen, int bound, Instant due) {
        return new StoreSettlement(id, USER, MERCHANT, amountFen, 200_000, voucherFen, bound, due);
    }

    @Test
    void aStoreOrderPaidPartlyWithVouchersEarnsPointsAndCoinsOnTheCashPartOnly() {
        GreenModel model = new GreenModel(GreenRules.SEED);

        GreenEarned earned = model.settle(order("o1", 12_345, 4_500, BOUND, at(0, 10)), postings);

        // C = ⌊123.45 × 20%⌋ = 24.69; cash part 78.45 earns 15.69 points, coins 10% = 1.56, bound 5% = 0.78.
        assertThat(earned).isEqualTo(new GreenEarned("o1", USER, MERCHANT, 1_569, 156, 2_469, BOUND, 78));
        assertThat(postings.lines).containsExactly("earned consumer 7 1569", "earned merchant 3 2469",
                "coins 7 156", "bound 9 78");
        assertThat(model.pool(GreenPool.CONSUMER).rangliSinceDividendFen()).isEqualTo(2_469);
        assertThat(model.pool(GreenPool.MERCHANT).rangliSinceDividendFen()).isEqualTo(2_469);
    }

    @Test
    void anOrderPaidWhollyWithVouchersEarnsTheConsumerNothingAndStillHasItsLine() {
        GreenModel model = new GreenModel(GreenRules.SEED);

        GreenEarned earned = model.settle(order("o2", 10_000, 10_000, StoreSettlement.NO_MERCHANT, at(0, 10)), postings);

        assertThat(earned).isEqualTo(new GreenEarned("o2", USER, MERCHANT, 0, 0, 2_000,
                StoreSettlement.NO_MERCHANT, 0));
        assertThat(postings.lines).containsExactly("earned merchant 3 2000");
        assertThat(model.pool(GreenPool.CONSUMER).lotCount()).isZero();
    }

    /** 5,000,000.00 CNY at 20% earns the consumer 1,000,000 points: the consumer pool's start value. */
    private static GreenModel startedConsumerPool(GreenRules rules, RecordingPostings postings) {
        GreenModel model = new GreenModel(rules);
        model.settle(order("start", 500_000_000L, 0, StoreSettlement.NO_MERCHANT, at(0, 10)), postings);
        return model;
    }

    @Test
    void aDividendDueAtASettlementsDueTimeComesFirstAndItsLotWaitsForTheNextPeriod() {
        GreenModel model = startedConsumerPool(GreenRules.SEED, postings);
        Instant due = midnight(1);

        assertThat(model.nextStepUntil(due.minusNanos(1), due)).isEqualTo(GreenStep.SETTLE);
        assertThat(model.nextStepUntil(due, due)).isEqualTo(GreenStep.PAY_CONSUMER_DIVIDEND);
        assertThatThrownBy(() -> model.settle(order("late", 100, 0, StoreSettlement.NO_MERCHANT, due), postings))
                .isInstanceOf(IllegalStateException.class);
        Dividend first = model.payDividend(GreenPool.CONSUMER, postings);
        model.settle(order("at-due", 100_000, 0, StoreSettlement.NO_MERCHANT, due), postings);

        assertThat(first.lots()).isEqualTo(1);
        DividendPool consumers = model.pool(GreenPool.CONSUMER);
        assertThat(consumers.lotCount()).isEqualTo(2);
        assertThat(consumers.lotPeriods(1)).isZero();
        assertThat(consumers.lotVouchersFen(1)).isZero();
    }

    @Test
    void aTickStopsAtItsTimeAndAMonthsCloseLeavesTheDividendDueAtTheMonthsEnd() {
        GreenModel model = startedConsumerPool(GreenRules.SEED, postings);
        Instant due = midnight(1);

        assertThat(model.nextStepUntil(null, due.minusNanos(1))).isEqualTo(GreenStep.DONE);
        assertThat(model.nextStepUntil(null, due)).isEqualTo(GreenStep.PAY_CONSUMER_DIVIDEND);
        assertThat(model.nextStepBefore(due.minusNanos(1), due)).isEqualTo(GreenStep.SETTLE);
        assertThat(model.nextStepBefore(due, due)).isEqualTo(GreenStep.DONE);
    }

    @Test
    void theDividendCapScalesAPeriodDownToTheShareOfRangliSinceTheLastDividend() {
        GreenRules capped = new GreenRules(GreenRules.SHANGHAI, 100_000, 50_000, OptionalLong.of(4_000),
                PoolTerms.CONSUMER, PoolTerms.MERCHANT);
        GreenModel model = startedConsumerPool(capped, postings);

        Dividend first = model.payDividend(GreenPool.CONSUMER, postings);

        // 0.5% would pay 5,000.00 CNY; 0.4% of the 1,000,000.00 CNY 让利 allows 4,000.00. The scale drops to
        // ⌊1 × 400000 / (500000 + 1 lot)⌋ and the period pays 3,999.99.
        assertThat(first.scalePpm()).isEqualTo(799_998);
        assertThat(first.vouchersFen()).isEqualTo(399_999);
        assertThat(model.pool(GreenPool.CONSUMER).rangliSinceDividendFen()).isZero();
    }

    @Test
    void aDividendCapThatDoesNotBindChangesNothing() {
        GreenRules loose = new GreenRules(GreenRules.SHANGHAI, 100_000, 50_000, OptionalLong.of(5_000),
                PoolTerms.CONSUMER, PoolTerms.MERCHANT);
        GreenModel model = startedConsumerPool(loose, postings);

        Dividend first = model.payDividend(GreenPool.CONSUMER, postings);

        assertThat(first.scalePpm()).isEqualTo(1_000_000);
        assertThat(first.vouchersFen()).isEqualTo(500_000);
    }
}

package org.zengzhi.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.zengzhi.engine.green.Dividend;

/** The green dividend benchmark's workload and check at small scale (issue 17, deliver 5). */
class GreenDividendWorkloadTest {
    private static final int HOLDERS = 1_000;

    @Test
    void oneDividendPaysTheExpectedVouchersToEveryLot() {
        GreenDividendWorkload workload = new GreenDividendWorkload(HOLDERS, 1L);

        Dividend dividend = workload.payDividend();

        workload.check(dividend);
        workload.checkBalances();
        assertThat(dividend.lots()).isEqualTo(HOLDERS * GreenDividendWorkload.LOTS_PER_HOLDER);
        // 10,000 lots averaging about 200 points at 0.5% pay about 10,000 CNY; a near-zero total would mean the
        // check compared nothing.
        assertThat(workload.expectedVouchersFen()).isBetween(800_000L, 1_200_000L);
    }

    @Test
    void aPlantedWrongExpectationIsDetected() {
        GreenDividendWorkload workload = new GreenDividendWorkload(HOLDERS, 1L);
        Dividend dividend = workload.payDividend();

        assertThatThrownBy(() -> workload.check(dividend, workload.expectedVouchersFen() + 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the lots and the rate give " + (workload.expectedVouchersFen() + 1));
    }

    @Test
    void aSecondDividendWithoutRestoreFailsTheCheck() {
        GreenDividendWorkload workload = new GreenDividendWorkload(HOLDERS, 1L);
        workload.payDividend();

        // Without growth the next dividend is a late one of scale 0: it pays nothing, so the check must fail.
        assertThatThrownBy(() -> workload.check(workload.payDividend())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void restoreMakesEveryDividendDoTheSameWork() {
        GreenDividendWorkload workload = new GreenDividendWorkload(HOLDERS, 1L);
        Dividend first = workload.payDividend();

        workload.restore();
        Dividend second = workload.payDividend();

        workload.check(second);
        workload.checkBalances();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void lotsEarnedSinceTheSnapshotGiveTheSameDividendAndTheSameBalances() {
        Dividend restored = new GreenDividendWorkload(HOLDERS, 1L, 0).payDividend();
        for (int newPercent : new int[] {20, 100}) {
            GreenDividendWorkload workload = new GreenDividendWorkload(HOLDERS, 1L, newPercent);

            Dividend dividend = workload.payDividend();

            workload.check(dividend);
            workload.checkBalances();
            assertThat(dividend).isEqualTo(restored);
            workload.restore();
            assertThat(workload.payDividend()).isEqualTo(restored);
        }
    }

    @Test
    void aSnapshotOfNoLotsHoldsNoLotBytes() {
        GreenDividendWorkload all = new GreenDividendWorkload(HOLDERS, 1L, 0);
        GreenDividendWorkload none = new GreenDividendWorkload(HOLDERS, 1L, 100);

        // 24 bytes a lot: the all-new workload really earns its lots after the snapshot.
        assertThat(all.snapshotBytes() - none.snapshotBytes()).isEqualTo(24 * HOLDERS * GreenDividendWorkload.LOTS_PER_HOLDER);
    }

    @Test
    void tooFewHoldersToStartThePoolAreRefused() {
        // 10 holders' 100 lots hold at most 40,000 points, below the consumer pool's start value of 1,000,000.
        assertThatThrownBy(() -> new GreenDividendWorkload(10, 1L))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("do not reach its start value");
    }
}

package org.zengzhi.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs {@link SettlementThroughputBenchmark}'s workload at small scale under each plan (issue 17 deliver 5,
 * issue 18 deliver 6): every order settles, the engine's totals equal the stream's exactly (green rule 1:
 * points = ⌊A·r⌋, coins = ⌊points·10%⌋; four-party rule 2: fee ⌊A·6%⌋, supplier ⌊A·55%⌋, parts add up to A,
 * CONTRIB reserve = rebates, rule 3), and a check that is one fen off fails.
 */
class SettlementWorkloadTest {

    @ParameterizedTest
    @EnumSource(SettlementWorkload.Model.class)
    void everyOrderSettlesToWhatTheStreamExpects(SettlementWorkload.Model model) {
        SettlementWorkload workload = new SettlementWorkload(model, 500);
        for (int i = 0; i < 3_000; i++) {
            workload.next();
        }

        assertThat(workload.verify()).isEmpty();
        assertThat(workload.orders()).isEqualTo(3 * SettlementWorkload.BLOCK);
    }

    @ParameterizedTest
    @EnumSource(SettlementWorkload.Model.class)
    void aWrongAnswerFails(SettlementWorkload.Model model) {
        SettlementWorkload workload = new SettlementWorkload(model, 200);
        for (int i = 0; i < 1_500; i++) {
            workload.next();
        }
        workload.corruptForTest();

        assertThat(workload.verify()).isNotEmpty();
    }

    @org.junit.jupiter.api.Test
    void theThreePlansSettleTheSameAmounts() {
        long[] totals = new long[SettlementWorkload.Model.values().length];
        for (SettlementWorkload.Model model : SettlementWorkload.Model.values()) {
            SettlementWorkload workload = new SettlementWorkload(model, 100);
            for (int i = 0; i < 2_048; i++) {
                workload.next();
            }
            totals[model.ordinal()] = workload.expectedAmountFen();
        }
        assertThat(totals).containsOnly(totals[0]);
    }
}

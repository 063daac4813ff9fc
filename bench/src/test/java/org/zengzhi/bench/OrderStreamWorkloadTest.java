package org.zengzhi.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Runs the benchmarks' workloads at small scale, so CI catches a broken benchmark without JMH. */
class OrderStreamWorkloadTest {

    @Test
    void aSmallStreamKeepsTheBooksAndMakesParticipantsExit() {
        OrderStreamWorkload workload = new OrderStreamWorkload(10_000, 20250101L);
        long exitsAfterSetup = workload.exits();
        for (int i = 0; i < 20_000; i++) {
            workload.next();
        }

        assertThat(workload.verify()).isEmpty();
        assertThat(workload.exits()).isGreaterThan(exitsAfterSetup);
        assertThat(workload.sells()).isBetween(1_500L, 2_500L);
        assertThat(workload.rejections()).isLessThan(workload.sells() / 10);
    }

    @Test
    void theStreamIsDeterministic() {
        OrderStreamWorkload first = new OrderStreamWorkload(2_000, 7L);
        OrderStreamWorkload second = new OrderStreamWorkload(2_000, 7L);
        for (int i = 0; i < 5_000; i++) {
            first.next();
            second.next();
        }

        assertThat(first.engine().stateHash()).isEqualTo(second.engine().stateHash());
    }

    @Test
    void aStreamRunInBatchesKeepsTheBooksAndMakesParticipantsExit() {
        OrderStreamWorkload workload = new OrderStreamWorkload(10_000, 20250101L);
        long exitsAfterSetup = workload.exits();
        for (int i = 0; i < 20_000; i++) {
            workload.next(64);
        }

        assertThat(workload.commands() - 10_000).isEqualTo(20_032);
        assertThat(workload.verify()).isEmpty();
        assertThat(workload.exits()).isGreaterThan(exitsAfterSetup);
        assertThat(workload.sells()).isBetween(1_500L, 2_500L);
        assertThat(workload.rejections()).isLessThan(workload.sells() / 10);
    }

    /** Without repeats within a batch, batches give the very stream and state that one by one gives. */
    @Test
    void batchesOfOneAndOfManyGiveTheSameEngineWhenNoBatchRepeatsAParticipant() {
        OrderStreamWorkload single = new OrderStreamWorkload(50_000, 11L);
        OrderStreamWorkload batched = new OrderStreamWorkload(50_000, 11L);
        for (int i = 0; i < 320; i++) {
            single.next();
            batched.next(64);
        }

        assertThat(batched.rejections()).isEqualTo(single.rejections());
        assertThat(batched.engine().stateHash()).isEqualTo(single.engine().stateHash());
    }

    @Test
    void aWrongBookFailsVerification() {
        OrderStreamWorkload workload = new OrderStreamWorkload(1_000, 3L);
        workload.corruptForTest();

        assertThat(workload.verify()).isNotEmpty();
    }
}

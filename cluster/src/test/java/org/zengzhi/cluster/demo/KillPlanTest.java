package org.zengzhi.cluster.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/** Issue 21 "a node is killed at random moments": the demo's kill moments, seeded, within the load window. */
class KillPlanTest {

    @Test
    void theSameSeedDrawsTheSameKillsAndAnotherSeedOthers() {
        assertThat(KillPlan.random(42, 2, 20_000)).isEqualTo(KillPlan.random(42, 2, 20_000));
        assertThat(KillPlan.random(42, 2, 20_000).momentsMs()).isNotEqualTo(KillPlan.random(43, 2, 20_000).momentsMs());
    }

    @Test
    void momentsLieWithinTheWindowInOrderAndSpreadOverIt() {
        long window = 20_000;
        long[] all = LongStream.range(0, 1_000).flatMap(seed -> {
            List<Long> moments = KillPlan.random(seed, 2, window).momentsMs();
            assertThat(moments).hasSize(2).isSorted().allMatch(ms -> ms >= 0 && ms < window);
            return moments.stream().mapToLong(Long::longValue);
        }).toArray();
        // uniform over [0, window): every fifth of the window gets about a fifth of 2,000 moments
        for (int fifth = 0; fifth < 5; fifth++) {
            long from = fifth * window / 5;
            long count = LongStream.of(all).filter(ms -> ms >= from && ms < from + window / 5).count();
            assertThat(count).as("moments in fifth %d", fifth).isBetween(300L, 500L);
        }
    }

    @Test
    void aRandomVictimIsOneOfTheLiveNodesAndAFixedOneTheLast() {
        List<Integer> alive = List.of(0, 2);
        for (long seed = 0; seed < 50; seed++) {
            KillPlan plan = KillPlan.random(seed, 2, 10_000);
            assertThat(plan.victim(0, List.of(0, 1, 2))).isIn(0, 1, 2);
            assertThat(plan.victim(1, alive)).isIn(alive);
        }
        KillPlan fixed = KillPlan.fixed(1, 2, 10);
        assertThat(fixed.momentsMs()).containsExactly(10_000L, 20_000L);
        assertThat(fixed.victim(0, List.of(0, 1, 2))).isEqualTo(2);
        assertThat(fixed.victim(1, List.of(0, 1))).isEqualTo(1);
    }
}

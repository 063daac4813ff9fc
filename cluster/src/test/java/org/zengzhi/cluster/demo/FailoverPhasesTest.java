package org.zengzhi.cluster.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zengzhi.cluster.Takeover;

/** Issue 21 deliver 4: the demo's failover phases, read from the nodes' take-over times (not from a clock here). */
class FailoverPhasesTest {
    private static final long KILL = 1_000_000;

    @Test
    void eachPhaseIsTheLastMovedTenantThroughItAfterTheKill() {
        List<Takeover> takeovers = List.of(
                new Takeover("t-0", KILL - 60_000, KILL - 59_000, KILL - 58_000, -1, -1), // held before the kill
                new Takeover("t-1", KILL + 3_100, KILL + 3_400, KILL + 4_000, 1_999, 2_100),
                new Takeover("t-2", KILL + 3_300, KILL + 3_900, KILL + 6_500, -1, 150));
        Map<String, Long> answered = Map.of("t-0", KILL + 200, "t-1", KILL + 4_100, "t-2", KILL + 6_600);

        FailoverPhases p = FailoverPhases.of(KILL, KILL + 2_900, takeovers, answered);

        assertThat(p.tenantsMoved()).as("only tenants assigned after the kill moved").isEqualTo(2);
        assertThat(p.noticedMs()).isEqualTo(2_900);
        assertThat(p.firstAssignedMs()).isEqualTo(3_100);
        assertThat(p.assignedMs()).isEqualTo(3_300);
        assertThat(p.restoredMs()).isEqualTo(3_900);
        assertThat(p.replayedMs()).isEqualTo(6_500);
        assertThat(p.answeredMovedMs()).isEqualTo(6_600);
        assertThat(p.answeredAllMs()).isEqualTo(6_600);
        assertThat(p.line()).contains("replayed_ms=6500");
    }

    @Test
    void aPhaseNotYetReachedByEveryMovedTenantIsMinusOne() {
        List<Takeover> takeovers = List.of(new Takeover("t-1", KILL + 3_100, KILL + 3_400, 0, -1, 80));
        FailoverPhases p = FailoverPhases.of(KILL, 0, takeovers, Map.of());
        assertThat(p.noticedMs()).isEqualTo(-1);
        assertThat(p.restoredMs()).isEqualTo(3_400);
        assertThat(p.replayedMs()).isEqualTo(-1);
    }

    @Test
    void aTakeoverLineReadsBackAsItWasWritten() {
        Takeover t = new Takeover("tenant-07", 11, 12, 13, 1_999, 2_050);
        assertThat(Takeover.parse(t.line())).isEqualTo(t);
    }
}

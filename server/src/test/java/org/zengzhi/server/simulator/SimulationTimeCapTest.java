package org.zengzhi.server.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.zengzhi.server.gateway.Response;

/**
 * A run still going at the time cap is stopped (the simulators check for an interrupt every simulated day or
 * consumer), named as stopped at the cap, and the one slot is free again: a preset of millions of orders under a
 * cap of a fifth of a second.
 */
class SimulationTimeCapTest {
    @Test
    void aRunPastTheTimeCapIsStoppedAndTheSlotFreed() throws Exception {
        SimulationRuns runs = new SimulationRuns(null, Duration.ofMillis(200));
        try {
            Response started = runs.start(new SimulationRuns.Request("mall-steady.yaml", null, null, null, null), "cap-1");
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            SimulationRuns.Run run = runs.recent().get(0);
            for (int i = 0; i < 1200 && run.state() == SimulationRuns.State.RUNNING; i++) {
                Thread.sleep(100);
            }
            assertThat(run.state()).isEqualTo(SimulationRuns.State.FAILED);
            assertThat(run.error()).startsWith("stopped at the time cap of 200 ms");
            Response next = null;
            for (int i = 0; i < 100 && (next == null || next.status() == 429); i++) {
                next = runs.start(new SimulationRuns.Request("single-city.yaml", null, null, 10, null), "cap-2-" + i);
                Thread.sleep(next.status() == 429 ? 100 : 0);
            }
            assertThat(next.status()).as("the slot is free once the stopped run has ended: %s", next.body()).isEqualTo(202);
        } finally {
            runs.stop();
        }
    }
}

package org.zengzhi.engine.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.zengzhi.engine.Command;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.PoolRules;
import org.zengzhi.engine.Price;

/** the estimate counts the orders that really lift the price to the threshold, by the engine's rules. */
class ExitEstimateTest {
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void estimateMatchesWhatTheEngineDoesWithThoseOrders() {
        Engine engine = new Engine(PoolRules.MALL);
        engine.execute(new Command.SettleOrder("o1", AT, "u1", 100_000, 30_000));
        Holder u1 = engine.holder("u1");
        ExitEstimate estimate = ExitEstimate.of(PoolRules.MALL, engine.price(), u1.pointsMicro(), u1.cycleSpendFen(),
                u1.cycleRealizedFen(), 100_000, 30_000);
        assertThat(estimate.threshold().display()).isEqualTo("14.2857");
        assertThat(estimate.dueNow()).isFalse();
        assertThat(estimate.orders()).isPositive();
        for (long n = 1; n < estimate.orders(); n++) {
            engine.execute(new Command.SettleOrder("c" + n, AT, "c" + n, 100_000, 30_000));
        }
        assertThat(engine.holder("u1").exits()).as("not out one order early").isZero();
        engine.execute(new Command.SettleOrder("last", AT, "last", 100_000, 30_000));
        assertThat(engine.holder("u1").exits()).as("out on exactly the estimated order").isEqualTo(1);
        assertThat(estimate.consumptionFen()).isEqualTo(estimate.orders() * 100_000);
    }

    @Test
    void holdersPastTheThresholdAreDueAndEmptyHoldersHaveNoEstimate() {
        assertThat(ExitEstimate.of(PoolRules.MALL, Price.ONE_YUAN, 0, 100_000, 0, 100_000, 30_000)).isNull();
        ExitEstimate due = ExitEstimate.of(PoolRules.MALL, new Price(100_000, 1_000_000), 1_000_000, 100, 0, 100_000, 30_000);
        assertThat(due.dueNow()).isTrue();
        ExitEstimate never = ExitEstimate.of(PoolRules.MALL, Price.ONE_YUAN, 1, 1_000_000_000, 0, 100_000, 0);
        assertThat(never.orders()).isEqualTo(-1);
    }
}

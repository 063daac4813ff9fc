package org.zengzhi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.zengzhi.engine.Price;

/**
 * Cases where {@link Engine} departs from the contract its {@link ReferenceEngine} implements (SPEC,
 * ARCHITECTURE rule 3: exceptions are for bugs only, and a command either applies or changes
 * nothing). These tests fail until the engine is fixed; they must not be weakened to pass.
 */
class EngineDisagreementTest {
    /** k = 1.00001 is a valid exit multiple: the fraction 100001/100000. */
    private static final PoolRules FINE_K = PoolRules.of(700_000, 800_000, "1.00001", Price.ONE_YUAN);
    /** The largest order allowed (Limits.AMOUNT_FEN_MAX), 30% of it to the pool. */
    private static final Command ORDER = new Command.SettleOrder("o1", Instant.EPOCH, "whale",
            Limits.AMOUNT_FEN_MAX, 300_000_000_000L);

    /**
     * SPEC exit test with k a fraction: the engine keeps the threshold price's denominator kDen·h in a
     * long ({@code PoolMath.thresholdDenominator}, Math.multiplyExact), so kDen = 10⁵ and h = 2.1·10¹⁵ µpt
     * (2.1 billion points, which this valid order mints at p = 1.00) overflow: ArithmeticException.
     */
    @Test
    void validOrderWithFineExitMultipleIsApplied_R1_4_R3_5() {
        ReferenceEngine reference = new ReferenceEngine(FINE_K);
        List<Event> expected = reference.execute(ORDER);
        assertThat(expected).containsExactly(
                new Event.PointsMinted("o1", "whale", Limits.AMOUNT_FEN_MAX, 300_000_000_000L, 2_100_000_000_000_000L),
                new Event.PriceChanged("o1", Instant.EPOCH, 300_000_000_000L, 2_100_000_000_000_000L));

        Engine engine = new Engine(FINE_K);
        Throwable thrown = catchThrowable(() -> assertThat(engine.execute(ORDER)).isEqualTo(expected));
        assertThat(thrown).as("the engine must apply a valid order, not throw").isNull();
    }

    /**
     * ARCHITECTURE rule 3 / SPEC: when that exception escapes, the order is already half applied —
     * the ledger moved the cash and points, but the holder is missing from the exit index and no event was
     * emitted — so the engine's own invariant check fails afterwards.
     */
    @Test
    void failedCommandLeavesNoHalfAppliedState_R1_5() {
        Engine engine = new Engine(FINE_K);
        String hashBefore = engine.stateHash();
        Throwable thrown = catchThrowable(() -> engine.execute(ORDER));
        if (thrown != null) {
            assertThat(engine.stateHash()).as("state after the command threw %s", thrown).isEqualTo(hashBefore);
        }
        assertThat(engine.checkInvariants()).isEmpty();
    }
}

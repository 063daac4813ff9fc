package org.zengzhi.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.zengzhi.engine.EngineOutput;

/** The cascade benchmark's setup and check at small scale. */
class ExitCascadeTest {

    @Test
    void oneSubsidyMakesEveryHolderExit() {
        ExitCascade cascade = new ExitCascade(2_000, 1L);
        assertThat(cascade.engine().holderCount()).isEqualTo(2_000);
        EngineOutput out = new EngineOutput();

        cascade.run(out);

        assertThat(cascade.verify(out)).isEmpty();
    }

    @Test
    void aCascadeThatStopsShortFailsVerification() {
        ExitCascade cascade = new ExitCascade(2_000, 1L);

        assertThat(cascade.verify(new EngineOutput())).isNotEmpty();
    }
}

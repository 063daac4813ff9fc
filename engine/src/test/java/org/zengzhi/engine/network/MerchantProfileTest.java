package org.zengzhi.engine.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.zengzhi.engine.Command;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.TestPlans;

/** What the operator's merchant list reads of the engine: owner, recruiter, region, rate. */
class MerchantProfileTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final Engine engine = new Engine(TestPlans.localLife(), RegionDirectory.STANDARD);

    @Test
    void profilesShowTheResolvedRateAndFollowSuspension() {
        engine.execute(new Command.OnboardMerchant("m1", T0, "shop", "lee", "rita", "440106", 150_000));
        engine.execute(new Command.OnboardMerchant("m2", T0, "cafe", "kim", null, "110101", -1));
        engine.execute(new Command.SuspendMerchant("s1", T0, "cafe", true, "steering customers off the platform"));

        assertThat(engine.merchantCount()).isEqualTo(2);
        assertThat(engine.merchants(0, 10)).containsExactly(
                new MerchantProfile("shop", "lee", "rita", "440106", 150_000, false),
                new MerchantProfile("cafe", "kim", null, "110101", engine.plan().store().defaultCommissionPpm(), true));
        assertThat(engine.merchants(1, 10)).extracting(MerchantProfile::merchant).containsExactly("cafe");
        assertThat(engine.merchants(2, 10)).isEmpty();
        assertThat(engine.merchant("nobody")).isNull();

        engine.execute(new Command.SuspendMerchant("s2", T0, "cafe", false, "report dismissed"));
        assertThat(engine.merchant("cafe").suspended()).isFalse();
    }
}

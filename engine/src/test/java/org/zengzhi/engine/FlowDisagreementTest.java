package org.zengzhi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.network.RegionDirectory;
import org.zengzhi.engine.order.Channel;
import org.zengzhi.engine.order.MallSplitFen;
import org.zengzhi.engine.order.Reward;
import org.zengzhi.engine.order.RewardKind;
import org.zengzhi.engine.order.RewardStatus;
import org.zengzhi.engine.plan.Plan;

/**
 * Minimal cases where {@link Engine} departs from the order-flow contract of {@link FlowReference} or from
 * SPEC, found by {@link FlowProperties}. Each runs under the shipped preset plans/local-life.yaml. These
 * tests fail until the engine is fixed; they must not be weakened to pass.
 */
class FlowDisagreementTest {
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    private final Plan plan = FlowStreams.plan(FlowStreams.Variant.LOCAL_LIFE);
    private final Engine engine = new Engine(plan, RegionDirectory.STANDARD);
    private final FlowReference reference = new FlowReference(plan, RegionDirectory.STANDARD);

    private List<Event> both(Command command) {
        List<Event> expected = reference.execute(command);
        List<Event> actual = engine.execute(command);
        return actual.equals(expected) ? actual : fail(command, expected, actual);
    }

    private static List<Event> fail(Command command, List<Event> expected, List<Event> actual) {
        assertThat(actual).as("events of %s", command).isEqualTo(expected);
        return actual;
    }

    /**
     * R-4.5 ("an order's region is the merchant's (mall: the delivery address)"): a store payment that carries
     * a region is settled in that region instead of the merchant's. The merchant is in 天河 440106, whose
     * district agent should earn 0.1%; the payment names 西湖 330106, so the engine pays 西湖's agent and
     * reports region 330106. (OrderFlow.pay takes pay.region() for every channel; PaymentCheck checks the
     * region only for mall orders, so a store payment with an unknown code such as 999999 is accepted too.)
     */
    @Test
    void storePaymentIsInTheMerchantsRegionWhateverRegionItCarries_R4_5() {
        both(new Command.OnboardMerchant("m", T0, "shop", "owner", null, "440106", -1));
        both(new Command.AppointAgent("a1", T0, "tianhe", "440106"));
        both(new Command.AppointAgent("a2", T0, "xihu", "330106"));
        both(new Command.RegisterUser("r", T0, "alice", "owner"));
        List<Event> paid = both(new Command.PayOrder("o1", T0, "alice", "shop", Channel.STORE, 100_000, 0, null,
                "330106"));
        assertThat(paid).contains(new Event.RewardChanged("o1", "o1",
                new Reward(RewardKind.AGENT, "tianhe", RegionLevel.DISTRICT, "440106", 100, 100), RewardStatus.PENDING));
    }

    /**
     * ARCHITECTURE rule 3 (bad input gets a clear rejection and changes nothing): a mall payment whose
     * own split has non-negative parts summing past Long.MAX_VALUE throws ArithmeticException from
     * MallSplitFen.total() (Math.addExact) inside PaymentCheck instead of being rejected as SPLIT_MISMATCH.
     */
    @Test
    void mallSplitWhosePartsOverflowIsRejectedNotThrown_R8_5() {
        Command pay = new Command.PayOrder("o1", T0, "alice", null, Channel.MALL, 100, 0,
                new MallSplitFen(Long.MAX_VALUE, Long.MAX_VALUE, 0, 0), null);
        List<Event> expected = reference.execute(pay);
        assertThat(expected).containsExactly(new Event.CommandRejected("o1", RejectionCode.SPLIT_MISMATCH, "split"));
        Throwable thrown = catchThrowable(() -> assertThat(engine.execute(pay)).isEqualTo(expected));
        assertThat(thrown).as("the engine must reject the payment, not throw").isNull();
    }

    /**
     * R-1.5 ("no available balance is negative"): a refund after settlement of a mall order sold without a
     * merchant is funded from PLATFORM_REVENUE (the contract says so), whose kind is AVAILABLE; with nothing
     * else earned, a 1.00 order leaves platform revenue at 0.10 + 0.30 unused budget = 0.40 and the refund
     * takes 1.00 from it: −0.60. The engine's checkInvariants() does not look at platform accounts, so it
     * reports nothing. SPEC's side: the shortfall belongs in a receivable (as MERCHANT_DEBT does for
     * merchants) or should first come back from SUPPLIER_PAYABLE, which still holds the 0.30 cost.
     */
    @Test
    void refundAfterSettlementWithoutMerchantLeavesNoAvailableBalanceNegative_R1_5() {
        both(new Command.PayOrder("o1", T0, "alice", null, Channel.MALL, 100, 0, null, null));
        both(new Command.Tick("t", T0.plus(Duration.ofDays(30))));
        both(new Command.RefundOrder("x", T0.plus(Duration.ofDays(30)), "o1"));
        assertThat(engine.balances()).isEqualTo(reference.balances());
        assertThat(engine.checkInvariants()).isEmpty();
        assertThat(engine.balance(AccountType.PLATFORM_REVENUE, null)).as("platform revenue after the refund")
                .isNotNegative();
    }
}

package org.zengzhi.engine.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.zengzhi.engine.BatchPrefetch;
import org.zengzhi.engine.Command;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.EngineOutput;
import org.zengzhi.engine.Event;
import org.zengzhi.engine.EventType;
import org.zengzhi.engine.PoolRules;
import org.zengzhi.engine.RejectionCode;
import org.zengzhi.engine.TestPlans;
import org.zengzhi.engine.codec.SnapshotCodec;
import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.ledger.Asset;
import org.zengzhi.engine.ledger.Balance;
import org.zengzhi.engine.network.RegionDirectory;
import org.zengzhi.engine.plan.Plan;
import org.zengzhi.engine.Price;

/** The order lifecycle of and the rewards of, one behaviour a test. */
class OrderFlowTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private Engine engine = new Engine(TestPlans.localLife(), RegionDirectory.STANDARD);
    private int ids;

    private List<Event> run(Command command) {
        EngineOutput out = new EngineOutput();
        engine.execute(command, out);
        for (Asset asset : Asset.values()) {
            assertThat(out.postingSum(asset, 0)).as("postings of %s by %s", asset, command).isZero();
        }
        assertThat(engine.checkInvariants()).isEmpty();
        return new ArrayList<>(out.events());
    }

    private void setUpStore(String region) {
        run(new Command.RegisterUser("r1", T0, "boss", null));
        run(new Command.RegisterUser("r2", T0, "ref2", "boss"));
        run(new Command.RegisterUser("r3", T0, "ref1", "ref2"));
        run(new Command.RegisterUser("r4", T0, "alice", "ref1"));
        run(new Command.OnboardMerchant("m1", T0, "shop", "owner", "recruiter", region, 200_000));
    }

    private List<Event> pay(String order, String user, long amountFen, Instant at) {
        return run(new Command.PayOrder(order, at, user, "shop", Channel.STORE, amountFen, 0, null, null));
    }

    private List<Event> tick(Instant at) {
        return run(new Command.Tick("tick" + ids++, at));
    }

    private static List<Reward> rewards(List<Event> events, RewardStatus status) {
        return events.stream().filter(e -> e instanceof Event.RewardChanged)
                .map(e -> (Event.RewardChanged) e).filter(e -> e.status() == status)
                .map(Event.RewardChanged::reward).collect(Collectors.toList());
    }

    @Test
    void storeOrderSplitsTheCommission2_2_16AndSettlesAtTheNextTick() {
        setUpStore("440106");
        List<Event> paid = pay("o1", "alice", 100_000, T0);
        Event.OrderPaid event = (Event.OrderPaid) paid.stream().filter(e -> e instanceof Event.OrderPaid).findFirst().get();
        assertThat(event.split()).isEqualTo(new OrderSplit(100_000, 20_000, 80_000, 2_000, 2_000, 16_000, 0, 1_000, 1_000));
        assertThat(rewards(paid, RewardStatus.PENDING)).extracting(Reward::kind, Reward::recipient, Reward::amountFen)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(RewardKind.DIRECT, "ref1", 300L),
                        org.assertj.core.groups.Tuple.tuple(RewardKind.INDIRECT, "ref2", 200L),
                        org.assertj.core.groups.Tuple.tuple(RewardKind.RECRUITMENT, "recruiter", 500L));
        assertThat(engine.balance(AccountType.USER_CASH_PENDING, "ref1")).isEqualTo(300);
        assertThat(engine.balance(AccountType.MERCHANT_PENDING, "shop")).isEqualTo(80_000);
        assertThat(engine.circulatingPoints()).as("nothing minted before settlement").isZero();

        List<Event> settled = tick(T0);
        assertThat(rewards(settled, RewardStatus.AVAILABLE)).hasSize(3);
        assertThat(engine.balance(AccountType.USER_CASH, "ref1")).isEqualTo(300);
        assertThat(engine.balance(AccountType.MERCHANT_CASH, "shop")).isEqualTo(80_000);
        assertThat(engine.balance(AccountType.PLATFORM_REVENUE, null)).as("platform 20.00 + unused budget 10.00")
                .isEqualTo(3_000);
        assertThat(engine.poolCash()).isEqualTo(16_000);
        assertThat(engine.holder("alice").pointsMicro()).as("seed 001: 112 points").isEqualTo(112_000_000);
        assertThat(engine.balance(AccountType.ORDER_ESCROW, null)).isZero();
    }

    /**
     * one tick settles more orders than its read-ahead window, earliest due first, ties in payment
     * order: mall orders paid first fall due after store orders paid a minute later.
     */
    @Test
    void aTickSettlesManyWindowsOfOrdersInDueThenPaymentOrder() {
        setUpStore("440106");
        int each = BatchPrefetch.WINDOW + 10;
        List<String> expected = new ArrayList<>();
        List<String> mall = new ArrayList<>();
        for (int i = 0; i < each; i++) {
            run(new Command.PayOrder("m" + i, T0, i % 2 == 0 ? "alice" : "ref1", null, Channel.MALL, 10_000 + i, 0,
                    null, null));
            mall.add("m" + i);
        }
        for (int i = 0; i < each; i++) {
            pay("s" + i, i % 2 == 0 ? "alice" : "ref1", 10_000 + i, T0.plus(Duration.ofMinutes(1)));
            expected.add("s" + i);
        }
        expected.addAll(mall);
        List<Event> settled = tick(T0.plus(Duration.ofDays(60)));
        assertThat(settled.stream().filter(e -> e instanceof Event.OrderSettled)
                .map(e -> ((Event.OrderSettled) e).order())).containsExactlyElementsOf(expected);
        assertThat(engine.unsettledOrders()).isZero();
    }

    @Test
    void dustOfTheCommissionSplitGoesToTheRoundingAccount() {
        setUpStore("440106");
        pay("o1", "alice", 999, T0); // C = 199; platform 19, distribution 19, pool 159: 2 fen of dust
        tick(T0);
        assertThat(engine.balance(AccountType.PLATFORM_ROUNDING, null)).isEqualTo(2);
        assertThat(engine.poolCash()).isEqualTo(159);
    }

    @Test
    void refundBeforeSettlementLeavesEveryBalanceAsIfTheOrderNeverHappened() {
        setUpStore("440106");
        pay("o0", "alice", 50_000, T0);
        List<Balance> before = engine.balances();
        List<Event> paid = pay("o1", "alice", 100_000, T0);
        List<Event> refunded = run(new Command.RefundOrder("x1", T0, "o1"));
        assertThat(rewards(refunded, RewardStatus.CANCELLED)).isEqualTo(rewards(paid, RewardStatus.PENDING));
        assertThat(engine.balances()).isEqualTo(before);
        tick(T0.plusSeconds(1));
        assertThat(engine.poolCash()).as("only o0 reached the pool").isEqualTo(8_000);
        assertThat(run(new Command.RefundOrder("x2", T0, "o1")).get(0))
                .isEqualTo(new Event.CommandRejected("x2", RejectionCode.ALREADY_REFUNDED, "order"));
    }

    @Test
    void refundAfterSettlementIsMerchantFundedAndKeepsRewardsByDefault() {
        setUpStore("440106");
        pay("o1", "alice", 100_000, T0);
        tick(T0);
        long points = engine.holder("alice").pointsMicro();
        List<Event> refunded = run(new Command.RefundOrder("x1", T0, "o1"));
        assertThat(refunded).contains(new Event.OrderRefunded("x1", "o1", "alice", 100_000, true));
        assertThat(engine.balance(AccountType.MERCHANT_CASH, "shop")).isZero();
        assertThat(engine.balance(AccountType.MERCHANT_DEBT, "shop")).as("the platform advanced 200.00")
                .isEqualTo(-20_000);
        assertThat(engine.balance(AccountType.USER_CASH, "ref1")).isEqualTo(300);
        assertThat(engine.holder("alice").pointsMicro()).as("the pool is never touched after settlement")
                .isEqualTo(points);
    }

    @Test
    void refundAfterSettlementClawsRewardsBackWhenThePlanSaysSo() {
        engine = new Engine(TestPlans.withRefundPolicy(TestPlans.localLife(), Plan.RefundPolicy.CLAW_BACK_REWARDS),
                RegionDirectory.STANDARD);
        setUpStore("440106");
        pay("o1", "alice", 100_000, T0);
        tick(T0);
        List<Event> refunded = run(new Command.RefundOrder("x1", T0, "o1"));
        assertThat(rewards(refunded, RewardStatus.CLAWED_BACK)).extracting(Reward::amountFen).containsExactly(300L, 200L, 500L);
        assertThat(engine.balance(AccountType.USER_CASH, "ref1")).isZero();
        assertThat(engine.balance(AccountType.USER_CASH, "recruiter")).isZero();
    }

    @Test
    void mallOrdersSettleSevenDaysAfterReceiptOrAfterAutomaticReceiptAt15Days() {
        setUpStore("440106");
        run(new Command.PayOrder("m1", T0, "alice", null, Channel.MALL, 100_000, 0, null, "440106"));
        run(new Command.PayOrder("m2", T0, "alice", null, Channel.MALL, 100_000, 0,
                new MallSplitFen(30_000, 30_000, 10_000, 30_000), "440106"));
        run(new Command.ConfirmReceipt("c1", T0.plus(Duration.ofDays(2)), "m1"));
        assertThat(tick(T0.plus(Duration.ofDays(9)).minusSeconds(1))).isEmpty();
        assertThat(tick(T0.plus(Duration.ofDays(9)))).anyMatch(e -> e instanceof Event.OrderSettled
                && ((Event.OrderSettled) e).order().equals("m1"));
        assertThat(tick(T0.plus(Duration.ofDays(22)).minusSeconds(1))).isEmpty();
        assertThat(tick(T0.plus(Duration.ofDays(22)))).anyMatch(e -> e instanceof Event.OrderSettled
                && ((Event.OrderSettled) e).order().equals("m2"));
        assertThat(engine.balance(AccountType.SUPPLIER_PAYABLE, null)).as("cost of two products").isEqualTo(60_000);
        assertThat(engine.poolCash()).isEqualTo(60_000);
        List<Event> late = run(new Command.ConfirmReceipt("c2", T0.plus(Duration.ofDays(30)), "m2"));
        assertThat(late.get(0)).isEqualTo(new Event.CommandRejected("c2", RejectionCode.NOT_AWAITING_RECEIPT, "order"));
    }

    @Test
    void ordersDueAtTheSameMomentSettleInTheOrderTheyWerePaid() {
        setUpStore("440106");
        pay("b", "alice", 100_000, T0);
        pay("a", "ref1", 100_000, T0);
        List<String> settled = tick(T0).stream().filter(e -> e instanceof Event.OrderSettled)
                .map(e -> ((Event.OrderSettled) e).order()).collect(Collectors.toList());
        assertThat(settled).containsExactly("b", "a");
        assertThat(engine.holder("alice").pointsMicro()).isEqualTo(112_000_000);
        assertThat(engine.holder("ref1").pointsMicro()).isEqualTo(78_400_000);
    }

    @Test
    void agentsArePaidByDifferentialUpTheRegionTree() {
        setUpStore("440106");
        run(new Command.AppointAgent("a1", T0, "tianhe", "440106"));
        run(new Command.AppointAgent("a2", T0, "guangdong", "440000"));
        List<Reward> agentRewards = rewards(pay("o1", "alice", 1_000_000, T0), RewardStatus.PENDING).stream()
                .filter(r -> r.kind() == RewardKind.AGENT).collect(Collectors.toList());
        // district 0.1% = 10.00; no city agent; province 0.3% − the district's 0.1% = 20.00
        assertThat(agentRewards).extracting(Reward::recipient, Reward::amountFen)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("tianhe", 1_000L),
                        org.assertj.core.groups.Tuple.tuple("guangdong", 2_000L));
        run(new Command.RemoveAgent("a3", T0, "440106"));
        run(new Command.AppointAgent("a4", T0, "guangzhou", "440100"));
        agentRewards = rewards(pay("o2", "alice", 1_000_000, T0), RewardStatus.PENDING).stream()
                .filter(r -> r.kind() == RewardKind.AGENT).collect(Collectors.toList());
        assertThat(agentRewards).extracting(Reward::recipient, Reward::amountFen)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("guangzhou", 2_000L),
                        org.assertj.core.groups.Tuple.tuple("guangdong", 1_000L));
        assertThat(run(new Command.AppointAgent("a5", T0, "other", "440100")).get(0))
                .isEqualTo(new Event.CommandRejected("a5", RejectionCode.REGION_TAKEN, "region"));
    }

    @Test
    void aRewardLargerThanWhatRemainsOfTheBudgetIsCutAndTheCutReported() {
        setUpStore("440106");
        run(new Command.OnboardMerchant("m2", T0, "cheap", "owner2", null, "440106", 30_000));
        // 3% commission of 1000.00 = 30.00; distribution budget 10% of it = 3.00; direct 0.3% = 3.00 fits,
        // indirect 0.2% = 2.00 is cut to nothing.
        List<Reward> pending = rewards(run(new Command.PayOrder("o1", T0, "alice", "cheap", Channel.STORE, 100_000, 0,
                null, null)), RewardStatus.PENDING);
        assertThat(pending).extracting(Reward::kind, Reward::amountFen, Reward::cutFen)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(RewardKind.DIRECT, 300L, 0L),
                        org.assertj.core.groups.Tuple.tuple(RewardKind.INDIRECT, 0L, 200L));
    }

    @Test
    void anUnboundConsumerIsBoundToTheMerchantOwnerAtTheFirstStorePaymentForGood() {
        setUpStore("440106");
        List<Event> first = pay("o1", "walkin", 100_000, T0);
        assertThat(first).contains(new Event.ReferrerBound("o1", "walkin", "owner", "shop"));
        assertThat(rewards(first, RewardStatus.PENDING)).extracting(Reward::kind, Reward::recipient)
                .contains(org.assertj.core.groups.Tuple.tuple(RewardKind.DIRECT, "owner"));
        run(new Command.OnboardMerchant("m2", T0, "other", "owner2", null, "440106", 200_000));
        assertThat(run(new Command.PayOrder("o2", T0, "walkin", "other", Channel.STORE, 100_000, 0, null, null)))
                .noneMatch(e -> e instanceof Event.ReferrerBound);
        assertThat(engine.referrerOf("walkin")).isEqualTo("owner");
        assertThat(engine.merchantOwner("other")).isEqualTo("owner2");
        assertThat(engine.merchantOwner("nowhere")).isNull();
    }

    @Test
    void referralCyclesCannotBeFormed() {
        setUpStore("440106");
        assertThat(run(new Command.ReassignReferrer("x", T0, "boss", "alice", "report 17")).get(0))
                .isEqualTo(new Event.CommandRejected("x", RejectionCode.REFERRAL_CYCLE, "referrer"));
        assertThat(run(new Command.ReassignReferrer("y", T0, "alice", "boss", " ")).get(0))
                .isEqualTo(new Event.CommandRejected("y", RejectionCode.REASON_REQUIRED, "reason"));
        assertThat(run(new Command.ReassignReferrer("z", T0, "alice", "boss", "report 17")))
                .containsExactly(new Event.ReferrerReassigned("z", "alice", "ref1", "boss", "report 17"));
        // The boss owns no merchant, but a merchant owned by alice cannot bind the boss under her either.
        run(new Command.OnboardMerchant("m2", T0, "aliceShop", "alice", null, "440106", 200_000));
        assertThat(run(new Command.PayOrder("o1", T0, "boss", "aliceShop", Channel.STORE, 100_000, 0, null, null)))
                .noneMatch(e -> e instanceof Event.ReferrerBound);
    }

    @Test
    void doublePointsPayHalfOfAMallProductAndTheBindingMerchantEarnsItsRebate() {
        engine = new Engine(TestPlans.withDeduct(TestPlans.localLife(), 2_000_000, 500_000, 200_000),
                RegionDirectory.STANDARD);
        setUpStore("440106");
        pay("o1", "walkin", 100_000, T0);
        tick(T0);
        assertThat(engine.balance(AccountType.USER_DEDUCT, "walkin")).as("2× of 1000.00").isEqualTo(200_000);
        assertThat(run(new Command.PayOrder("m1", T0, "walkin", null, Channel.MALL, 100_000, 150_000, null, null)).get(0))
                .isEqualTo(new Event.CommandRejected("m1", RejectionCode.DEDUCT_NOT_ALLOWED, "deduct"));
        List<Event> mall = run(new Command.PayOrder("m2", T0, "walkin", null, Channel.MALL, 200_000, 200_000, null, null));
        assertThat(rewards(mall, RewardStatus.PENDING)).extracting(Reward::kind, Reward::recipient, Reward::amountFen)
                .contains(org.assertj.core.groups.Tuple.tuple(RewardKind.MALL_REBATE, "shop", 40_000L));
        tick(T0.plus(Duration.ofDays(22)));
        assertThat(engine.balance(AccountType.USER_DEDUCT, "walkin")).isZero();
        assertThat(engine.balance(AccountType.MERCHANT_CASH, "shop")).as("800.00 + 20% of the 2000.00 cash")
                .isEqualTo(80_000 + 40_000);
        assertThat(engine.assetTotal(Asset.DEDUCT)).isZero();
    }

    @Test
    void rejectedPaymentsChangeNothing() {
        setUpStore("440106");
        run(new Command.SuspendMerchant("s", T0, "shop", true, "steering customers off the platform"));
        String hash = engine.stateHash();
        assertThat(pay("o1", "alice", 100_000, T0).get(0)).isEqualTo(
                new Event.CommandRejected("o1", RejectionCode.MERCHANT_SUSPENDED, "merchant"));
        assertThat(run(new Command.PayOrder("o2", T0, "alice", "nope", Channel.STORE, 100, 0, null, null)).get(0).type())
                .isEqualTo(EventType.COMMAND_REJECTED);
        assertThat(run(new Command.PayOrder("o3", T0, "alice", null, Channel.MALL, 100, 0,
                new MallSplitFen(1, 1, 1, 1), null)).get(0))
                .isEqualTo(new Event.CommandRejected("o3", RejectionCode.SPLIT_MISMATCH, "split"));
        assertThat(run(new Command.OnboardMerchant("m9", T0, "x", "o", null, "999999", 200_000)).get(0))
                .isEqualTo(new Event.CommandRejected("m9", RejectionCode.UNKNOWN_REGION, "region"));
        assertThat(run(new Command.OnboardMerchant("m9", T0, "x", "o", null, "440106", 250_000)).get(0))
                .isEqualTo(new Event.CommandRejected("m9", RejectionCode.COMMISSION_OUT_OF_RANGE, "commissionRate"));
        assertThat(engine.stateHash()).isEqualTo(hash);
    }

    @Test
    void snapshotOfAWholeEconomyRestoresToTheSameHashAndBehaviour() throws Exception {
        setUpStore("440106");
        run(new Command.AppointAgent("a1", T0, "tianhe", "440106"));
        pay("o1", "alice", 100_000, T0);
        tick(T0);
        pay("o2", "walkin", 70_000, T0);
        run(new Command.PayOrder("m1", T0, "alice", null, Channel.MALL, 100_000, 0, null, "440106"));
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        SnapshotCodec.write(engine, bytes);
        Engine restored = SnapshotCodec.read(new java.io.ByteArrayInputStream(bytes.toByteArray()));
        assertThat(restored.stateHash()).isEqualTo(engine.stateHash());
        Command tick = new Command.Tick("t", T0.plus(Duration.ofDays(30)));
        assertThat(restored.execute(tick)).isEqualTo(engine.execute(tick));
        assertThat(restored.stateHash()).isEqualTo(engine.stateHash());
        assertThat(restored.checkInvariants()).isEmpty();
    }

    @Test
    void withoutRetainingSettledOrdersASettledOrderIsForgottenAndItsRefundIsAnUnknownOrder() {
        engine.retainSettledOrders(false);
        setUpStore("440106");
        pay("o1", "alice", 100_000, T0);
        tick(T0);
        run(new Command.PayOrder("o2", T0, "alice", null, Channel.MALL, 100_000, 0, null, null));
        assertThat(engine.unsettledOrders()).isEqualTo(1);
        assertThat(engine.holder("alice").pointsMicro()).isEqualTo(112_000_000);
        assertThat(run(new Command.RefundOrder("r-o1", T0, "o1"))).singleElement()
                .isEqualTo(new Event.CommandRejected("r-o1", RejectionCode.UNKNOWN_ORDER, "order"));
        assertThat(run(new Command.RefundOrder("r-o2", T0, "o2")))
                .anySatisfy(event -> assertThat(event).isInstanceOf(Event.OrderRefunded.class));
    }

    @Test
    void aBonusComesFromThePlatformsOwnFundsWithItsReasonKept() {
        setUpStore("440106");
        assertThat(run(new Command.GrantBonus("b1", T0, "alice", 5_000, "report 9 upheld")))
                .containsExactly(new Event.BonusGranted("b1", "alice", 5_000, "report 9 upheld"));
        assertThat(engine.balance(AccountType.USER_CASH, "alice")).isEqualTo(5_000);
        assertThat(engine.balance(AccountType.PLATFORM_BONUSES, null)).isEqualTo(-5_000);
        String hash = engine.stateHash();
        assertThat(run(new Command.GrantBonus("b2", T0, "nobody", 5_000, "r")).get(0))
                .isEqualTo(new Event.CommandRejected("b2", RejectionCode.UNKNOWN_PARTICIPANT, "user"));
        assertThat(run(new Command.GrantBonus("b3", T0, "alice", 0, "r")).get(0).type()).isEqualTo(EventType.COMMAND_REJECTED);
        assertThat(run(new Command.GrantBonus("b4", T0, "alice", 5_000, " ")).get(0))
                .isEqualTo(new Event.CommandRejected("b4", RejectionCode.REASON_REQUIRED, "reason"));
        assertThat(engine.stateHash()).isEqualTo(hash);
    }

    @Test
    void aNewPlanRekeysTheExitIndexAndForcesOutWhoeverItMakesDue() {
        engine = new Engine(Plan.defaults(PoolRules.MALL), RegionDirectory.STANDARD);
        run(new Command.SettleOrder("o1", T0, "u1", 100_000, 30_000));
        run(new Command.SettleOrder("o2", T0, "u2", 100_000, 30_000));
        Price before = engine.price();
        Plan lower = Plan.defaults(PoolRules.of(700_000, 800_000, "1.1", Price.ONE_YUAN));
        List<Event> events = run(new Command.ChangePlan("p1", T0, lower, "pool: {exitMultiple: 1.1}"));
        assertThat(events.get(0)).isEqualTo(new Event.PlanChanged("p1", "default"));
        // At 1.6807 u1's 210 points are worth 352.94: not 1.1 × 1000.00; nobody is due yet.
        assertThat(events).noneMatch(e -> e instanceof Event.ParticipantExited);
        assertThat(engine.price()).isEqualTo(before);
        assertThat(engine.rules().exitMultipleNumerator()).isEqualTo(11);
        run(new Command.InjectSubsidy("x1", T0, 300_000));
        assertThat(engine.holder("u1").exits()).as("due under k = 1.1 after the subsidy").isEqualTo(1);
    }
}

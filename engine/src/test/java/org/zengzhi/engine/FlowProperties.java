package org.zengzhi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

import org.zengzhi.engine.FlowStreams.Flow;
import org.zengzhi.engine.codec.SnapshotCodec;
import org.zengzhi.engine.ledger.AccountKind;
import org.zengzhi.engine.ledger.Asset;
import org.zengzhi.engine.ledger.Balance;
import org.zengzhi.engine.network.RegionDirectory;
import org.zengzhi.engine.order.Channel;
import org.zengzhi.engine.order.OrderSplit;
import org.zengzhi.engine.order.Reward;
import org.zengzhi.engine.order.RewardKind;
import org.zengzhi.engine.order.RewardStatus;
import org.zengzhi.engine.pool.Holder;

/**
 * Properties of the order flow (SPEC) over random flows from
 * {@link FlowStreams} under the shipped presets and variants, checked against the naive
 * {@link FlowReference}. The contract both implement, where SPEC is silent:
 *
 * <ul>
 *   <li>Time is the latest command time seen; a rejected command does not move it. Orders settle only on a
 *       Tick, every unsettled order with dueAt ≤ now, by (dueAt, payment order). Store orders are due at
 *       paidAt + storeDays; mall orders at paidAt + mallAutoReceiveDays + mallReturnDays, or receipt +
 *       mallReturnDays once receipt is confirmed (a PAID mall order, not yet received, strictly before
 *       paidAt + mallAutoReceiveDays).</li>
 *   <li>Splits of, rewards drawn from D in R-2.4's order, each ⌊A·rate⌋ cut to what is left; agents by
 *       differential from the order's region up to its province; no reward without recipient or for 0.</li>
 *   <li>A store payment by a user without a referrer binds them to the merchant's owner unless that closes
 *       a cycle, for good; the first-order reward needs no earlier order of the consumer that was
 *       not refunded before settlement; tiers by settled spend and current invitees, the
 *       earner's tier overriding its direct or indirect rate, the consumer's tier giving CONTRIB.</li>
 *   <li>Pending at payment, effective at settlement; a refund before settlement reverses every pending
 *       posting; after settlement the merchant funds it (debt for the shortfall; no merchant: platform
 *       revenue), rewards kept or clawed back as far as the wallets allow.</li>
 * </ul>
 *
 * <p>Known disagreements, each with a minimal case in {@link FlowDisagreementTest}: store payments that carry
 * a region are settled in it (R-4.5; fails {@code engineEqualsFlowReference_R2_R4}); refunds after settlement
 * of supplier mall orders drive PLATFORM_REVENUE negative (R-1.5; fails
 * {@code noAvailableBalanceIsNegative_R1_5}); mall splits whose parts overflow a long throw (R-8.5; kept out
 * of the generator, which would otherwise fail every property on it). These properties fail until the engine
 * is fixed; they must not be weakened to pass.
 */
class FlowProperties {

    @Provide
    Arbitrary<Flow> flows() {
        return FlowStreams.flows();
    }

    private static Engine engine(Flow flow) {
        return new Engine(flow.plan(), RegionDirectory.STANDARD);
    }

    /**
     * R-5.1 (with R-3 through the pool): the engine equals the
     * reference after every command — every event (rewards with kind, recipient, level, region, nominal,
     * amount and status; order splits; bindings; rejections), every balance, the pool and every holder.
     */
    @Property(tries = 600)
    void engineEqualsFlowReference_R2_R4(@ForAll("flows") Flow flow) {
        Engine engine = engine(flow);
        FlowReference reference = new FlowReference(flow.plan(), RegionDirectory.STANDARD);
        for (Command command : flow.commands()) {
            List<Event> expected = reference.execute(command);
            List<Event> actual = engine.execute(command);
            assertThat(actual).as("events of %s", command).isEqualTo(expected);
            assertThat(engine.balances()).as("balances after %s", command).isEqualTo(reference.balances());
            assertThat(engine.clock()).as("clock after %s", command).isEqualTo(reference.clock());
            assertThat(engine.poolCash()).isEqualTo(reference.poolCash());
            assertThat(engine.circulatingPoints()).isEqualTo(reference.circulatingPoints());
            assertThat(engine.price()).isEqualTo(reference.price());
            assertThat(engine.holders()).as("holders after %s", command).isEqualTo(reference.holders());
        }
        assertThat(engine.merchantIds()).isEqualTo(reference.merchantIds());
        for (String user : reference.userIds()) {
            assertThat(engine.referrerOf(user)).as("referrer of %s", user).isEqualTo(reference.referrerOf(user));
        }
        long unsettled = reference.orders().stream().filter(o -> o.status == FlowReference.Status.PAID).count();
        assertThat(engine.unsettledOrders()).isEqualTo(unsettled);
    }

    /**
     * an order's rewards never exceed its distribution budget; each is at most its nominal
     * amount; the split's parts add up to the amount; what the rewards leave is reported as left.
     * the agent differential pays at most ⌊A·province rate⌋ in all (nominal and paid).
     */
    @Property(tries = 200)
    void rewardsStayWithinTheBudgetAndAgentsWithinTheTopRate_R2_3_R2_4_R4_5(@ForAll("flows") Flow flow) {
        Engine engine = engine(flow);
        long province = flow.plan().agents().provincePpm();
        for (Command command : flow.commands()) {
            List<Event> events = engine.execute(command);
            Event.OrderPaid paid = null;
            List<Reward> rewards = new ArrayList<>();
            for (Event event : events) {
                if (event instanceof Event.OrderPaid p) {
                    paid = p;
                } else if (event instanceof Event.RewardChanged r && r.status() == RewardStatus.PENDING) {
                    rewards.add(r.reward());
                }
            }
            if (paid == null) {
                continue;
            }
            OrderSplit split = paid.split();
            long amount = paid.amountFen();
            assertThat(split.merchantFen() + split.platformFen() + split.distributionFen() + split.poolFen()
                    + split.roundingFen()).as("parts of %s", split).isEqualTo(amount);
            assertThat(split.roundingFen()).isNotNegative();
            long sum = rewards.stream().mapToLong(Reward::amountFen).sum();
            assertThat(sum).as("rewards of %s", command).isEqualTo(split.rewardsFen())
                    .isLessThanOrEqualTo(split.distributionFen());
            assertThat(split.distributionLeftFen()).isEqualTo(split.distributionFen() - sum);
            assertThat(rewards).allSatisfy(reward -> {
                assertThat(reward.amountFen()).isBetween(0L, reward.nominalFen());
                assertThat(reward.nominalFen()).isPositive();
            });
            long agentNominal = 0;
            long agentPaid = 0;
            for (Reward reward : rewards) {
                if (reward.kind() == RewardKind.AGENT) {
                    agentNominal += reward.nominalFen();
                    agentPaid += reward.amountFen();
                }
            }
            long top = FlowReference.ofRate(amount, province);
            assertThat(agentNominal).as("agent differential of %s", command).isLessThanOrEqualTo(top);
            assertThat(agentPaid).isLessThanOrEqualTo(top);
        }
    }

    /**
     * a refund before settlement leaves every balance exactly as if the order never happened — also
     * after a later tick that settles everything else. Checked for every accepted payment that did not bind
     * a referrer, by forking the engine through a snapshot.
     */
    @Property(tries = 100)
    void refundBeforeSettlementLeavesNoTrace_R2_1(@ForAll("flows") Flow flow) throws IOException {
        Engine engine = engine(flow);
        int checked = 0;
        for (Command command : flow.commands()) {
            if (command instanceof Command.PayOrder pay && checked < 8) {
                byte[] snapshot = snapshot(engine);
                Engine paidAndRefunded = SnapshotCodec.read(new ByteArrayInputStream(snapshot));
                List<Event> events = paidAndRefunded.execute(pay);
                boolean accepted = events.stream().noneMatch(e -> e instanceof Event.CommandRejected);
                boolean bound = events.stream().anyMatch(e -> e instanceof Event.ReferrerBound);
                if (accepted && !bound) {
                    checked++;
                    List<Event> refund = paidAndRefunded.execute(new Command.RefundOrder("undo", pay.at(), pay.id()));
                    assertThat(refund).last().isEqualTo(new Event.OrderRefunded("undo", pay.id(), pay.user(),
                            pay.amountFen(), false));
                    assertThat(paidAndRefunded.balances()).as("balances after paying and refunding %s", pay)
                            .isEqualTo(engine.balances());
                    assertThat(nonEmpty(paidAndRefunded.holders())).isEqualTo(nonEmpty(engine.holders()));
                    Engine untouched = SnapshotCodec.read(new ByteArrayInputStream(snapshot));
                    Command later = new Command.Tick("later", paidAndRefunded.clock().plus(Duration.ofDays(60)));
                    paidAndRefunded.execute(later);
                    untouched.execute(later);
                    assertThat(paidAndRefunded.balances()).as("balances a tick after refunding %s", pay)
                            .isEqualTo(untouched.balances());
                    assertThat(nonEmpty(paidAndRefunded.holders())).isEqualTo(nonEmpty(untouched.holders()));
                }
            }
            engine.execute(command);
        }
        Statistics.label("payments refunded in a fork").collect(checked > 0);
    }

    private static List<Holder> nonEmpty(List<Holder> holders) {
        return holders.stream().filter(h -> h.pointsMicro() != 0 || h.cashFen() != 0 || h.cycleSpendFen() != 0
                || h.cycleRealizedFen() != 0 || h.exits() != 0 || h.paidOutFen() != 0).toList();
    }

    /**
     * per command and asset the postings sum to zero, every asset's balances sum to zero, and
     * the engine's own invariant check finds nothing, after every command of an order flow.
     */
    @Property(tries = 100)
    void conservationAndInvariantsHold_R1_2_R1_5(@ForAll("flows") Flow flow) {
        Engine engine = engine(flow);
        EngineOutput out = new EngineOutput();
        for (Command command : flow.commands()) {
            out.clear();
            engine.execute(command, out);
            for (Asset asset : Asset.values()) {
                assertThat(out.postingSum(asset, 0)).as("%s postings of %s", asset, command).isZero();
                assertThat(engine.assetTotal(asset)).as("%s total after %s", asset, command).isZero();
            }
            assertThat(engine.checkInvariants()).as("invariants after %s", command).isEmpty();
        }
    }

    /** no available balance is ever negative, whoever owns it (users, merchants, the platform). */
    @Property(tries = 100)
    void noAvailableBalanceIsNegative_R1_5(@ForAll("flows") Flow flow) {
        Engine engine = engine(flow);
        for (Command command : flow.commands()) {
            engine.execute(command);
            for (Balance balance : engine.balances()) {
                if (balance.type().kind() == AccountKind.AVAILABLE) {
                    assertThat(balance.amount()).as("%s after %s", balance, command).isNotNegative();
                }
            }
        }
    }

    /** no referral cycle is ever formed — by registration, binding at payment or reassignment. */
    @Property(tries = 100)
    void noReferralCycleIsEverFormed_R4_1(@ForAll("flows") Flow flow) {
        Engine engine = engine(flow);
        FlowReference reference = new FlowReference(flow.plan(), RegionDirectory.STANDARD);
        for (Command command : flow.commands()) {
            engine.execute(command);
            reference.execute(command);
            for (String user : reference.userIds()) {
                Set<String> seen = new HashSet<>();
                for (String p = user; p != null; p = engine.referrerOf(p)) {
                    assertThat(seen.add(p)).as("cycle through %s after %s", p, command).isTrue();
                }
            }
        }
    }

    /** ARCHITECTURE rule 3, R-8.5: a rejected command emits only its rejection, posts nothing, changes nothing. */
    @Property(tries = 80)
    void rejectedCommandsChangeNothing(@ForAll("flows") Flow flow) {
        Engine engine = engine(flow);
        EngineOutput out = new EngineOutput();
        int rejected = 0;
        for (Command command : flow.commands()) {
            String hash = engine.stateHash();
            var clock = engine.clock();
            out.clear();
            engine.execute(command, out);
            if (out.events().stream().anyMatch(e -> e instanceof Event.CommandRejected)) {
                rejected++;
                assertThat(out.events()).hasSize(1);
                assertThat(out.postingCount()).as("postings of rejected %s", command).isZero();
                assertThat(engine.stateHash()).as("hash after rejected %s", command).isEqualTo(hash);
                assertThat(engine.clock()).isEqualTo(clock);
            }
        }
        Statistics.label("rejections").collect(rejected == 0 ? "0" : rejected < 5 ? "1-4" : "5+");
    }

    /** ARCHITECTURE rule 5, R-1.6: a snapshot taken with orders in flight + the tail = the full replay. */
    @Property(tries = 100)
    void snapshotWithOrdersInFlightPlusTailEqualsFullReplay(@ForAll("flows") Flow flow,
            @ForAll @IntRange(min = 0, max = 10_000) int cutSeed) throws IOException {
        List<Command> commands = flow.commands();
        Engine full = engine(flow);
        List<Integer> inFlight = new ArrayList<>();
        List<List<Event>> events = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            if (full.unsettledOrders() > 0) {
                inFlight.add(i);
            }
            events.add(full.execute(commands.get(i)));
            hashes.add(full.stateHash());
        }
        int cut = inFlight.isEmpty() ? cutSeed % (commands.size() + 1) : inFlight.get(cutSeed % inFlight.size());
        Engine prefix = engine(flow);
        for (int i = 0; i < cut; i++) {
            prefix.execute(commands.get(i));
        }
        Engine restored = SnapshotCodec.read(new ByteArrayInputStream(snapshot(prefix)));
        assertThat(restored.stateHash()).isEqualTo(prefix.stateHash());
        assertThat(restored.balances()).isEqualTo(prefix.balances());
        assertThat(restored.checkInvariants()).isEmpty();
        for (int i = cut; i < commands.size(); i++) {
            assertThat(restored.execute(commands.get(i))).as("events of %s", commands.get(i)).isEqualTo(events.get(i));
            assertThat(restored.stateHash()).as("hash after %s", commands.get(i)).isEqualTo(hashes.get(i));
        }
        assertThat(restored.balances()).isEqualTo(full.balances());
        Statistics.label("orders in flight at the cut").collect(!inFlight.isEmpty());
    }

    private static byte[] snapshot(Engine engine) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SnapshotCodec.write(engine, bytes);
        return bytes.toByteArray();
    }

    /** The generator does its job: flows reach every part of the order flow often enough to mean something. */
    @Property(tries = 150)
    void flowsExerciseTheWholeOrderFlow(@ForAll("flows") Flow flow) {
        FlowReference reference = new FlowReference(flow.plan(), RegionDirectory.STANDARD);
        Set<RejectionCode> rejections = EnumSet.noneOf(RejectionCode.class);
        Set<RewardKind> kinds = EnumSet.noneOf(RewardKind.class);
        boolean mallSettled = false;
        boolean refundBefore = false;
        boolean refundAfter = false;
        boolean cut = false;
        boolean bound = false;
        boolean differential = false;
        boolean exit = false;
        boolean received = false;
        for (Command command : flow.commands()) {
            for (Event event : reference.execute(command)) {
                if (event instanceof Event.CommandRejected r) {
                    rejections.add(r.code());
                } else if (event instanceof Event.RewardChanged r && r.status() == RewardStatus.PENDING) {
                    kinds.add(r.reward().kind());
                    cut |= r.reward().cutFen() > 0;
                    differential |= r.reward().kind() == RewardKind.AGENT && r.reward().level() != RegionLevel.DISTRICT;
                } else if (event instanceof Event.OrderSettled s) {
                    mallSettled |= s.channel() == Channel.MALL;
                } else if (event instanceof Event.OrderRefunded r) {
                    refundBefore |= !r.afterSettlement();
                    refundAfter |= r.afterSettlement();
                } else if (event instanceof Event.ReferrerBound) {
                    bound = true;
                } else if (event instanceof Event.ParticipantExited) {
                    exit = true;
                } else if (event instanceof Event.OrderReceived) {
                    received = true;
                }
            }
        }
        Statistics.label("mall order settled").collect(mallSettled);
        Statistics.label("refund before settlement").collect(refundBefore);
        Statistics.label("refund after settlement").collect(refundAfter);
        Statistics.label("reward cut").collect(cut);
        Statistics.label("bound at payment").collect(bound);
        Statistics.label("agent above district").collect(differential);
        Statistics.label("forced exit").collect(exit);
        Statistics.label("receipt confirmed").collect(received);
        Statistics.label("6+ rejection kinds").collect(rejections.size() >= 6);
        Statistics.label("4+ reward kinds").collect(kinds.size() >= 4);
        for (String label : List.of("mall order settled", "refund before settlement", "refund after settlement",
                "bound at payment", "agent above district", "receipt confirmed", "4+ reward kinds")) {
            Statistics.label(label).coverage(coverage -> coverage.check(true).percentage(p -> p > 20));
        }
        // About a fifth of the flows meet six kinds of rejection; a random run of 100 flows met exactly 20% once, so
        // this one asks for more than a tenth: the generators still reach them, without a coin toss in the build.
        Statistics.label("6+ rejection kinds").coverage(coverage -> coverage.check(true).percentage(p -> p > 10));
        Statistics.label("reward cut").coverage(coverage -> coverage.check(true).percentage(p -> p > 10));
        Statistics.label("forced exit").coverage(coverage -> coverage.check(true).percentage(p -> p > 5));
    }
}

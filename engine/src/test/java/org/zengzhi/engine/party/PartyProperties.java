package org.zengzhi.engine.party;

import org.zengzhi.engine.partyrules.PartyRules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Random streams of the four-party model's commands on a small real ledger ({@link TestLedger}): every
 * asset balances after every command and every movement, no balance that must stay positive goes below
 * zero, the CONTRIB reserve equals the contribution value outstanding, escrow is never negative and agrees
 * with the ledger, a rejected command changes nothing, the same commands give the same snapshot bytes, and
 * a snapshot restored and fed the rest of the stream ends where the uninterrupted run ends.
 */
class PartyProperties {
    private static final int HOLDERS = 6;
    private static final int SUPPLIERS = 3;
    private static final int PRODUCTS = 4;
    private static final int SLOTS = 12;

    sealed interface Step permits Pay, Refund, Settle, Verify, Later, Redeem, Transfer, Score, Rate, Deposit, Charge,
            Cost, Statement, Close, Withdraw, Package, Discount {
        PartyOutcome<?> applyTo(Run run);
    }

    record Pay(int slot, int consumer, int product, int quantity, int contribPercent, int tier, int promoter, int leader,
               int inviter, int device, int ip) implements Step {
        @Override
        public PartyOutcome<?> applyTo(Run run) {
            return run.paid(run.model().pay(run.payment(this)));
        }
    }

    record Refund(int slot) implements Step {
        @Override
        public PartyOutcome<?> applyTo(Run run) {
            return run.closed(run.model().refund(run.open(slot), run.now));
        }
    }

    record Settle(int slot) implements Step {
        @Override
        public PartyOutcome<?> applyTo(Run run) {
            return run.closed(run.model().settle(run.open(slot), run.now));
        }
    }

    record Verify(int slot, boolean approve) implements Step {
        @Override
        public PartyOutcome<?> applyTo(Run run) {
            return run.model().verify(run.ever(slot), approve, run.now);
        }
    }

    record Later(int hours) implements Step {
        @Override
        public PartyOutcome<?> applyTo(Run run) {
            run.now = run.now.plus(Duration.ofHours(hours));
            return PartyOutcome.accepted(this);
        }
    }

    record Redeem(int holder, long amountFen) implements Step {
        @Override
        public PartyOutcome<?> applyTo(Run run) {
            return run.model().redeemContrib(holder, amountFen);
        }
    }

    record Transfer(int from, int to, long amountFen) implements Step {
        @Override
        public PartyOutcome<?> applyTo(Run run) {
            return run.model().transferContrib(from, to, amountFen);
        }
    }

    record Score(int holder, int score) implements Step {
        @Override
        public PartyOutcome<?> applyTo(Run run) {
            return run.model().setCreditScore(holder, score);
        }
    }

    record Rate(int product, int ratingCenti) implements Step {
        @Override
        public PartyOutcome<?> applyTo(Run run) {
            return run.model().rate(product, ratingCenti);
        }
    }

    record Deposit(int supplier, long amountFen) implements Step {
        @Override
        public PartyOutcome<?> applyTo(Run run) {
            return run.model().payDeposit(supplier, amountFen);
        }
    }

    record Charge(int supplier, long amountFen) implements Step {
        @Override
        public PartyOutcome<?> applyTo(Run run) {
            return run.model().chargeDataService(supplier, amountFen);
        }
    }

    record Cost(long amountFen) implements Step {
        @Override
        public PartyOutcome<?> applyTo(Run run) {
            return run.model().recordOperatingCost(amountFen);
        }
    }

    record Statement(long deltaFen) implements Step {
        @Override
        public PartyOutcome<?> applyTo(Run run) {
            return run.statement(deltaFen);
        }
    }

    record Close() implements Step {
        @Override
        public PartyOutcome<?> applyTo(Run run) {
            return run.model().closeMonth(run.now);
        }
    }

    record Withdraw(int supplier, int percent) implements Step {
        @Override
        public PartyOutcome<?> applyTo(Run run) {
            return run.withdraw(supplier, percent);
        }
    }

    record Package(int supplier, int index) implements Step {
        @Override
        public PartyOutcome<?> applyTo(Run run) {
            return run.model().redeemTokens(supplier, index);
        }
    }

    record Discount(int supplier) implements Step {
        @Override
        public PartyOutcome<?> applyTo(Run run) {
            return run.model().buyFeeDiscount(supplier);
        }
    }

    record Scenario(PartyRules rules, List<Step> steps) {
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Combinators.combine(rules(), steps().list().ofMinSize(40).ofMaxSize(150)).as(Scenario::new);
    }

    private static Arbitrary<PartyRules> rules() {
        return Combinators.combine(Arbitraries.of(PartyRules.BurnMode.values()), Arbitraries.of(0L, 300L, 1_000_000L),
                Arbitraries.of(0L, 40_000L)).as(PartyProperties::rules);
    }

    private static PartyRules rules(PartyRules.BurnMode mode, long budgetFen, long allowancePpm) {
        PartyRules s = PartyRules.seed000();
        return new PartyRules(s.feePpm(), s.rebateTiersPpm(), s.commissionPpm(), allowancePpm, allowancePpm > 0,
                s.inviteRewardPpm(), s.supplierSharePpm(), s.prepayPpm(), Duration.ofHours(30), Duration.ofHours(7),
                s.contribTransferFeePpm(), s.stokenPpm(), s.baselineBonusPpm(), s.ratingMinCenti(),
                s.depositPenaltyPpm(), s.burnPpm(), mode, budgetFen, Duration.ofHours(24), 3, s.creditScoreMin(),
                s.feeDiscountPpm(), 50, List.of(new PartyRules.TrafficPackage("流量包", 40)));
    }

    private static Arbitrary<Step> steps() {
        Arbitrary<Integer> slot = Arbitraries.integers().between(0, SLOTS - 1);
        Arbitrary<Integer> holder = Arbitraries.integers().between(0, HOLDERS - 1);
        Arbitrary<Integer> maybeHolder = Arbitraries.integers().between(-1, HOLDERS - 1);
        Arbitrary<Integer> supplier = Arbitraries.integers().between(0, SUPPLIERS);
        Arbitrary<Long> amount = mostly(Arbitraries.longs().between(1, 5_000), Arbitraries.of(-1L, 0L, 10_000_000_000_000L));
        Arbitrary<Step> pay = Combinators.combine(slot, holder,
                mostly(Arbitraries.integers().between(0, PRODUCTS - 1), Arbitraries.just(PRODUCTS)),
                mostly(Arbitraries.integers().between(1, 3), Arbitraries.just(0)), Arbitraries.of(0, 0, 50, 100, 150),
                mostly(Arbitraries.integers().between(0, 1), Arbitraries.just(2)), Combinators.combine(maybeHolder, maybeHolder, maybeHolder)
                        .as(List::of), Arbitraries.integers().between(0, 2).list().ofSize(2))
                .as((s, c, p, q, share, tier, people, keys) -> new Pay(s, c, p, q, share, tier, people.get(0),
                        people.get(1), people.get(2), keys.get(0), keys.get(1)));
        return Arbitraries.frequencyOf(
                Tuple.of(10, pay),
                Tuple.of(3, slot.map(Refund::new)),
                Tuple.of(12, slot.map(Settle::new)),
                Tuple.of(4, Combinators.combine(slot, Arbitraries.of(true, false)).as(Verify::new)),
                Tuple.of(6, Arbitraries.integers().between(6, 80).map(Later::new)),
                Tuple.of(2, Combinators.combine(holder, amount).as(Redeem::new)),
                Tuple.of(2, Combinators.combine(holder, holder, amount).as(Transfer::new)),
                Tuple.of(2, Combinators.combine(holder, Arbitraries.of(0, 599, 600, 900, 1001)).as(Score::new)),
                Tuple.of(2, Combinators.combine(Arbitraries.integers().between(0, PRODUCTS),
                        Arbitraries.integers().between(0, 510)).as(Rate::new)),
                Tuple.of(1, Combinators.combine(supplier, amount).as(Deposit::new)),
                Tuple.of(1, Combinators.combine(supplier, amount).as(Charge::new)),
                Tuple.of(1, amount.map(Cost::new)),
                Tuple.of(1, Arbitraries.longs().between(-100, 100).map(Statement::new)),
                Tuple.of(2, Arbitraries.just(new Close())),
                Tuple.of(2, Combinators.combine(supplier, Arbitraries.of(50, 100)).as(Withdraw::new)),
                Tuple.of(1, Combinators.combine(supplier, Arbitraries.integers().between(0, 1)).as(Package::new)),
                Tuple.of(1, supplier.map(Discount::new)));
    }

    /** Valid values nine times in ten, and the odd invalid one to see it refused. */
    private static <T> Arbitrary<T> mostly(Arbitrary<T> valid, Arbitrary<T> invalid) {
        return Arbitraries.frequencyOf(Tuple.of(9, valid), Tuple.of(1, invalid));
    }

    /** A model with three suppliers, four products (one priced at 7 fen, so parts round to zero) and deposits. */
    static final class Run {
        final PartyFixture fixture;
        Instant now = PartyFixture.T0;

        /** A run that goes on from where {@code before} stands, on another model and ledger. */
        Run(PartyFixture fixture, Run before) {
            this.fixture = fixture;
            this.now = before.now;
            this.open.addAll(before.open);
            this.paid.addAll(before.paid);
        }

        Run(PartyRules rules) {
            fixture = new PartyFixture(rules);
            for (int s = 0; s < SUPPLIERS; s++) {
                fixture.supplier(20_000);
                PartyFixture.ok(fixture.model.payDeposit(s, 100_000));
            }
            fixture.product(0, 100_000, 30_000);
            fixture.product(0, 9_999, 3_000);
            fixture.product(1, 15_000, 4_500);
            fixture.product(2, 7, 2);
        }

        PartyModel model() {
            return fixture.model;
        }

        /** Orders paid and not yet settled or refunded, and every order ever paid, so steps mostly hit one. */
        private final TreeSet<Long> open = new TreeSet<>();
        private final List<Long> paid = new ArrayList<>();
        private long lastPicked;

        long open(int slot) {
            lastPicked = open.isEmpty() || slot == 0 ? slot : open.stream().skip(slot % open.size()).findFirst().get();
            return lastPicked;
        }

        long ever(int slot) {
            return paid.isEmpty() || slot == 0 ? slot : paid.get(slot % paid.size());
        }

        PartyOutcome<?> paid(PartyOutcome<PaymentResult> outcome) {
            if (outcome.isAccepted()) {
                open.add(outcome.value().orderId());
                paid.add(outcome.value().orderId());
            }
            return outcome;
        }

        PartyOutcome<?> closed(PartyOutcome<?> outcome) {
            if (outcome.isAccepted()) {
                open.remove(lastPicked);
            }
            return outcome;
        }

        /** Applies one step; returns whether it was accepted. */
        boolean apply(Step step) {
            return step.applyTo(this).isAccepted();
        }

        Payment payment(Pay p) {
            long contrib = fixture.model.contribOf(p.consumer()) * p.contribPercent() / 100;
            return new Payment(p.slot(), p.consumer(), p.product(), p.quantity(), contrib, p.tier(), p.promoter(),
                    p.leader(), p.inviter(), "device-" + p.device(), "ip-" + p.ip(), now);
        }

        PartyOutcome<?> statement(long deltaFen) {
            long balance = Math.max(0, fixture.ledger.escrowFen() + deltaFen);
            PartyOutcome<CustodyCheck> outcome = fixture.model.custodyStatement(balance, now);
            assertThat(outcome.value().differenceFen()).isEqualTo(balance - fixture.ledger.escrowFen());
            return outcome;
        }

        /** A supplier takes cash out meanwhile, as the engine's withdrawals would: claw-backs then fall short. */
        PartyOutcome<?> withdraw(int supplier, int percent) {
            long amount = supplier < SUPPLIERS ? fixture.ledger.supplierCashFen(supplier) * percent / 100 : 0;
            if (amount > 0) {
                fixture.ledger.supplierWithdraws(supplier, amount);
            }
            return PartyOutcome.accepted(amount);
        }

        void checkBooks() {
            assertThat(fixture.ledger.sumsByAsset()).allSatisfy((asset, sum) -> assertThat(sum).as(asset.name()).isZero());
            assertThat(fixture.model.invariantBreaches()).isEmpty();
            assertThat(fixture.model.escrowFen()).isNotNegative().isEqualTo(fixture.ledger.escrowFen());
            assertThat(fixture.model.contribReserveFen()).isEqualTo(fixture.model.contribOutstandingFen())
                    .isEqualTo(fixture.ledger.balance(PartyAccount.CONTRIB_RESERVE, PartyPostings.NO_OWNER))
                    .isEqualTo(-fixture.ledger.balance(PartyAccount.CONTRIB_ISSUED, PartyPostings.NO_OWNER));
            assertThat(fixture.model.stokenOutstandingFen())
                    .isEqualTo(-fixture.ledger.balance(PartyAccount.STOKEN_ISSUED, PartyPostings.NO_OWNER));
        }
    }

    @Property(tries = 150)
    void everyAssetBalancesTheReserveMatchesAndRejectionsChangeNothing(@ForAll("scenarios") Scenario scenario) {
        Run run = new Run(scenario.rules());
        for (Step step : scenario.steps()) {
            byte[] before = run.fixture.snapshot();
            int postings = run.fixture.ledger.journal().size();
            PartyOutcome<?> outcome = step.applyTo(run);
            boolean accepted = outcome.isAccepted();
            Statistics.label("accepted").collect(step.getClass().getSimpleName(), accepted ? "ok" : outcome.rejection().code());
            if (!accepted) {
                assertThat(run.fixture.snapshot()).as("rejected %s", step).isEqualTo(before);
                assertThat(run.fixture.ledger.journal()).hasSize(postings);
            }
            run.checkBooks();
        }
    }

    @Property(tries = 80)
    void theSameCommandsGiveTheSameSnapshotBytesAndPostings(@ForAll("scenarios") Scenario scenario) {
        Run first = new Run(scenario.rules());
        Run second = new Run(scenario.rules());
        scenario.steps().forEach(first::apply);
        scenario.steps().forEach(second::apply);
        assertThat(second.fixture.snapshot()).isEqualTo(first.fixture.snapshot());
        assertThat(second.fixture.ledger.journal()).isEqualTo(first.fixture.ledger.journal());
    }

    @Property(tries = 80)
    void aSnapshotRestoredAndFedTheTailEndsWhereTheWholeRunEnds(@ForAll("scenarios") Scenario scenario)
            throws IOException {
        Run whole = new Run(scenario.rules());
        int cut = scenario.steps().size() / 2;
        scenario.steps().subList(0, cut).forEach(whole::apply);
        byte[] bytes = whole.fixture.snapshot();
        TestLedger copy = whole.fixture.ledger.copyBalances();
        PartyModel restored = PartyModel.read(new DataInputStream(new ByteArrayInputStream(bytes)), scenario.rules(),
                copy);
        assertThat(PartyFixture.snapshot(restored)).isEqualTo(bytes);

        Run resumed = new Run(new PartyFixture(copy, restored), whole);
        int postingsBefore = whole.fixture.ledger.journal().size();
        for (Step step : scenario.steps().subList(cut, scenario.steps().size())) {
            assertThat(resumed.apply(step)).isEqualTo(whole.apply(step));
        }
        assertThat(PartyFixture.snapshot(resumed.model())).isEqualTo(whole.fixture.snapshot());
        assertThat(copy.journal()).isEqualTo(whole.fixture.ledger.journal().subList(postingsBefore,
                whole.fixture.ledger.journal().size()));
    }
}

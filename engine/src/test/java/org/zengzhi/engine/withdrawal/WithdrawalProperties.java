package org.zengzhi.engine.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import org.zengzhi.engine.Command;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.EngineOutput;
import org.zengzhi.engine.Event;
import org.zengzhi.engine.TestPlans;
import org.zengzhi.engine.codec.SnapshotCodec;
import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.ledger.Asset;
import org.zengzhi.engine.network.RegionDirectory;
import org.zengzhi.engine.plan.Plan;

/**
 * Random request / review / settle sequences against a plain model of the withdrawal states: the
 * engine accepts exactly the transitions the model allows, conserves every user's money (wallet + frozen +
 * paid out = what they had), pays each withdrawal at most once, keeps frozen funds equal to the open
 * withdrawals, and restores from a snapshot to the same state.
 */
class WithdrawalProperties {
    private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");
    private static final String[] USERS = {"alice", "bob", "carol"};

    sealed interface Step permits Request, Review, Settle, Later {
    }

    record Request(int user, long amountFen) implements Step {
    }

    record Review(int withdrawal, boolean approve, boolean withReason) implements Step {
    }

    record Settle(int withdrawal, boolean paid) implements Step {
    }

    record Later(int hours) implements Step {
    }

    record Scenario(Plan.Withdrawal rules, List<Step> steps) {
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Plan.Withdrawal> rules = Combinators.combine(Arbitraries.of(1L, 1_000L, 5_000L),
                Arbitraries.of(0L, 6_000L, 10_000L, 333_333L), Arbitraries.of(0L, 1L, 200L),
                Arbitraries.frequencyOf(Tuple2s.of(1, Arbitraries.just(5_000L)), Tuple2s.of(3, Arbitraries.just(50_000L)),
                        Tuple2s.of(3, Arbitraries.just(500_000L))),
                Arbitraries.of(0L, 10_000L, 100_000L))
                .as((minimum, fee, feeMinimum, daily, review) -> new Plan.Withdrawal(minimum, fee,
                        Math.min(feeMinimum, minimum - 1), Math.max(daily, minimum), review));
        Arbitrary<Step> request = Combinators.combine(Arbitraries.integers().between(0, USERS.length),
                Arbitraries.frequencyOf(Tuple2s.of(6, Arbitraries.longs().between(1_000, 40_000)),
                        Tuple2s.of(1, Arbitraries.of(0L, -1L, 999L, 1_000L, 5_000L, 200_000L))))
                .as(Request::new);
        Arbitrary<Integer> which = Arbitraries.integers().between(0, 40);
        Arbitrary<Step> review = Combinators.combine(which, Arbitraries.of(true, false),
                Arbitraries.frequencyOf(Tuple2s.of(5, Arbitraries.just(true)), Tuple2s.of(1, Arbitraries.just(false))))
                .as(Review::new);
        Arbitrary<Step> settle = Combinators.combine(which, Arbitraries.of(true, false)).as(Settle::new);
        Arbitrary<Step> later = Arbitraries.integers().between(1, 30).map(Later::new);
        Arbitrary<Step> step = Arbitraries.frequencyOf(Tuple2s.of(4, request), Tuple2s.of(3, review),
                Tuple2s.of(4, settle), Tuple2s.of(1, later));
        return Combinators.combine(rules, step.list().ofMinSize(10).ofMaxSize(80)).as(Scenario::new);
    }

    /** A model withdrawal: who, how much, which fee, and where it stands. */
    private static final class Model {
        final String user;
        final long amountFen;
        final long feeFen;
        WithdrawalState state;

        Model(String user, long amountFen, long feeFen, WithdrawalState state) {
            this.user = user;
            this.amountFen = amountFen;
            this.feeFen = feeFen;
            this.state = state;
        }
    }

    @Property(tries = 300)
    void withdrawalsConserveMoneyAndNeverPayTwice_R8_1(@ForAll("scenarios") Scenario scenario) throws IOException {
        Engine engine = new Engine(TestPlans.withWithdrawal(TestPlans.localLife(), scenario.rules()),
                RegionDirectory.STANDARD);
        Map<String, Long> funded = fund(engine);
        long externalBefore = engine.balance(AccountType.EXTERNAL_PAYMENTS, null);
        Map<String, Model> model = new LinkedHashMap<>();
        Map<String, Integer> payouts = new HashMap<>();
        Instant now = START;
        int accepted = 0;
        for (int i = 0; i < scenario.steps().size(); i++) {
            Step step = scenario.steps().get(i);
            if (step instanceof Later later) {
                now = now.plus(Duration.ofHours(later.hours()));
                continue;
            }
            Command command = command(step, i, now, new ArrayList<>(model.keySet()));
            EngineOutput out = new EngineOutput();
            engine.execute(command, out);
            boolean expected = allowed(engine, command, model);
            boolean wasAccepted = !(out.events().get(0) instanceof Event.CommandRejected);
            assertThat(wasAccepted).as("%s accepted, in %s", command, out.events()).isEqualTo(expected);
            if (wasAccepted) {
                accepted++;
                apply(engine, command, model);
            }
            for (Event event : out.events()) {
                if (event instanceof Event.WithdrawalSettled settled && settled.state() == WithdrawalState.PAID) {
                    payouts.merge(settled.withdrawal(), 1, Integer::sum);
                }
            }
            for (Asset asset : Asset.values()) {
                assertThat(out.postingSum(asset, 0)).isZero();
            }
            checkBooks(engine, funded, externalBefore, model);
        }
        assertThat(payouts.values()).as("never paid twice").allMatch(count -> count == 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SnapshotCodec.write(engine, bytes);
        assertThat(SnapshotCodec.read(new ByteArrayInputStream(bytes.toByteArray())).stateHash())
                .isEqualTo(engine.stateHash());
        Statistics.label("paid").collect(payouts.size() > 0);
        Statistics.label("paid").coverage(coverage -> coverage.check(true).percentage(p -> p > 25));
        Statistics.label("accepted").collect(accepted > 2 ? "3+" : String.valueOf(accepted));
    }

    /** Cash for each user from the pool: an order whose whole amount enters the pool, then a sale of every point. */
    private static Map<String, Long> fund(Engine engine) {
        Map<String, Long> funded = new LinkedHashMap<>();
        for (String user : USERS) {
            engine.execute(new Command.SettleOrder("fund-" + user, START, user, 500_000, 500_000));
            engine.execute(new Command.SellPoints("sell-" + user, START, user, engine.holder(user).pointsMicro()));
            funded.put(user, engine.balance(AccountType.USER_CASH, user));
        }
        return funded;
    }

    /** The command of a step; reviews and payouts pick a requested withdrawal, or now and then an unknown id. */
    private static Command command(Step step, int index, Instant now, List<String> requested) {
        if (step instanceof Request request) {
            // One index past the users is a stranger the engine has never seen.
            String user = request.user() < USERS.length ? USERS[request.user()] : "stranger";
            // Now and then an id that is taken, to see DUPLICATE_WITHDRAWAL.
            String id = index % 9 == 8 && !requested.isEmpty() ? requested.get(0) : "w" + index;
            return new Command.RequestWithdrawal(id, now, user, request.amountFen());
        }
        int pick = step instanceof Review review ? review.withdrawal() : ((Settle) step).withdrawal();
        String withdrawal = pick % (requested.size() + 1) == requested.size() ? "unknown"
                : requested.get(requested.size() - 1 - pick % (requested.size() + 1));
        if (step instanceof Review review) {
            return new Command.ReviewWithdrawal("r" + index, now, withdrawal, review.approve(),
                    review.withReason() ? "reason " + index : null);
        }
        Settle settle = (Settle) step;
        return new Command.SettleWithdrawal("s" + index, now, withdrawal, settle.paid(), "ref" + index);
    }

    /** Whether the model allows the command, judged before the engine ran it (except for the request checks). */
    private static boolean allowed(Engine engine, Command command, Map<String, Model> model) {
        if (command instanceof Command.RequestWithdrawal request) {
            // The engine's own request checks are unit-tested; here: accepted iff it froze exactly the amount.
            return engine.withdrawal(request.id()) != null && !model.containsKey(request.id());
        }
        if (command instanceof Command.ReviewWithdrawal review) {
            Model known = model.get(review.withdrawal());
            return known != null && known.state == WithdrawalState.REQUESTED
                    && (review.approve() || review.reason() != null);
        }
        Command.SettleWithdrawal settle = (Command.SettleWithdrawal) command;
        Model known = model.get(settle.withdrawal());
        return known != null && known.state == WithdrawalState.APPROVED;
    }

    private static void apply(Engine engine, Command command, Map<String, Model> model) {
        if (command instanceof Command.RequestWithdrawal request) {
            Withdrawal made = engine.withdrawal(request.id());
            long fee = engine.plan().withdrawal().feeOf(request.amountFen());
            assertThat(made.feeFen()).isEqualTo(fee);
            assertThat(made.payoutFen()).isPositive();
            model.put(request.id(), new Model(request.user(), request.amountFen(), fee, made.state()));
        } else if (command instanceof Command.ReviewWithdrawal review) {
            model.get(review.withdrawal()).state = review.approve() ? WithdrawalState.APPROVED : WithdrawalState.REJECTED;
        } else {
            Command.SettleWithdrawal settle = (Command.SettleWithdrawal) command;
            model.get(settle.withdrawal()).state = settle.paid() ? WithdrawalState.PAID : WithdrawalState.FAILED;
        }
    }

    /** Wallet + frozen + paid out = funded, per user; fees and payouts match the paid withdrawals; states agree. */
    private static void checkBooks(Engine engine, Map<String, Long> funded, long externalBefore,
            Map<String, Model> model) {
        assertThat(engine.checkInvariants()).isEmpty();
        Map<String, Long> frozen = new HashMap<>();
        Map<String, Long> paid = new HashMap<>();
        long fees = 0;
        long payouts = 0;
        for (Map.Entry<String, Model> entry : model.entrySet()) {
            Model withdrawal = entry.getValue();
            assertThat(engine.withdrawal(entry.getKey()).state()).isEqualTo(withdrawal.state);
            if (withdrawal.state.open()) {
                frozen.merge(withdrawal.user, withdrawal.amountFen, Long::sum);
            } else if (withdrawal.state == WithdrawalState.PAID) {
                paid.merge(withdrawal.user, withdrawal.amountFen, Long::sum);
                fees += withdrawal.feeFen;
                payouts += withdrawal.amountFen - withdrawal.feeFen;
            }
        }
        for (String user : USERS) {
            long frozenNow = engine.balance(AccountType.USER_CASH_WITHDRAWING, user);
            assertThat(frozenNow).as("frozen of %s", user).isEqualTo(frozen.getOrDefault(user, 0L));
            assertThat(engine.balance(AccountType.USER_CASH, user) + frozenNow + paid.getOrDefault(user, 0L))
                    .as("money of %s", user).isEqualTo(funded.get(user));
        }
        assertThat(engine.balance(AccountType.PLATFORM_FEES, null)).isEqualTo(fees);
        assertThat(externalBefore - engine.balance(AccountType.EXTERNAL_PAYMENTS, null)).isEqualTo(-payouts);
        assertThat(engine.assetTotal(Asset.CNY)).isZero();
    }

    /** Weighted choices without jqwik's Tuple import noise. */
    private static final class Tuple2s {
        static <T> net.jqwik.api.Tuple.Tuple2<Integer, Arbitrary<? extends T>> of(int weight, Arbitrary<? extends T> value) {
            return net.jqwik.api.Tuple.of(weight, value);
        }
    }
}

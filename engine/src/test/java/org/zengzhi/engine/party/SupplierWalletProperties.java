package org.zengzhi.engine.party;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import org.zengzhi.engine.Command;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.EngineOutput;
import org.zengzhi.engine.Event;
import org.zengzhi.engine.PoolRules;
import org.zengzhi.engine.codec.SnapshotCodec;
import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.ledger.Asset;
import org.zengzhi.engine.network.RegionDirectory;
import org.zengzhi.engine.partyrules.PartyRules;
import org.zengzhi.engine.plan.Plan;
import org.zengzhi.engine.withdrawal.WithdrawalState;

/**
 * Suppliers' wallets (issue 19 item 2) under random four-party logs: the logs of {@link PartyEngineProperties}
 * with owners for both suppliers ("lead" owns sup0, "pro" sup1) and withdrawals interleaved — requests by the
 * owner or by someone else, reviews, payouts paid or failed. After every command every asset sums to zero and
 * each supplier's frozen cash equals its open withdrawals (the engine's invariants); the money that left
 * through payouts is exactly the paid withdrawals' payouts; and a snapshot taken anywhere ends where the full
 * replay ends.
 */
class SupplierWalletProperties {
    private static final String[] REQUESTERS = {"lead", "pro", "u0"};

    record Step(PartyEngineProperties.Op op, int action, int a, int b) {
    }

    @Provide
    Arbitrary<List<Step>> logs() {
        Arbitrary<PartyEngineProperties.Op> op = Arbitraries.integers().between(0, 12).flatMap(kind -> Arbitraries
                .integers().between(0, 999).list().ofSize(3).map(n -> new PartyEngineProperties.Op(kind == 12 ? 0
                        : kind % 3 == 0 ? 2 : kind % 4 == 1 ? 0 : kind, n.get(0), n.get(1), n.get(2))));
        Arbitrary<Step> step = op.flatMap(o -> Arbitraries.integers().between(0, 3).flatMap(action -> Arbitraries
                .integers().between(0, 999).list().ofSize(2).map(n -> new Step(o, action, n.get(0), n.get(1)))));
        return step.list().ofMinSize(20).ofMaxSize(60);
    }

    @Property(tries = 120)
    void withdrawalsConserveMoneyAndKeepFrozenCashEqualToOpenWithdrawals(@ForAll("logs") List<Step> steps) {
        Engine engine = engine();
        long external = 0;
        long paidOut = 0;
        boolean paid = false;
        for (Command command : commands(steps)) {
            long before = engine.balance(AccountType.EXTERNAL_PAYMENTS, null);
            EngineOutput out = new EngineOutput();
            engine.execute(command, out);
            for (Asset asset : Asset.values()) {
                assertThat(out.postingSum(asset, 0)).as("postings of %s by %s", asset, command).isZero();
            }
            assertThat(engine.checkInvariants()).as("after %s", command).isEmpty();
            for (Event event : out.events()) {
                if (event instanceof Event.WithdrawalSettled settled && settled.state() == WithdrawalState.PAID
                        && engine.withdrawal(settled.withdrawal()).fromSupplier()) {
                    paidOut += settled.payoutFen();
                    external += engine.balance(AccountType.EXTERNAL_PAYMENTS, null) - before;
                    paid = true;
                }
            }
        }
        assertThat(external).as("what left the ledger is what was paid out").isEqualTo(paidOut);
        Statistics.label("a supplier withdrawal paid").collect(paid);
        Statistics.label("a supplier withdrawal paid").coverage(coverage -> coverage.check(true).percentage(p -> p > 10));
    }

    @Property(tries = 80)
    void aSnapshotAndTheTailEndWhereTheFullReplayEnds(@ForAll("logs") List<Step> steps, @ForAll("cuts") int cutPercent)
            throws IOException {
        List<Command> commands = commands(steps);
        int cut = commands.size() * cutPercent / 100;
        Engine full = engine();
        full.execute(commands, new EngineOutput());
        Engine head = engine();
        head.execute(commands.subList(0, cut), new EngineOutput());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SnapshotCodec.write(head, bytes);
        Engine restored = SnapshotCodec.read(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(restored.stateHash()).isEqualTo(head.stateHash());
        restored.execute(commands.subList(cut, commands.size()), new EngineOutput());
        assertThat(restored.stateHash()).isEqualTo(full.stateHash());
        assertThat(restored.checkInvariants()).isEmpty();
    }

    @Provide
    Arbitrary<Integer> cuts() {
        return Arbitraries.integers().between(0, 100);
    }

    private static Engine engine() {
        return new Engine(Plan.defaults(PoolRules.MALL).withParty(PartyRules.seed000()), RegionDirectory.STANDARD);
    }

    /** The four-party log with owned suppliers, each operation followed by a withdrawal step. */
    private static List<Command> commands(List<Step> steps) {
        List<PartyEngineProperties.Op> ops = steps.stream().map(Step::op).toList();
        List<Command> log = new ArrayList<>();
        int step = -1;
        int withdrawals = 0;
        for (Command command : PartyEngineProperties.commands(ops)) {
            if (command instanceof Command.RegisterSupplier s) {
                command = new Command.RegisterSupplier(s.id(), s.at(), s.supplier(), s.baselineFen(), s.depositFen(),
                        s.supplier().equals("sup0") ? "lead" : "pro");
            }
            log.add(command);
            if (!command.id().startsWith("x")) {
                continue;
            }
            step++;
            Step s = steps.get(step);
            Instant at = command.at();
            String last = "sw" + (withdrawals - 1 - s.a() % Math.max(1, Math.min(withdrawals, 3)));
            switch (s.action()) {
                case 0 -> log.add(new Command.RequestWithdrawal("sw" + withdrawals++, at, REQUESTERS[s.a() % 3],
                        1_000 + (s.b() % 20) * 1_500L, null, "sup" + s.b() % 2));
                case 1 -> log.add(new Command.ReviewWithdrawal("rv" + step, at, last, s.b() % 3 != 0,
                        s.b() % 3 != 0 ? null : "no"));
                case 2 -> log.add(new Command.SettleWithdrawal("st" + step, at, last, s.b() % 4 != 0, "bank"));
                default -> {
                }
            }
        }
        return log;
    }
}

package org.zengzhi.engine.party;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
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
import org.zengzhi.engine.network.RegionDirectory;
import org.zengzhi.engine.partyrules.PartyRules;
import org.zengzhi.engine.plan.Plan;

/**
 * Random command logs of the four-party model through the whole engine (issue 18): suppliers, products,
 * payments (several from one device, so that some are flagged), refunds, settlement ticks, transfers,
 * redemptions, ratings, verdicts, token redemptions, data services, costs, escrow statements and month
 * closes. After every command the engine's invariants hold (every asset sums to zero, the CONTRIB reserve
 * equals contribution value outstanding, escrow is never negative); the same log gives the same events and
 * state hash; a snapshot taken anywhere and fed the rest of the log ends with the full replay's hash.
 */
class PartyEngineProperties {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    /** Payments and ticks come more often than the rest, so that most logs settle orders and close months. */
    private static final int[] KINDS = {0, 0, 0, 0, 0, 2, 2, 2, 1, 3, 4, 5, 6, 7, 7, 8, 9, 10, 11, 12};

    /** One step of a random log: an operation and three numbers it reads its choices from. */
    record Op(int kind, int a, int b, int c) {
    }

    @Provide
    Arbitrary<List<Op>> logs() {
        Arbitrary<Op> op = Arbitraries.integers().between(0, KINDS.length - 1).flatMap(kind -> Arbitraries.integers()
                .between(0, 999).list().ofSize(3).map(n -> new Op(KINDS[kind], n.get(0), n.get(1), n.get(2))));
        return op.list().ofMinSize(20).ofMaxSize(80);
    }

    @Property(tries = 150)
    void everyCommandKeepsTheInvariants(@ForAll("logs") List<Op> ops) {
        Engine engine = engine();
        boolean settled = false;
        boolean closed = false;
        for (Command command : commands(ops)) {
            EngineOutput out = new EngineOutput();
            engine.execute(command, out);
            settled |= out.events().stream().anyMatch(e -> e instanceof Event.PartyOrderSettled);
            closed |= out.events().stream().anyMatch(e -> e instanceof Event.PartyMonthClosed);
            assertThat(engine.checkInvariants()).as("after %s", command).isEmpty();
            assertThat(engine.balance(AccountType.CUSTODY_ESCROW, null)).isNotNegative();
            assertThat(engine.balance(AccountType.CONTRIB_RESERVE, null))
                    .isEqualTo(engine.party().model().contribOutstandingFen());
        }
        Statistics.label("settlements").collect(settled);
        Statistics.label("month closes").collect(closed);
        Statistics.label("settlements").coverage(coverage -> coverage.check(true).percentage(p -> p > 30));
        Statistics.label("month closes").coverage(coverage -> coverage.check(true).percentage(p -> p > 30));
    }

    @Property(tries = 100)
    void theSameLogGivesTheSameEventsAndHash(@ForAll("logs") List<Op> ops) {
        List<Command> commands = commands(ops);
        Engine first = engine();
        Engine second = engine();
        List<Event> firstEvents = run(first, commands);
        assertThat(run(second, commands)).isEqualTo(firstEvents);
        assertThat(second.stateHash()).isEqualTo(first.stateHash());
    }

    @Property(tries = 100)
    void aSnapshotAndTheTailEndWhereTheFullReplayEnds(@ForAll("logs") List<Op> ops, @ForAll("cuts") int cutPercent)
            throws IOException {
        List<Command> commands = commands(ops);
        int cut = commands.size() * cutPercent / 100;
        Engine full = engine();
        run(full, commands);
        Engine head = engine();
        run(head, commands.subList(0, cut));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SnapshotCodec.write(head, bytes);
        Engine restored = SnapshotCodec.read(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(restored.stateHash()).isEqualTo(head.stateHash());
        run(restored, commands.subList(cut, commands.size()));
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

    private static List<Event> run(Engine engine, List<Command> commands) {
        EngineOutput out = new EngineOutput();
        engine.execute(commands, out);
        return new ArrayList<>(out.events());
    }

    /** The log: a fixed cast (two promoters, two suppliers, three products), then the random operations. */
    static List<Command> commands(List<Op> ops) {
        List<Command> log = new ArrayList<>();
        Instant at = START;
        log.add(new Command.RegisterUser("r0", at, "lead", null));
        log.add(new Command.RegisterUser("r1", at, "pro", "lead"));
        log.add(new Command.RegisterUser("r2", at, "u0", "pro"));
        log.add(new Command.SetCreditScore("c0", at, "lead", 700));
        log.add(new Command.SetCreditScore("c1", at, "pro", 650));
        for (int s = 0; s < 2; s++) {
            log.add(new Command.RegisterSupplier("s" + s, at, "sup" + s, 10_000, s == 0 ? 500_000 : 0));
        }
        for (int p = 0; p < 3; p++) {
            log.add(new Command.ListProduct("p" + p, at, "tea" + p, "sup" + (p % 2), 10_000 + 5_000 * p, 3_000));
        }
        int orders = 0;
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            at = at.plus(Duration.ofHours(op.b() % 5));
            if (op.kind() == 0) {
                orders++;
            }
            log.add(command(op, "x" + i, at, orders));
            if (op.kind() == 2) {
                at = at.plus(Duration.ofDays(20));
            }
        }
        return log;
    }

    private static Command command(Op op, String id, Instant at, int orders) {
        String user = "u" + op.a() % 6;
        String order = "x" + op.a() % Math.max(1, op.c() + 1);
        return switch (op.kind()) {
            case 0 -> new Command.PayPartyOrder(id, at, user, "tea" + op.b() % 3, 1 + op.b() % 2,
                    op.c() % 4 == 1 ? 100 : 0, op.c() % 3 == 0 ? null : (op.c() % 2 == 0 ? "pro" : "lead"),
                    "d" + op.c() % 2, "ip" + op.a() % 3);
            case 1 -> new Command.RefundOrder(id, at, order);
            case 2 -> new Command.Tick(id, at.plus(Duration.ofDays(20)));
            case 3 -> new Command.TransferContrib(id, at, user, "u" + op.b() % 6, (op.c() % 5 + 1) * 100L);
            case 4 -> new Command.RedeemContrib(id, at, user, (op.c() % 5 + 1) * 50L);
            case 5 -> new Command.RateProduct(id, at, user, "tea" + op.b() % 3, op.c() % 501);
            case 6 -> new Command.VerifyOrder(id, at, order, op.c() % 2 == 0);
            case 7 -> new Command.CloseMonth(id, at, YearMonth.from(at.atZone(ZoneOffset.UTC)).minusMonths(1).toString());
            case 8 -> new Command.EscrowStatement(id, at, op.c() * 100L);
            case 9 -> new Command.ChargeDataService(id, at, "sup" + op.a() % 2, 200_000);
            case 10 -> new Command.RecordOperatingCost(id, at, 10_000, "rent");
            case 11 -> new Command.RedeemTokens(id, at, "sup" + op.a() % 2, op.c() % 2 == 0 ? PartyIds.FEE_DISCOUNT
                    : "直播间推广");
            default -> new Command.CloseYear(id, at, String.valueOf(at.atZone(ZoneOffset.UTC).getYear() - 1));
        };
    }
}

package org.zengzhi.engine.green;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import org.zengzhi.engine.Command;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.Event;
import org.zengzhi.engine.codec.SnapshotCodec;
import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.ledger.Asset;
import org.zengzhi.engine.network.RegionDirectory;
import org.zengzhi.engine.order.Channel;
import org.zengzhi.engine.plan.Plan;

/**
 * Random command logs through the whole engine under plans/green-points.yaml (issue 17, "How it is checked"):
 * registrations, merchants, store payments some with vouchers (and some with more than the payer holds),
 * coin-mall payments, refunds (of store and coin-mall orders, some twice), ticks over several months,
 * promoters and month closes. After every command the books balance per
 * asset and the invariants hold; the whole run is deterministic; a snapshot taken anywhere plus the rest of
 * the log gives the full run's state hash; and the dividends agree with the green core's independent
 * reference ({@link GreenReference}) fed the same settlements.
 */
class GreenEngineProperties {
    private static final Plan PLAN = GreenEngineGoldenTest.preset("green-points.yaml");
    private static final int USERS = 6;
    private static final int MERCHANTS = 3;

    /** One step of a random log: what to do, and numbers the engine's state turns into a command. */
    record Step(int kind, int who, int where, long amountFen, int share, int hours) {
    }

    @Provide
    Arbitrary<List<Step>> logs() {
        Arbitrary<Long> amounts = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.longs().between(1, 200_000)),
                Tuple.of(3, Arbitraries.longs().between(10_000_000, 600_000_000)
                        .withDistribution(RandomDistribution.uniform())));
        Arbitrary<Step> step = net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(0, USERS - 1), Arbitraries.integers().between(0, MERCHANTS - 1),
                amounts, Arbitraries.integers().between(0, 120), Arbitraries.integers().between(0, 80))
                .as(Step::new);
        return step.list().ofMinSize(5).ofMaxSize(90);
    }

    @Property(tries = 60)
    void booksBalanceRunsRepeatAndSnapshotsResume(@ForAll("logs") List<Step> steps, @ForAll int cutSeed)
            throws IOException {
        Run first = run(steps);
        Run second = new Run();
        for (Command command : first.commands) {
            second.execute(command);
        }
        assertThat(second.engine.stateHash()).isEqualTo(first.engine.stateHash());
        assertThat(second.events).isEqualTo(first.events);

        int cut = Math.floorMod(cutSeed, first.commands.size() + 1);
        Engine head = new Engine(PLAN, RegionDirectory.STANDARD);
        for (Command command : first.commands.subList(0, cut)) {
            head.execute(command);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SnapshotCodec.write(head, bytes);
        Engine resumed = SnapshotCodec.read(new ByteArrayInputStream(bytes.toByteArray()));
        for (Command command : first.commands.subList(cut, first.commands.size())) {
            resumed.execute(command);
        }
        assertThat(resumed.stateHash()).isEqualTo(first.engine.stateHash());
    }

    @Property(tries = 60)
    void dividendsAgreeWithTheIndependentReference(@ForAll("logs") List<Step> steps) {
        Run run = run(steps);
        GreenReference reference = new GreenReference(PLAN.greenPoints());
        RecordingPostings postings = new RecordingPostings();
        List<Dividend> expected = new ArrayList<>();
        for (Event event : run.events) {
            if (event instanceof Event.OrderSettled settled) {
                StoreSettlement order = run.settlements.get(settled.order());
                // A dividend due at the settlement's own due time comes first (rule 3's tie rule).
                payDue(reference, postings, expected, order.dueAt());
                reference.settle(order, postings);
            }
        }
        payDue(reference, postings, expected, run.engine.clock());
        List<Event.DividendPaid> paid = run.events.stream().filter(Event.DividendPaid.class::isInstance)
                .map(Event.DividendPaid.class::cast).toList();
        Statistics.label("paid dividends").collect(!paid.isEmpty());
        Statistics.label("paid dividends").coverage(coverage -> coverage.check(true).percentage(p -> p > 10));
        assertThat(paid).extracting(d -> d.pool() + " " + d.period() + " " + d.at() + " " + d.scalePpm() + " "
                + d.vouchersFen() + " " + d.lots() + " " + d.retired())
                .containsExactlyElementsOf(expected.stream().map(d -> d.pool().label() + " " + d.period() + " "
                        + d.at() + " " + d.scalePpm() + " " + d.vouchersFen() + " " + d.lots() + " " + d.retired())
                        .toList());
    }

    /** Pays the reference's dividends due at or before {@code until}. */
    private static void payDue(GreenReference reference, RecordingPostings postings, List<Dividend> paid,
            Instant until) {
        GreenPool pool;
        while ((pool = reference.dueFirst()) != null) {
            Instant due = reference.due(pool);
            if (due.isAfter(until)) {
                return;
            }
            paid.add(reference.pay(pool, postings));
        }
    }

    private static Run run(List<Step> steps) {
        Run run = new Run();
        run.setUp();
        for (Step step : steps) {
            run.step(step);
        }
        run.execute(new Command.Tick("end", run.time.plus(Duration.ofDays(3))));
        return run;
    }

    /** One run: the engine, the commands it was given (built from the state), its events, its settlements. */
    private static final class Run {
        final Engine engine = new Engine(PLAN, RegionDirectory.STANDARD);
        final List<Command> commands = new ArrayList<>();
        final List<Event> events = new ArrayList<>();
        final Map<String, StoreSettlement> settlements = new HashMap<>();
        final List<String> paidOrders = new ArrayList<>();
        Instant time = GreenTimes.at(0, 8);
        int next;

        void setUp() {
            for (int u = 0; u < USERS; u++) {
                execute(new Command.RegisterUser("r" + u, time, "u" + u, null));
            }
            for (int m = 0; m < MERCHANTS; m++) {
                execute(new Command.OnboardMerchant("m" + m, time, "m" + m, "u0", m == 0 ? null : "u" + m, "440106",
                        30_000 + 85_000L * m));
            }
        }

        void step(Step step) {
            time = time.plus(Duration.ofHours(step.hours()));
            String id = "c" + (next++);
            switch (step.kind()) {
                case 0, 1, 2, 3 -> pay(id, step);
                case 4 -> {
                    if (!paidOrders.isEmpty()) {
                        execute(new Command.RefundOrder(id, time, paidOrders.get(step.share() % paidOrders.size())));
                    }
                }
                case 5, 6 -> execute(new Command.Tick(id, time));
                case 7 -> execute(new Command.AppointPromoter(id, time, "u" + step.who(),
                        step.where() == 0 ? null : "u" + ((step.who() + step.where()) % USERS)));
                case 8 -> closeMonth(id, step);
                default -> payCoins(id, step);
            }
        }

        private void pay(String id, Step step) {
            String user = "u" + step.who();
            long held = engine.balance(AccountType.USER_VOUCHER, user);
            // A share above 100 asks for more vouchers than the payer holds: rejected, nothing changes.
            long voucher = Math.min(step.amountFen(), held * step.share() / 100 + (step.share() > 100 ? 1 : 0));
            execute(new Command.PayOrder(id, time, user, "m" + step.where(), Channel.STORE, step.amountFen(), 0, null,
                    null, step.share() % 3 == 0 ? voucher : 0));
        }

        /** A coin-mall order for a share of the payer's coins; a share above 100 asks for more than they hold. */
        private void payCoins(String id, Step step) {
            String user = "u" + step.who();
            long coins = engine.balance(AccountType.USER_COIN, user) * step.share() / 100 + (step.share() > 100 ? 1 : 0);
            execute(new Command.PayOrder(id, time, user, "m" + step.where(), Channel.COIN, coins, 0, null, null, 0));
        }

        private void closeMonth(String id, Step step) {
            YearMonth month = engine.models().green().board().nextMonthToClose()
                    .orElse(YearMonth.from(time.atZone(GreenRules.SHANGHAI)));
            execute(new Command.CloseMonth(id, time, (step.share() % 5 == 0 ? month.plusMonths(1) : month).toString()));
        }

        void execute(Command command) {
            List<Event> produced = engine.execute(command);
            commands.add(command);
            events.addAll(produced);
            for (Event event : produced) {
                if (event instanceof Event.CoinsSpent spent) {
                    paidOrders.add(spent.order()); // a coin-mall order is refundable too (issue 20 item 1)
                }
                if (event instanceof Event.OrderPaid paid && command instanceof Command.PayOrder pay) {
                    paidOrders.add(paid.order());
                    int merchant = Integer.parseInt(pay.merchant().substring(1));
                    int bound = engine.models().network().participants()
                            .boundMerchant(engine.models().network().participants().find(pay.user()));
                    settlements.put(paid.order(), new StoreSettlement(paid.order(), Integer.parseInt(
                            pay.user().substring(1)), merchant, pay.amountFen(), 30_000 + 85_000L * merchant,
                            pay.voucherFen(), bound < 0 ? StoreSettlement.NO_MERCHANT : bound, paid.dueAt()));
                }
            }
            assertThat(engine.checkInvariants()).as(command.toString()).isEmpty();
            for (Asset asset : Asset.values()) {
                assertThat(engine.assetTotal(asset)).as(asset + " after " + command).isZero();
            }
        }
    }
}

package org.zengzhi.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

import org.zengzhi.engine.pool.Holder;
import org.zengzhi.engine.Price;

/**
 * jqwik generators of pool rules and command streams (SPEC R-3). A stream is generated as a list of
 * {@link Step}s, intentions such as "participant 4 sells 30% of what they hold", which are turned into
 * concrete commands by running them through a {@link ReferenceEngine}; so sales can target real holdings
 * (whole holdings included, which brings N back to 0) while jqwik still shrinks the steps.
 */
public final class CommandStreams {
    /** Sellers whose ids no order ever uses: '~' never appears in a generated participant id. */
    static final String GHOST_PREFIX = "~ghost-";
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final String LONGEST_ID = "L".repeat(Limits.PARTICIPANT_ID_LENGTH_MAX);

    private CommandStreams() {
    }

    /** One generated command stream over a set of participants, with the rules it runs under. */
    public record Scenario(PoolRules rules, List<String> participants, List<Step> steps, List<Command> commands) {
        @Override
        public String toString() {
            return "Scenario[rules=" + rules + ", participants=" + participants + ", steps=" + steps + ", "
                    + commands.size() + " commands]";
        }
    }

    /** What a generated command means to do; resolved against the reference state when the stream is built. */
    public sealed interface Step {
    }

    /** An order of participant {@code who} (index into the participant list), valid or not. */
    public record Order(int who, long amountFen, long poolShareFen) implements Step {
    }

    /** An order whose participant id itself is invalid (null, empty, too long). */
    public record BadIdOrder(String participant, long amountFen, long poolShareFen) implements Step {
    }

    /** The previous order's amounts again for another participant: equal thresholds, ties by id. */
    public record Twin(int who) implements Step {
    }

    /** Sell this fraction of the holdings; with no holdings, a guessed quantity. */
    public record SellFraction(int who, int fractionPpm, long guessMicro) implements Step {
    }

    /** Sell everything held (or 1 µpt when nothing is held: insufficient, or unknown participant). */
    public record SellAll(int who) implements Step {
    }

    /** Sell more than is held. */
    public record SellOver(int who, long extraMicro) implements Step {
    }

    /** Sell an exact quantity, often zero or negative. */
    public record SellRaw(int who, long pointsMicro) implements Step {
    }

    /** A sale by someone who never ordered. */
    public record SellUnknown(int ghost, long pointsMicro) implements Step {
    }

    /** Operator subsidy, valid or not. */
    public record Subsidy(long amountFen) implements Step {
    }

    /** A subsidy that multiplies pool cash by {@code times}: long exit cascades (SPEC ). */
    public record Pump(int times) implements Step {
    }

    /** Every holder in turn sells everything: N returns to 0 (SPEC ). */
    public record Liquidate() implements Step {
    }

    // ----- rules -----

    public static Arbitrary<PoolRules> rules() {
        Arbitrary<Long> mintRatio = Arbitraries.frequencyOf(
                weighted(4, Arbitraries.longs().between(1, Limits.PPM)),
                weighted(3, Arbitraries.of(700_000L, 800_000L, 500_000L)),
                weighted(2, Arbitraries.just(Limits.PPM)));
        Arbitrary<Long> payoutRatio = Arbitraries.frequencyOf(
                weighted(4, Arbitraries.longs().between(0, Limits.PPM)),
                weighted(3, Arbitraries.of(800_000L, 900_000L, 0L, Limits.PPM)));
        Arbitrary<long[]> exitMultiple = Arbitraries.frequencyOf(
                weighted(6, Arbitraries.of(new long[] {1, 1}, new long[] {6, 5}, new long[] {2, 1}, new long[] {3, 1})),
                weighted(3, Arbitraries.longs().between(1, 10).flatMap(denominator -> Arbitraries.longs()
                        .between(Math.max(1, denominator / 2), 4 * denominator)
                        .map(numerator -> new long[] {numerator, denominator}))));
        Arbitrary<Price> initialPrice = Arbitraries.frequencyOf(
                weighted(3, Arbitraries.just(Price.ONE_YUAN)),
                weighted(2, Combinators.combine(Arbitraries.longs().between(1, 10_000),
                        Arbitraries.longs().between(1_000, 100_000_000)).as(Price::new)));
        return Combinators.combine(mintRatio, payoutRatio, exitMultiple, initialPrice)
                .as((alpha, beta, k, price) -> new PoolRules(alpha, beta, k[0], k[1], price));
    }

    // ----- participants -----

    /** 3..30 distinct ids: short names, hash-colliding ids ("Aa"/"BB"), CJK and the longest valid id. */
    public static Arbitrary<List<String>> participants() {
        Arbitrary<String> plain = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6);
        Arbitrary<String> colliding = Arbitraries.of("Aa", "BB", "AaAa", "AaBB", "BBAa", "BBBB");
        Arbitrary<String> other = Arbitraries.of("用户1", "用户2", "u-1", "U-1", LONGEST_ID);
        return Arbitraries.frequencyOf(weighted(6, plain), weighted(2, colliding), weighted(1, other))
                .list().ofMinSize(3).ofMaxSize(30).uniqueElements();
    }

    // ----- steps -----

    static Arbitrary<Long> amountsFen() {
        return Arbitraries.frequencyOf(
                weighted(3, Arbitraries.of(100_000L, 50_000L, 30_000L, 1_000L, 500_000L)),
                weighted(6, Arbitraries.longs().between(1, 500_000)),
                weighted(1, Arbitraries.of(1L, 2L, 99L)));
    }

    static Arbitrary<Long> poolShareFen(long amountFen) {
        return Arbitraries.frequencyOf(
                weighted(4, Arbitraries.just(amountFen * 16 / 100)),
                weighted(4, Arbitraries.just(amountFen * 30 / 100)),
                weighted(2, Arbitraries.longs().between(0, amountFen)),
                weighted(1, Arbitraries.of(0L, amountFen)));
    }

    static Arbitrary<Step> validOrders() {
        Arbitrary<Integer> who = Arbitraries.integers().between(0, 29);
        return Combinators.combine(who, amountsFen()).flatAs(
                (participant, amount) -> poolShareFen(amount).map(share -> new Order(participant, amount, share)));
    }

    static Arbitrary<Step> invalidOrders() {
        Arbitrary<Integer> who = Arbitraries.integers().between(0, 29);
        Arbitrary<Step> badAmount = Combinators.combine(who,
                Arbitraries.of(0L, -1L, -100_000L, Long.MIN_VALUE, Limits.AMOUNT_FEN_MAX + 1, Long.MAX_VALUE),
                Arbitraries.longs().between(-5, 5)).as(Order::new);
        Arbitrary<Step> badShare = Combinators.combine(who, amountsFen(), Arbitraries.of(-1L, 1L, Long.MIN_VALUE))
                .as((participant, amount, shift) -> new Order(participant, amount,
                        shift == 1L ? amount + 1 : shift));
        Arbitrary<Step> badId = Combinators.combine(Arbitraries.of("", LONGEST_ID + "x").injectNull(0.3), amountsFen())
                .as((participant, amount) -> new BadIdOrder(participant, amount, amount * 16 / 100));
        return Arbitraries.oneOf(badAmount, badShare, badId);
    }

    static Arbitrary<Step> sales() {
        Arbitrary<Integer> who = Arbitraries.integers().between(0, 29);
        Arbitrary<Step> fraction = Combinators.combine(who, Arbitraries.integers().between(1, 1_000_000),
                Arbitraries.longs().between(1, 1_000_000_000L)).as(SellFraction::new);
        Arbitrary<Step> all = who.map(SellAll::new);
        Arbitrary<Step> over = Combinators.combine(who, Arbitraries.longs().between(0, 1_000_000)).as(SellOver::new);
        Arbitrary<Step> raw = Combinators.combine(who,
                Arbitraries.of(0L, -1L, -1_000_000L, Long.MIN_VALUE, 1L, 1_000_000L)).as(SellRaw::new);
        Arbitrary<Step> unknown = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.of(1L, 1_000_000L, 0L)).as(SellUnknown::new);
        return Arbitraries.frequencyOf(weighted(8, fraction), weighted(4, all), weighted(1, over), weighted(1, raw),
                weighted(1, unknown));
    }

    static Arbitrary<Step> subsidies() {
        return Arbitraries.frequencyOf(
                weighted(6, Arbitraries.longs().between(1, 1_000_000)),
                weighted(3, Arbitraries.longs().between(1_000_000, 10_000_000_000L)),
                weighted(1, Arbitraries.of(0L, -1L, Long.MIN_VALUE, Limits.AMOUNT_FEN_MAX, Limits.AMOUNT_FEN_MAX + 1)))
                .map(Subsidy::new);
    }

    public static Arbitrary<Step> steps() {
        return Arbitraries.frequencyOf(
                weighted(40, validOrders()),
                weighted(8, Arbitraries.integers().between(0, 29).map(Twin::new)),
                weighted(25, sales()),
                weighted(9, subsidies()),
                weighted(4, Arbitraries.integers().between(2, 200).map(Pump::new)),
                weighted(3, Arbitraries.just(new Liquidate())),
                weighted(6, invalidOrders()));
    }

    /** Rules, participants and up to {@code stepsMax} steps, resolved to commands. */
    public static Arbitrary<Scenario> scenarios(int stepsMax) {
        return Combinators.combine(rules(), participants(), steps().list().ofMinSize(1).ofMaxSize(stepsMax)
                        .withSizeDistribution(RandomDistribution.uniform()))
                .as(CommandStreams::resolve);
    }

    public static Arbitrary<Scenario> scenarios() {
        return scenarios(100);
    }

    /** Turns steps into commands by running each through a reference engine as it is made. */
    static Scenario resolve(PoolRules rules, List<String> participants, List<Step> steps) {
        ReferenceEngine reference = new ReferenceEngine(rules);
        List<Command> commands = new ArrayList<>();
        long[] lastOrder = {100_000, 30_000};
        for (Step step : steps) {
            if (step instanceof Liquidate) {
                // Bounded: each sale empties one holder and nobody gains points by selling.
                for (Holder holder : reference.holders()) {
                    long held = reference.holder(holder.participant()).pointsMicro();
                    if (held > 0) {
                        add(commands, reference, sell(commands.size(), holder.participant(), held));
                    }
                }
                continue;
            }
            Command command = command(commands.size(), step, participants, reference, lastOrder);
            if (command instanceof Command.SettleOrder order && order.amountFen() > 0
                    && order.amountFen() <= Limits.AMOUNT_FEN_MAX && order.poolShareFen() >= 0
                    && order.poolShareFen() <= order.amountFen()) {
                lastOrder[0] = order.amountFen();
                lastOrder[1] = order.poolShareFen();
            }
            add(commands, reference, command);
        }
        return new Scenario(rules, participants, steps, List.copyOf(commands));
    }

    private static void add(List<Command> commands, ReferenceEngine reference, Command command) {
        reference.execute(command);
        commands.add(command);
    }

    private static Command command(int index, Step step, List<String> participants, ReferenceEngine reference,
            long[] lastOrder) {
        String id = "c" + index;
        Instant at = START.plusSeconds(index);
        if (step instanceof Order order) {
            return new Command.SettleOrder(id, at, pick(participants, order.who()), order.amountFen(),
                    order.poolShareFen());
        }
        if (step instanceof BadIdOrder order) {
            return new Command.SettleOrder(id, at, order.participant(), order.amountFen(), order.poolShareFen());
        }
        if (step instanceof Twin twin) {
            return new Command.SettleOrder(id, at, pick(participants, twin.who()), lastOrder[0], lastOrder[1]);
        }
        if (step instanceof Subsidy subsidy) {
            return new Command.InjectSubsidy(id, at, subsidy.amountFen());
        }
        if (step instanceof Pump pump) {
            long cash = reference.poolCash();
            long amount = cash > Limits.AMOUNT_FEN_MAX / pump.times() ? Limits.AMOUNT_FEN_MAX
                    : Math.max(1, cash * (pump.times() - 1));
            return new Command.InjectSubsidy(id, at, amount);
        }
        if (step instanceof SellUnknown unknown) {
            return sell(index, GHOST_PREFIX + unknown.ghost(), unknown.pointsMicro());
        }
        String who;
        long quantity;
        if (step instanceof SellFraction fraction) {
            who = pick(participants, fraction.who());
            long held = held(reference, who);
            quantity = held > 0 ? Math.max(1, held / 1_000_000 * fraction.fractionPpm()
                    + held % 1_000_000 * fraction.fractionPpm() / 1_000_000) : fraction.guessMicro();
        } else if (step instanceof SellAll all) {
            who = pick(participants, all.who());
            quantity = Math.max(1, held(reference, who));
        } else if (step instanceof SellOver over) {
            who = pick(participants, over.who());
            quantity = held(reference, who) + 1 + over.extraMicro();
        } else if (step instanceof SellRaw raw) {
            who = pick(participants, raw.who());
            quantity = raw.pointsMicro();
        } else {
            throw new IllegalStateException("unknown step " + step);
        }
        return sell(index, who, quantity);
    }

    private static Command sell(int index, String who, long quantity) {
        return new Command.SellPoints("c" + index, START.plusSeconds(index), who, quantity);
    }

    private static String pick(List<String> participants, int who) {
        return participants.get(who % participants.size());
    }

    private static long held(ReferenceEngine reference, String who) {
        Holder holder = reference.holder(who);
        return holder == null ? 0 : holder.pointsMicro();
    }

    private static <T> Tuple.Tuple2<Integer, Arbitrary<? extends T>> weighted(int weight,
            Arbitrary<? extends T> arbitrary) {
        return Tuple.of(weight, arbitrary);
    }
}

package org.zengzhi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

import org.zengzhi.engine.CommandStreams.Scenario;
import org.zengzhi.engine.codec.SnapshotCodec;
import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.ledger.Asset;
import org.zengzhi.engine.ledger.Posting;
import org.zengzhi.engine.pool.Holder;
import org.zengzhi.engine.Price;

/**
 * Properties of {@link Engine} over random command streams from {@link CommandStreams}: it agrees with
 * the naive {@link ReferenceEngine}, keeps its books balanced, never lowers the price, and is
 * deterministic across replays and snapshots.
 */
class EngineProperties {

    @Provide
    Arbitrary<Scenario> scenarios() {
        return CommandStreams.scenarios();
    }

    /** SPEC ..R-3.8: the fast engine equals the reference engine event for event and holder for holder. */
    @Property(tries = 400)
    void engineEqualsReferenceEngine_R1_4_R3(@ForAll("scenarios") Scenario scenario) {
        Engine engine = new Engine(scenario.rules());
        ReferenceEngine reference = new ReferenceEngine(scenario.rules());
        for (Command command : scenario.commands()) {
            List<Event> expected = reference.execute(command);
            assertThat(engine.execute(command)).as("events of %s", command).isEqualTo(expected);
            assertThat(engine.poolCash()).as("pool cash after %s", command).isEqualTo(reference.poolCash());
            assertThat(engine.circulatingPoints()).as("points after %s", command)
                    .isEqualTo(reference.circulatingPoints());
            assertThat(engine.price()).as("price after %s", command).isEqualTo(reference.price());
            assertThat(engine.holders()).as("holders after %s", command).isEqualTo(reference.holders());
        }
        for (String participant : scenario.participants()) {
            assertThat(engine.holder(participant)).isEqualTo(reference.holder(participant));
        }
        assertThat(engine.holder(CommandStreams.GHOST_PREFIX + 0)).isNull();
    }

    /**
     * SPEC: per command and asset the postings sum to zero, every asset's balances sum to zero,
     * the pool-cash postings explain the change of P, and the engine's own invariant check finds nothing.
     */
    @Property(tries = 250)
    void postingsBalanceAndInvariantsHold_R1_2_R1_5(@ForAll("scenarios") Scenario scenario) {
        Engine engine = new Engine(scenario.rules());
        EngineOutput out = new EngineOutput();
        for (Command command : scenario.commands()) {
            long cashBefore = engine.poolCash();
            out.clear();
            engine.execute(command, out);
            for (Asset asset : Asset.values()) {
                long sum = 0;
                for (Posting posting : out.postings()) {
                    sum += posting.asset() == asset ? posting.amount() : 0;
                }
                assertThat(sum).as("%s postings of %s", asset, command).isZero();
                assertThat(out.postingSum(asset, 0)).isZero();
                assertThat(engine.assetTotal(asset)).as("%s total after %s", asset, command).isZero();
            }
            long poolCashPosted = out.postings().stream().filter(p -> p.type() == AccountType.POOL_CASH)
                    .mapToLong(Posting::amount).sum();
            assertThat(engine.poolCash() - cashBefore).isEqualTo(poolCashPosted);
            assertThat(engine.poolCash()).isNotNegative();
            assertThat(engine.holders().stream().mapToLong(Holder::pointsMicro).sum())
                    .isEqualTo(engine.circulatingPoints());
            assertThat(engine.holders()).allSatisfy(holder -> {
                assertThat(holder.pointsMicro()).isNotNegative();
                assertThat(holder.cashFen()).isNotNegative();
            });
            assertThat(engine.checkInvariants()).as("invariants after %s", command).isEmpty();
        }
    }

    /**
     * SPEC: the price never decreases, across N = 0 episodes too, and every PriceChanged
     * event while points circulate announces a strictly higher price than the one before it.
     */
    @Property(tries = 250)
    void priceNeverDecreases_R1_5_R3_1(@ForAll("scenarios") Scenario scenario) {
        Engine engine = new Engine(scenario.rules());
        Price price = engine.price();
        assertThat(price).isEqualTo(scenario.rules().initialPrice());
        for (Command command : scenario.commands()) {
            Price announced = price;
            // Leaving N = 0 always announces the new price, which may equal the last one (α = 100%).
            boolean strictlyHigher = engine.circulatingPoints() > 0;
            for (Event event : engine.execute(command)) {
                if (event instanceof Event.PriceChanged changed) {
                    int order = changed.price().compareTo(announced);
                    assertThat(order).as("%s after %s", changed, announced)
                            .isGreaterThanOrEqualTo(strictlyHigher ? 1 : 0);
                    announced = changed.price();
                    strictlyHigher = true;
                }
            }
            Price after = engine.price();
            assertThat(after.compareTo(price)).as("price %s after %s, was %s", after, command, price)
                    .isNotNegative();
            price = after;
        }
    }

    /** SPEC: the same commands in a fresh engine give the same events and the same state hash. */
    @Property(tries = 100)
    void replayIsDeterministic_R1_6(@ForAll("scenarios") Scenario scenario) {
        Engine first = new Engine(scenario.rules());
        Engine second = new Engine(scenario.rules(), 5_000);
        for (Command command : scenario.commands()) {
            assertThat(second.execute(command)).isEqualTo(first.execute(command));
            assertThat(second.stateHash()).as("hash after %s", command).isEqualTo(first.stateHash());
        }
    }

    /** ARCHITECTURE rule 5, SPEC: snapshot at a random cut + the journal tail = the full replay. */
    @Property(tries = 150)
    void snapshotPlusTailEqualsFullReplay(@ForAll("scenarios") Scenario scenario,
            @ForAll @IntRange(min = 0, max = 10_000) int cutSeed) throws IOException {
        List<Command> commands = scenario.commands();
        int cut = cutSeed % (commands.size() + 1);
        Engine full = new Engine(scenario.rules());
        List<List<Event>> fullTailEvents = new ArrayList<>();
        List<String> fullTailHashes = new ArrayList<>();
        Engine prefix = new Engine(scenario.rules());
        for (int i = 0; i < commands.size(); i++) {
            List<Event> events = full.execute(commands.get(i));
            if (i < cut) {
                prefix.execute(commands.get(i));
            } else {
                fullTailEvents.add(events);
                fullTailHashes.add(full.stateHash());
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SnapshotCodec.write(prefix, bytes);
        Engine restored = SnapshotCodec.read(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(restored.stateHash()).isEqualTo(prefix.stateHash());
        assertThat(restored.holders()).isEqualTo(prefix.holders());
        assertThat(restored.price()).isEqualTo(prefix.price());
        assertThat(restored.checkInvariants()).isEmpty();
        for (int i = cut; i < commands.size(); i++) {
            assertThat(restored.execute(commands.get(i))).as("events of %s", commands.get(i))
                    .isEqualTo(fullTailEvents.get(i - cut));
            assertThat(restored.stateHash()).isEqualTo(fullTailHashes.get(i - cut));
        }
        assertThat(restored.stateHash()).isEqualTo(full.stateHash());
        assertThat(restored.holders()).isEqualTo(full.holders());
    }

    /** ARCHITECTURE rule 3: a rejected command emits only its rejection, posts nothing and changes nothing. */
    @Property(tries = 150)
    void rejectedCommandsChangeNothing(@ForAll("scenarios") Scenario scenario) {
        Engine engine = new Engine(scenario.rules());
        EngineOutput out = new EngineOutput();
        int rejections = 0;
        for (Command command : scenario.commands()) {
            String hashBefore = engine.stateHash();
            List<Holder> holdersBefore = engine.holders();
            out.clear();
            engine.execute(command, out);
            List<Event> events = out.events();
            if (events.stream().anyMatch(event -> event instanceof Event.CommandRejected)) {
                rejections++;
                assertThat(events).hasSize(1);
                assertThat(events.get(0).command()).isEqualTo(command.id());
                assertThat(out.postingCount()).isZero();
                assertThat(engine.stateHash()).as("hash after rejected %s", command).isEqualTo(hashBefore);
                assertThat(engine.holders()).isEqualTo(holdersBefore);
            } else {
                assertThat(engine.stateHash()).as("hash after accepted %s", command).isNotEqualTo(hashBefore);
            }
        }
        Statistics.label("has rejections").collect(rejections > 0);
        Statistics.label("has rejections").coverage(coverage -> coverage.check(true).percentage(p -> p > 40));
    }

    /**
     * The generators do their job: streams produce exits, long cascades, N returning to 0 and a rejection
     * of every kind often enough for the properties above to mean something.
     */
    @Property(tries = 300)
    void streamsExerciseExitsAndEmptyPools(@ForAll("scenarios") Scenario scenario) {
        ReferenceEngine reference = new ReferenceEngine(scenario.rules());
        int exits = 0;
        int longestCascade = 0;
        boolean emptied = false;
        boolean remintedAfterEmpty = false;
        java.util.Set<RejectionCode> rejections = java.util.EnumSet.noneOf(RejectionCode.class);
        for (Command command : scenario.commands()) {
            long pointsBefore = reference.circulatingPoints();
            List<Event> events = reference.execute(command);
            int cascade = 0;
            for (Event event : events) {
                if (event instanceof Event.ParticipantExited) {
                    cascade++;
                } else if (event instanceof Event.CommandRejected rejected) {
                    rejections.add(rejected.code());
                }
            }
            exits += cascade;
            longestCascade = Math.max(longestCascade, cascade);
            if (pointsBefore > 0 && reference.circulatingPoints() == 0) {
                emptied = true;
            } else if (emptied && pointsBefore == 0 && reference.circulatingPoints() > 0) {
                remintedAfterEmpty = true;
            }
        }
        Statistics.label("exits").collect(exits == 0 ? "0" : exits < 5 ? "1-4" : "5+");
        Statistics.label("cascade >= 3").collect(longestCascade >= 3);
        Statistics.label("N back to 0").collect(emptied);
        Statistics.label("minted again after N = 0").collect(remintedAfterEmpty);
        Statistics.label("4+ rejection kinds").collect(rejections.size() >= 4);
        Statistics.label("exits").coverage(coverage -> coverage.check("0").percentage(p -> p < 25));
        Statistics.label("exits").coverage(coverage -> coverage.check("5+").percentage(p -> p > 20));
        Statistics.label("cascade >= 3").coverage(coverage -> coverage.check(true).percentage(p -> p > 15));
        Statistics.label("N back to 0").coverage(coverage -> coverage.check(true).percentage(p -> p > 50));
        Statistics.label("minted again after N = 0")
                .coverage(coverage -> coverage.check(true).percentage(p -> p > 15));
        Statistics.label("4+ rejection kinds").coverage(coverage -> coverage.check(true).percentage(p -> p > 40));
    }

    // ----- examples the reference must get right by itself -----

    /** SPEC: seed 002's golden table, in both engines. */
    @Example
    void goldenTableOfSeed002_R3_3() {
        ReferenceEngine reference = new ReferenceEngine(PoolRules.MALL);
        Engine engine = new Engine(PoolRules.MALL);
        long[] minted = {210_000_000, 147_000_000, 124_950_000};
        for (int i = 0; i < 3; i++) {
            Command order = new Command.SettleOrder("o" + i, java.time.Instant.EPOCH, "user" + i, 100_000, 30_000);
            List<Event> events = reference.execute(order);
            assertThat(events.get(0)).isEqualTo(new Event.PointsMinted("o" + i, "user" + i, 100_000, 30_000, minted[i]));
            assertThat(engine.execute(order)).isEqualTo(events);
        }
        assertThat(reference.poolCash()).isEqualTo(90_000);
        assertThat(reference.circulatingPoints()).isEqualTo(481_950_000);
        assertThat(reference.price().display()).isEqualTo("1.8674");
    }

    /** SPEC: equal threshold prices exit in participant id order, not in order of first sight. */
    @Example
    void equalThresholdsExitByParticipantId_R3_6() {
        PoolRules rules = new PoolRules(1_000_000, 800_000, 2, 1, Price.ONE_YUAN);
        List<Command> commands = List.of(
                new Command.SettleOrder("1", java.time.Instant.EPOCH, "b", 1_000, 1_000),
                new Command.SettleOrder("2", java.time.Instant.EPOCH, "a", 1_000, 1_000),
                new Command.InjectSubsidy("3", java.time.Instant.EPOCH, 2_000));
        ReferenceEngine reference = new ReferenceEngine(rules);
        Engine engine = new Engine(rules);
        List<Event> last = List.of();
        for (Command command : commands) {
            last = reference.execute(command);
            assertThat(engine.execute(command)).isEqualTo(last);
        }
        List<String> exited = last.stream().filter(e -> e instanceof Event.ParticipantExited)
                .map(e -> ((Event.ParticipantExited) e).participant()).toList();
        assertThat(exited).containsExactly("a", "b");
        assertThat(last.get(2)).isEqualTo(new Event.ParticipantExited("3", "a", 10_000_000, 2_000, 1_600, 1_000, 1));
        assertThat(reference.circulatingPoints()).isZero();
        assertThat(engine.price()).isEqualTo(reference.price());
    }
}

package org.zengzhi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import org.zengzhi.engine.CommandStreams.Scenario;
import org.zengzhi.engine.FlowStreams.Flow;
import org.zengzhi.engine.network.RegionDirectory;
import org.zengzhi.engine.order.RewardKind;
import org.zengzhi.engine.order.RewardStatus;
import org.zengzhi.engine.Price;

/**
 * {@link Engine#execute(List, EngineOutput)} is only a faster way to run commands one by one: on random
 * command streams cut into random batches (some longer than one read-ahead window), every command's events
 * and postings, the clock and the state hash equal those of running the same commands one at a time, with
 * rejections and exit cascades included.
 */
class BatchProperties {

    @Provide
    Arbitrary<Scenario> scenarios() {
        return CommandStreams.scenarios(300);
    }

    @Provide
    Arbitrary<Flow> flows() {
        return FlowStreams.flows();
    }

    /** Batch sizes, used in turn; 1 is the degenerate batch, above 64 crosses a read-ahead window. */
    @Provide
    Arbitrary<List<Integer>> batchSizes() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(1, 8)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(9, 70)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(60, 300)))
                .list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 300)
    void poolBatchesEqualOneByOne(@ForAll("scenarios") Scenario scenario, @ForAll("batchSizes") List<Integer> sizes) {
        Engine single = new Engine(scenario.rules());
        Engine batched = new Engine(scenario.rules());
        Outcome outcome = runBoth(single, batched, scenario.commands(), sizes);
        Statistics.label("exits").collect(outcome.exits > 0);
        Statistics.label("rejections").collect(outcome.rejections > 0);
        assertThat(batched.checkInvariants()).isEmpty();
    }

    @Property(tries = 150)
    void flowBatchesEqualOneByOne(@ForAll("flows") Flow flow, @ForAll("batchSizes") List<Integer> sizes) {
        Engine single = new Engine(flow.plan(), RegionDirectory.STANDARD);
        Engine batched = new Engine(flow.plan(), RegionDirectory.STANDARD);
        Outcome outcome = runBoth(single, batched, flow.commands(), sizes);
        Statistics.label("exits").collect(outcome.exits > 0);
        Statistics.label("rejections").collect(outcome.rejections > 0);
    }

    /**
     * A streaming output (the simulator's) sees exactly the recorded events, in order, counts each command's
     * events the same way, keeps no postings, and leaves the engine in the same state, clock and rejections
     * included.
     */
    @Property(tries = 100)
    void streamingSeesTheRecordedEvents(@ForAll("flows") Flow flow, @ForAll("batchSizes") List<Integer> sizes) {
        streamAgainstRecording(flow, sizes, EngineOutput::streaming, event -> true);
    }

    /**
     * A filtered streaming output sees exactly the recorded events of the types (and, for reward changes, the
     * statuses) it asked for, in order, while every command's event count and the engine's state, clock and
     * rejections stay those of a recording output: the events the engine does not build are still counted.
     */
    @Property(tries = 100)
    void filteredStreamingSeesTheRecordedEventsItAskedFor(@ForAll("flows") Flow flow,
            @ForAll("batchSizes") List<Integer> sizes, @ForAll Set<EventType> types,
            @ForAll Set<RewardStatus> rewardStatuses) {
        streamAgainstRecording(flow, sizes, sink -> EngineOutput.streaming(sink, types, rewardStatuses),
                event -> types.contains(event.type()) && (!(event instanceof Event.RewardChanged changed)
                        || rewardStatuses.contains(changed.status())));
    }

    /**
     * An output with a reward tally (the simulator's) sums exactly the amounts of the recorded reward changes to
     * the tally's status, by kind and agent level, and what the budget cut from them (nominal less paid), and sees
     * no reward change as an event; everything else is as with a filtered streaming output (the same other events,
     * event counts, clock and state).
     */
    @Property(tries = 100)
    void aRewardTallySumsTheRecordedRewardChangesOfItsStatus(@ForAll("flows") Flow flow,
            @ForAll("batchSizes") List<Integer> sizes, @ForAll Set<EventType> types, @ForAll RewardStatus status) {
        RewardTally tally = new RewardTally(status);
        List<Event> recorded = new ArrayList<>();
        streamAgainstRecording(flow, sizes, sink -> EngineOutput.streaming(sink, types, tally), event -> {
            recorded.add(event);
            return types.contains(event.type()) && event.type() != EventType.REWARD_CHANGED;
        });
        long[] byKind = new long[RewardKind.values().length];
        long[] byLevel = new long[RegionLevel.values().length];
        long count = 0;
        long cut = 0;
        for (Event event : recorded) {
            if (event instanceof Event.RewardChanged changed && changed.status() == status) {
                cut += changed.reward().nominalFen() - changed.reward().amountFen();
                byKind[changed.reward().kind().ordinal()] += changed.reward().amountFen();
                if (changed.reward().level() != null) {
                    byLevel[changed.reward().level().ordinal()] += changed.reward().amountFen();
                }
                count++;
            }
        }
        for (RewardKind kind : RewardKind.values()) {
            assertThat(tally.amountFen(kind)).as("%s rewards to %s", kind, status).isEqualTo(byKind[kind.ordinal()]);
        }
        for (RegionLevel level : RegionLevel.values()) {
            assertThat(tally.agentAmountFen(level)).as("%s agents", level).isEqualTo(byLevel[level.ordinal()]);
        }
        assertThat(tally.count()).isEqualTo(count);
        assertThat(tally.cutFen()).as("nominal less paid").isEqualTo(cut);
        Statistics.label("rewards cut").collect(cut == 0 ? "none" : "some");
        Statistics.label("reward changes tallied").collect(count == 0 ? "none" : count < 10 ? "1-9" : "10+");
    }

    /**
     * An output with a mint tally as well (the simulator's) sums exactly the recorded {@code PointsMinted}: points,
     * pool cash, their count and those that minted nothing; it sees neither mints nor reward changes as events,
     * and everything else is as with a filtered streaming output.
     */
    @Property(tries = 100)
    void aMintTallySumsTheRecordedMints(@ForAll("flows") Flow flow, @ForAll("batchSizes") List<Integer> sizes,
            @ForAll Set<EventType> types) {
        MintTally mints = new MintTally();
        RewardTally rewards = new RewardTally(RewardStatus.AVAILABLE);
        List<Event> recorded = new ArrayList<>();
        streamAgainstRecording(flow, sizes, sink -> EngineOutput.streaming(sink, types, rewards, mints), event -> {
            recorded.add(event);
            return types.contains(event.type()) && event.type() != EventType.REWARD_CHANGED
                    && event.type() != EventType.POINTS_MINTED;
        });
        long points = 0;
        long poolShare = 0;
        long count = 0;
        long unminted = 0;
        long unmintedShare = 0;
        for (Event event : recorded) {
            if (event instanceof Event.PointsMinted minted) {
                points += minted.pointsMicro();
                poolShare += minted.poolShareFen();
                count++;
                if (minted.pointsMicro() == 0 && minted.poolShareFen() > 0) {
                    unminted++;
                    unmintedShare += minted.poolShareFen();
                }
            }
        }
        assertThat(mints.pointsMicro()).isEqualTo(points);
        assertThat(mints.poolShareFen()).isEqualTo(poolShare);
        assertThat(mints.count()).isEqualTo(count);
        assertThat(mints.unmintedCount()).isEqualTo(unminted);
        assertThat(mints.unmintedPoolShareFen()).isEqualTo(unmintedShare);
        Statistics.label("mints tallied").collect(count == 0 ? "none" : count < 10 ? "1-9" : "10+");
    }

    /**
     * Runs the flow in batches of {@code sizes} through a recording engine and through one streaming into
     * {@code output}: after each batch the streamed events are the recorded ones the sink {@code takes}, the
     * streaming output keeps no events or postings and counts each command's events the same; at the end
     * clock and state hash agree.
     */
    private static void streamAgainstRecording(Flow flow, List<Integer> sizes,
            Function<Consumer<Event>, EngineOutput> output, Predicate<Event> takes) {
        Engine recording = new Engine(flow.plan(), RegionDirectory.STANDARD);
        Engine streaming = new Engine(flow.plan(), RegionDirectory.STANDARD);
        EngineOutput recorded = new EngineOutput();
        List<Event> streamed = new ArrayList<>();
        EngineOutput stream = output.apply(streamed::add);
        List<Command> commands = flow.commands();
        int turn = 0;
        for (int from = 0; from < commands.size(); ) {
            int to = Math.min(commands.size(), from + sizes.get(turn++ % sizes.size()));
            List<Command> batch = commands.subList(from, to);
            recorded.clear();
            stream.clear();
            streamed.clear();
            recording.execute(batch, recorded);
            streaming.execute(batch, stream);
            assertThat(streamed).isEqualTo(recorded.events().stream().filter(takes).toList());
            assertThat(stream.events()).isEmpty();
            assertThat(stream.postingCount()).isZero();
            for (int k = 0; k < batch.size(); k++) {
                assertThat(stream.eventsEnd(k)).isEqualTo(recorded.eventsEnd(k));
            }
            from = to;
        }
        assertThat(streaming.clock()).isEqualTo(recording.clock());
        assertThat(streaming.stateHash()).isEqualTo(recording.stateHash());
    }

    /** Hundreds of commands in one batch: new participants, repeats, sales of more than held, subsidies, exits. */
    @Example
    void oneLargeBatchEqualsOneByOne() {
        List<Command> commands = new ArrayList<>();
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 500; i++) {
            String who = "p" + (i * 7 % 53);
            Instant when = at.plusSeconds(i % 5 == 0 ? -i : i);
            if (i % 6 == 5) {
                commands.add(new Command.SellPoints("s" + i, when, who, 1_000_000L + i * 10_000L));
            } else if (i % 50 == 49) {
                commands.add(new Command.InjectSubsidy("x" + i, when, 5_000_000L * i, "lift"));
            } else if (i % 97 == 3) {
                commands.add(new Command.SettleOrder("bad" + i, when, who, -1, 0));
            } else {
                commands.add(new Command.SettleOrder("o" + i, when, who, 10_000 + i * 100L, 3_000 + i * 30L));
            }
        }
        Engine single = new Engine(new PoolRules(700_000, 800_000, 6, 5, Price.ONE_YUAN));
        Engine batched = new Engine(new PoolRules(700_000, 800_000, 6, 5, Price.ONE_YUAN));
        Outcome outcome = runBoth(single, batched, commands, List.of(commands.size()));
        assertThat(outcome.exits).isPositive();
        assertThat(outcome.rejections).isPositive();
        assertThat(batched.checkInvariants()).isEmpty();
    }

    @Example
    void anEmptyBatchDoesNothing() {
        Engine engine = new Engine(PoolRules.MALL);
        String before = engine.stateHash();
        EngineOutput out = new EngineOutput();
        engine.execute(List.of(), out);
        assertThat(out.commandCount()).isZero();
        assertThat(out.events()).isEmpty();
        assertThat(engine.stateHash()).isEqualTo(before);
    }

    /** Commands run one by one into the same output are told apart the same way as a batch's. */
    @Example
    void singleCommandsMarkTheirOutputToo() {
        Engine engine = new Engine(PoolRules.MALL);
        EngineOutput out = new EngineOutput();
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        engine.execute(new Command.SettleOrder("o1", at, "a", 100_000, 30_000), out);
        engine.execute(new Command.SellPoints("s1", at, "a", -1), out);
        assertThat(out.commandCount()).isEqualTo(2);
        assertThat(out.eventsStart(1)).isEqualTo(out.eventsEnd(0));
        assertThat(out.events().get(out.eventsStart(1)).type()).isEqualTo(EventType.COMMAND_REJECTED);
        assertThat(out.eventsEnd(1)).isEqualTo(out.events().size());
        assertThat(out.postingsEnd(0)).isEqualTo(out.postingCount()).isEqualTo(out.postingsStart(1));
        out.clear();
        assertThat(out.commandCount()).isZero();
    }

    private record Outcome(int exits, int rejections) {
    }

    /** Runs the commands one by one on {@code single} and in batches on {@code batched}, comparing as it goes. */
    private static Outcome runBoth(Engine single, Engine batched, List<Command> commands, List<Integer> sizes) {
        EngineOutput one = new EngineOutput();
        EngineOutput many = new EngineOutput();
        int exits = 0;
        int rejections = 0;
        int turn = 0;
        for (int from = 0; from < commands.size(); ) {
            int to = Math.min(commands.size(), from + sizes.get(turn++ % sizes.size()));
            List<Command> batch = commands.subList(from, to);
            many.clear();
            batched.execute(batch, many);
            assertThat(many.commandCount()).isEqualTo(batch.size());
            for (int k = 0; k < batch.size(); k++) {
                one.clear();
                single.execute(batch.get(k), one);
                assertThat(many.events().subList(many.eventsStart(k), many.eventsEnd(k)))
                        .as("events of %s", batch.get(k)).isEqualTo(one.events());
                assertThat(many.postings().subList(many.postingsStart(k), many.postingsEnd(k)))
                        .as("postings of %s", batch.get(k)).isEqualTo(one.postings());
                exits += (int) one.events().stream().filter(e -> e.type() == EventType.PARTICIPANT_EXITED).count();
                rejections += (int) one.events().stream().filter(e -> e.type() == EventType.COMMAND_REJECTED).count();
            }
            assertThat(batched.clock()).isEqualTo(single.clock());
            assertThat(batched.stateHash()).as("state after commands %d..%d", from, to).isEqualTo(single.stateHash());
            from = to;
        }
        return new Outcome(exits, rejections);
    }
}

package org.zengzhi.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Commands per second on one thread against an engine of a million participants (one JMH operation = one
 * command of {@link OrderStreamWorkload}: ~90% settled orders, ~10% sales, mall rules with k = 3 so that
 * exits happen), run one by one or in batches ({@link #batch}). At the end of the trial the engine's invariants, zero-sum books and the workload's own
 * books must hold, and exits must have happened during measurement; otherwise the run fails.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// Transparent huge pages cut the TLB misses of random access to a million participants' arrays. Touching the
// whole heap at start keeps the page faults of fresh young-generation memory out of the measurement: with huge
// pages (defrag=madvise) a first touch may zero or even compact 2 MB, which cost a third of the batch figure.
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+UseTransparentHugePages", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
@State(Scope.Benchmark)
public class EngineBenchmark {
    @Param({"1000000"})
    public int participants;

    /**
     * Commands per {@code Engine.execute} call: 1 runs each command on its own, as before; 64 runs the same
     * stream through the batch entry point. Either way one JMH operation is one command.
     */
    @Param({"1", "64"})
    public int batch;

    private OrderStreamWorkload workload;
    private long exitsAtIterationStart;
    private long measuredExits;
    private long measuredCommands;
    private long commandsAtIterationStart;
    private boolean measuring;

    /** What one iteration did, reported by JMH next to the score (totals per iteration). */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class Counts {
        public long exits;
        public long sells;
        public long rejections;

        @Setup(Level.Iteration)
        public void reset() {
            exits = 0;
            sells = 0;
            rejections = 0;
        }
    }

    @Setup(Level.Trial)
    public void createEngine() {
        long started = System.nanoTime();
        workload = new OrderStreamWorkload(participants, 20250101L);
        System.out.printf("%nsetup: %,d participants in %d ms; %s%n", participants,
                (System.nanoTime() - started) / 1_000_000, workload.summary());
    }

    @Setup(Level.Iteration)
    public void startIteration(IterationParams iteration) {
        measuring = iteration.getType() == IterationType.MEASUREMENT;
        exitsAtIterationStart = workload.exits();
        commandsAtIterationStart = workload.commands();
    }

    @TearDown(Level.Iteration)
    public void endIteration() {
        if (measuring) {
            measuredExits += workload.exits() - exitsAtIterationStart;
            measuredCommands += workload.commands() - commandsAtIterationStart;
        }
    }

    @Benchmark
    public void command(Counts counts, Blackhole blackhole) {
        long exitsBefore = workload.exits();
        long sellsBefore = workload.sells();
        long rejectionsBefore = workload.rejections();
        blackhole.consume(workload.next(batch));
        counts.exits += workload.exits() - exitsBefore;
        counts.sells += workload.sells() - sellsBefore;
        counts.rejections += workload.rejections() - rejectionsBefore;
    }

    @TearDown(Level.Trial)
    public void verify() {
        long started = System.nanoTime();
        List<String> failures = workload.verify();
        System.out.printf("%nteardown: %s; measured %,d commands with %,d exits; verified in %d ms%n",
                workload.summary(), measuredCommands, measuredExits, (System.nanoTime() - started) / 1_000_000);
        if (!failures.isEmpty()) {
            throw new IllegalStateException("the engine's books are wrong: " + failures);
        }
        if (workload.rejections() * 100 > workload.sells()) {
            throw new IllegalStateException("more than 1% of the commands were rejected: the stream has degenerated");
        }
        if (measuredExits == 0) {
            throw new IllegalStateException("no participant exited during measurement: the workload tests nothing");
        }
    }
}

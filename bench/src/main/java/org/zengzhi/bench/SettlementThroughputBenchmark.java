package org.zengzhi.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

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

/**
 * Orders paid and settled per second on one thread through the whole engine, under the appreciation plan
 * (plans/local-life.yaml), the green-points plan (plans/green-points.yaml, issue 17 deliver 5) and the
 * four-party plan (plans/four-party.yaml, issue 18 deliver 6): one JMH operation is one order of
 * {@link SettlementWorkload} (its block's tick included, one in 1,024 operations). Goal of both issues: the
 * green and four-party figures within 20% of the appreciation plan's in the same run. At the end of the trial
 * every paid order must have settled to exactly what the stream expects, or the run fails.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(1)
@State(Scope.Benchmark)
public class SettlementThroughputBenchmark {
    @Param({"appreciation", "green", "fourParty"})
    public SettlementWorkload.Model model;

    @Param({"100000"})
    public int users;

    private SettlementWorkload workload;

    @Setup(Level.Trial)
    public void createEngine() {
        long started = System.nanoTime();
        workload = new SettlementWorkload(model, users);
        System.out.printf("%nsetup: %s, %,d users in %d ms%n", model, users, (System.nanoTime() - started) / 1_000_000);
    }

    @Benchmark
    public void order() {
        workload.next();
    }

    @TearDown(Level.Trial)
    public void verify() {
        List<String> failures = workload.verify();
        System.out.printf("%nteardown: %s%n", workload.summary());
        if (!failures.isEmpty()) {
            throw new IllegalStateException("the settlements are wrong: " + failures);
        }
    }
}

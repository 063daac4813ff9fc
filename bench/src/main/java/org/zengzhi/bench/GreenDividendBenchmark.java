package org.zengzhi.bench;

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
import org.openjdk.jmh.annotations.Warmup;
import org.zengzhi.engine.green.Dividend;

/**
 * Time for one green-points dividend (SPEC, issue 17 deliver 5; goal ≤ 50 ms on one thread) over
 * {@code holders} holders with ten lots each on average in the consumer pool. Each single-shot iteration
 * restores the same pool first, so every measured dividend pays every lot its first period: {@code newPercent}
 * of the lots are earned since the snapshot (0: all restored from it; 20: a fifth earned since, as in a
 * running platform; 100: all earned in this process, a platform's first dividend), the rest read from it.
 * The measured operation checks its total against the workload's independent sum and throws if they differ;
 * the iteration's tear-down adds up the holders' balances again.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// The pool's four lot arrays are 240 MB for 10 M lots, its snapshot as much again, and the model restored
// before each iteration leaves the previous one's as garbage: 3 GB holds all of it without a full collection.
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 10)
@Measurement(iterations = 20)
@State(Scope.Benchmark)
public class GreenDividendBenchmark {
    @Param({"1000000"})
    public int holders;

    @Param({"0", "20", "100"})
    public int newPercent;

    private GreenDividendWorkload workload;

    @Setup(Level.Trial)
    public void buildPool() {
        long started = System.nanoTime();
        workload = new GreenDividendWorkload(holders, 20260301L, newPercent);
        System.out.printf("%nsetup: %,d holders, %,d lots (%d%% new), snapshot %,d bytes, expected %,d fen of vouchers;"
                + " %d ms%n", holders, workload.lots(), newPercent, workload.snapshotBytes(), workload.expectedVouchersFen(),
                (System.nanoTime() - started) / 1_000_000);
    }

    @Setup(Level.Iteration)
    public void restorePool() {
        workload.restore();
    }

    @Benchmark
    public Dividend dividend() {
        Dividend dividend = workload.payDividend();
        workload.check(dividend);
        return dividend;
    }

    @TearDown(Level.Iteration)
    public void verifyBalances() {
        workload.checkBalances();
    }
}

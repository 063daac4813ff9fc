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
import org.openjdk.jmh.annotations.Warmup;
import org.zengzhi.engine.EngineOutput;

/**
 * Time for one command that sets off a cascade of {@code holders} forced exits (SPEC ): one
 * {@link ExitCascade} is built before each single-shot iteration, the subsidy is the measured operation,
 * and the iteration fails unless every holder exited in that command with the books intact.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 30)
@Measurement(iterations = 50)
@State(Scope.Benchmark)
public class ExitCascadeBenchmark {
    @Param({"10000"})
    public int holders;

    private final EngineOutput out = new EngineOutput();
    private ExitCascade cascade;
    private long seed;

    @Setup(Level.Iteration)
    public void positionHolders() {
        out.clear();
        cascade = new ExitCascade(holders, ++seed);
    }

    @Benchmark
    public EngineOutput cascade() {
        cascade.run(out);
        return out;
    }

    @TearDown(Level.Iteration)
    public void verify() {
        List<String> failures = cascade.verify(out);
        if (!failures.isEmpty()) {
            throw new IllegalStateException("the cascade went wrong: " + failures);
        }
    }
}

package org.zengzhi.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.zengzhi.simulator.PathResult;
import org.zengzhi.simulator.PathSimulator;
import org.zengzhi.simulator.Scenario;

/**
 * Simulated orders per second of one path on one core: 10,000 consumers × 2 orders a month × 10 months =
 * 200,000 orders through the whole flow (register, PayOrder, a Tick per day, sales, exits), with the
 * conservation checks at the path's end. The score is orders/s; the result's order count is checked so a
 * fast wrong answer fails.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = { "-Xmx2g", "-XX:+UseParallelGC" })
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class SimulatorBenchmark {
    static final int ORDERS = 200_000;

    private final Scenario scenario = SimulatorScenarios.orders(10_000, 2_000, 10);

    @Benchmark
    @OperationsPerInvocation(ORDERS)
    public PathResult onePath() {
        PathResult result = new PathSimulator(scenario, 0).run();
        if (result.orders() != ORDERS) {
            throw new IllegalStateException("expected " + ORDERS + " orders, simulated " + result.orders());
        }
        return result;
    }
}

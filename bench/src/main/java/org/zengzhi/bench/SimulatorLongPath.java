package org.zengzhi.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;

import org.zengzhi.simulator.PathResult;
import org.zengzhi.simulator.PathSimulator;
import org.zengzhi.simulator.Scenario;

/**
 * The simulator's long-path check: runs a 10,000,000-order path (200,000 consumers × 2.5 orders a month ×
 * 20 months) several times one after another and prints, for each, the time, orders/s and the heap in use
 * after a full GC, so memory that grows with the paths run would show. Run:
 * {@code java -Xmx4g -XX:+UseParallelGC -cp bench/target/benchmarks.jar org.zengzhi.bench.SimulatorLongPath [runs]}
 * (the collector {@code bin/zengzhi simulate} uses).
 */
public final class SimulatorLongPath {
    private SimulatorLongPath() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Scenario scenario = SimulatorScenarios.orders(200_000, 2_500, 20);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int run = 0; run < runs; run++) {
            long started = System.nanoTime();
            long cpuStarted = threads.getCurrentThreadCpuTime();
            PathResult result = new PathSimulator(scenario, run).run();
            long nanos = System.nanoTime() - started;
            long cpuNanos = threads.getCurrentThreadCpuTime() - cpuStarted;
            System.gc();
            long heapMiB = memory.getHeapMemoryUsage().getUsed() >> 20;
            System.out.printf("run %d: %,d orders in %.2f s = %,d orders/s (simulating thread's CPU %.2f s);"
                    + " heap after GC %d MiB; final price %s%n",
                    run, result.orders(), nanos / 1e9, result.orders() * 1_000_000_000L / nanos, cpuNanos / 1e9, heapMiB,
                    result.finalPrice().display());
        }
    }
}

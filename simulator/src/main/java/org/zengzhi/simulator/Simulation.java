package org.zengzhi.simulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs every path of a scenario, in parallel on up to {@code threads} cores. Each path has its own engine
 * and its own random numbers seeded by (seed, path), so the result is the same whatever the threads do;
 * results come back in path order. A path's engine is dropped as soon as the path ends, so memory does not
 * grow with the number of paths run one after another.
 */
public final class Simulation {
    private Simulation() {
    }

    public static SimulationResult run(Scenario scenario, int threads) {
        int workers = Math.max(1, Math.min(threads, scenario.paths()));
        ExecutorService pool = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "zengzhi-path");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<PathResult>> futures = new ArrayList<>();
            for (int path = 0; path < scenario.paths(); path++) {
                int index = path;
                futures.add(pool.submit(() -> new PathSimulator(scenario, index).run()));
            }
            List<PathResult> results = new ArrayList<>();
            for (Future<PathResult> future : futures) {
                results.add(future.get());
            }
            return new SimulationResult(scenario, results);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The q-th percentile (nearest rank) of the values, q in 1..100; the values are not changed. */
    public static long percentile(long[] values, int q) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (q * sorted.length + 99) / 100;
        return sorted[Math.max(0, rank - 1)];
    }
}

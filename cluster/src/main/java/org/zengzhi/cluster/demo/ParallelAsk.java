package org.zengzhi.cluster.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Asks every tenant at once, each on its own thread, until each answers from a live node: when a tenant answered
 * again does not wait for the tenants asked before it (the demo once asked one after the other, which overstated a
 * failover by the sum of the waits).
 */
final class ParallelAsk {
    private ParallelAsk() {
    }

    /** Each tenant's first answer (epoch ms); throws naming how many did not answer in {@code timeoutSeconds}. */
    static Map<String, Long> untilAll(Status status, Supplier<List<Integer>> ports, List<String> tenants,
            int timeoutSeconds) throws Exception {
        Map<String, Long> answered = new ConcurrentHashMap<>();
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(tenants.size(), 32));
        try {
            List<Future<?>> asks = new ArrayList<>();
            for (String tenant : tenants) {
                asks.add(pool.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        if (status.ask(ports.get(), tenant).isPresent()) {
                            answered.put(tenant, System.currentTimeMillis());
                            return null;
                        }
                        Thread.sleep(20);
                    }
                    return null;
                }));
            }
            for (Future<?> ask : asks) {
                ask.get();
            }
        } finally {
            pool.shutdownNow();
        }
        if (answered.size() < tenants.size()) {
            throw new IllegalStateException((tenants.size() - answered.size()) + " tenants did not answer in "
                    + timeoutSeconds + " s");
        }
        return answered;
    }
}

package org.zengzhi.bench.serverdemo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Work on every tenant at once, a thread each (at most 64): one slow tenant does not delay the others' times. */
final class Parallel {
    /** A piece of work on one item that may fail. */
    interface Work<T> {
        void run(T item) throws Exception;
    }

    private Parallel() {
    }

    /** Runs {@code work} on every item; rethrows the first failure once all are done. */
    static <T> void forEach(List<T> items, Work<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(items.size(), 64)));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> {
                    work.run(item);
                    return null;
                }));
            }
            Exception first = null;
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    first = first != null ? first : (e.getCause() instanceof Exception c ? c : e);
                }
            }
            if (first != null) {
                throw first;
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Asks every tenant's check until it answers 200 (probing every 100 ms, not waiting out Retry-After); returns
     * when each first answered (epoch ms). Throws naming how many did not answer in {@code timeoutSeconds}.
     */
    static Map<String, Long> firstAnswers(List<TenantClient> tenants, int timeoutSeconds) throws Exception {
        Map<String, Long> answered = new ConcurrentHashMap<>();
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        try {
            forEach(tenants, t -> {
                while (System.nanoTime() - deadline < 0) {
                    if (t.check(deadline, true).status() == 200) {
                        answered.put(t.slug(), System.currentTimeMillis());
                        return;
                    }
                    Thread.sleep(100);
                }
            });
        } catch (java.io.IOException e) {
            // a tenant that found no final answer before the deadline: counted below
        }
        if (answered.size() < tenants.size()) {
            throw new IllegalStateException((tenants.size() - answered.size()) + " tenants did not answer in "
                    + timeoutSeconds + " s");
        }
        return answered;
    }
}

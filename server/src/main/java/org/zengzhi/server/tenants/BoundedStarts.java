package org.zengzhi.server.tenants;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs the start of many tenants at most {@code bound} at a time (issue 21 item 1: tenants start in parallel when
 * the server starts, and when a cluster node takes tenants over, bounded, because each start is CPU- and
 * database-heavy). A start that fails is kept with its
 * cause and does not stop the others; the call returns when every start has finished, one way or the other.
 */
public final class BoundedStarts {
    /** What a start does with one item; it may throw. */
    public interface Start<T> {
        void run(T item) throws Exception;
    }

    private BoundedStarts() {
    }

    /** Starts every item, at most {@code bound} at once; returns the failed ones (by name) with their causes. */
    public static <T> Map<String, Throwable> run(List<T> items, int bound, Function<T, String> name, Start<T> start)
            throws InterruptedException {
        Map<String, Throwable> failed = new ConcurrentHashMap<>();
        if (items.isEmpty()) {
            return failed;
        }
        AtomicInteger thread = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(bound, items.size())), task -> {
            Thread t = new Thread(task, "tenant-start-" + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Callable<Void>> tasks = new ArrayList<>(items.size());
            for (T item : items) {
                tasks.add(() -> {
                    try {
                        start.run(item);
                    } catch (Exception | LinkageError e) {
                        failed.put(name.apply(item), e);
                    }
                    return null;
                });
            }
            pool.invokeAll(tasks);
        } finally {
            pool.shutdownNow();
        }
        return failed;
    }
}

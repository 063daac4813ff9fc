package org.zengzhi.server.payment;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.IntStream;

/**
 * Striped locks by product, held by a coin-mall purchase from its stock check to its commit: two purchases of one
 * product are never in one journal batch, where the second's stock take would fail and roll back the first's. Taken
 * in ascending stripe order, so two carts never wait on each other.
 */
final class StockLocks {
    private static final int STRIPES = 64;
    private final ReentrantLock[] locks = IntStream.range(0, STRIPES).mapToObj(i -> new ReentrantLock())
            .toArray(ReentrantLock[]::new);

    /** What {@link #lock} holds; closing it unlocks. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Locks every stripe of the cart's products; the returned handle unlocks them. */
    Held lock(List<Pricing.Item> items) {
        int[] stripes = items.stream().mapToInt(item -> Math.floorMod(item.product().hashCode(), STRIPES)).distinct()
                .sorted().toArray();
        for (int stripe : stripes) {
            locks[stripe].lock();
        }
        return () -> {
            for (int i = stripes.length - 1; i >= 0; i--) {
                locks[stripes[i]].unlock();
            }
        };
    }
}

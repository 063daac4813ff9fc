package org.zengzhi.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.zengzhi.server.operator.DashboardViews;
import org.zengzhi.server.gateway.EngineGateway;

/**
 * Threads that open the operator dashboard through {@code gateway.query}, as the console's page does
 * (balances, the invariant check and the state hash: O(n) each), until {@link #stop}: back to back, or with
 * {@code pauseMillis} between one answer and the next request (a page refreshed, a monitor polling).
 */
final class DashboardLoop {
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong opened = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();

    DashboardLoop(EngineGateway gateway, int threads, long pauseMillis) {
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                while (running.get()) {
                    DashboardViews.Dashboard dashboard = gateway.query(DashboardViews::dashboard).join();
                    if (dashboard != null) {
                        opened.incrementAndGet();
                    }
                    pause(pauseMillis);
                }
            }, "dashboard-" + t);
            this.threads.add(thread);
            thread.start();
        }
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the threads once their current dashboard is answered; returns how many were opened. */
    long stop() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        return opened.get();
    }
}

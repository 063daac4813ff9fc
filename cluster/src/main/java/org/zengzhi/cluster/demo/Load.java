package org.zengzhi.cluster.demo;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

import org.zengzhi.cluster.CommandSender;
import org.zengzhi.engine.Command;

/**
 * The demo's load process: payments to every tenant in turn, at most {@code window} unacknowledged at once, counting
 * each acknowledged one (Kafka answered with its offset: durable on every in-sync replica) and the time from send to
 * acknowledgement. Stops after {@code seconds}, or after {@code perTenant} payments per tenant if that is set.
 */
final class Load {
    private final CommandSender sender;
    private final List<String> tenants;
    private final int window;
    private final Map<String, Map<Long, String>> acked = new ConcurrentHashMap<>();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private long[] latencies = new long[1 << 16];
    private int samples;
    private long startNanos;
    private long endNanos;
    private long nextIndex;
    private long ackedBefore;

    Load(CommandSender sender, List<String> tenants, int window) {
        this.sender = sender;
        this.tenants = tenants;
        this.window = window;
        tenants.forEach(t -> acked.put(t, new ConcurrentHashMap<>()));
    }

    /**
     * Sends until the time or the count is up, then waits for every answer. A second run (after a warm-up) goes on
     * with the next payment numbers; its figures ({@link #measuredAcked}, latencies) are its own, while
     * {@link #acked} keeps every run's for the checks.
     */
    void run(long seconds, long perTenant) throws InterruptedException {
        Semaphore permits = new Semaphore(window);
        synchronized (this) {
            samples = 0;
        }
        ackedBefore = ackedCount();
        startNanos = System.nanoTime();
        long deadline = startNanos + seconds * 1_000_000_000L;
        long first = nextIndex;
        long i = first;
        for (; perTenant > 0 ? i < first + perTenant : System.nanoTime() < deadline; i++) {
            for (String tenant : tenants) {
                permits.acquire();
                Command payment = DemoPayments.payment(tenant, i);
                long sentAt = System.nanoTime();
                sent.incrementAndGet();
                sender.send(tenant, payment).whenComplete((offset, e) -> {
                    if (e == null) {
                        acked.get(tenant).put(offset, payment.id());
                        record(System.nanoTime() - sentAt);
                    } else {
                        failed.incrementAndGet();
                    }
                    permits.release();
                });
            }
        }
        nextIndex = i;
        permits.acquire(window);
        endNanos = System.nanoTime();
    }

    /** Payments acknowledged in the last run (after the warm-up, if there was one). */
    long measuredAcked() {
        return ackedCount() - ackedBefore;
    }

    private synchronized void record(long nanos) {
        if (samples == latencies.length) {
            latencies = Arrays.copyOf(latencies, samples * 2);
        }
        latencies[samples++] = nanos;
    }

    long startNanos() {
        return startNanos;
    }

    long endNanos() {
        return endNanos;
    }

    Map<Long, String> acked(String tenant) {
        return acked.get(tenant);
    }

    long ackedCount() {
        return acked.values().stream().mapToLong(Map::size).sum();
    }

    long sent() {
        return sent.get();
    }

    long failed() {
        return failed.get();
    }

    /** The last acknowledged offset of {@code tenant} (-1: none). */
    long lastAcked(String tenant) {
        return acked.get(tenant).keySet().stream().mapToLong(Long::longValue).max().orElse(-1);
    }

    /** The {@code q} quantile (0 … 1) of send-to-acknowledgement times in microseconds, from the sorted samples. */
    synchronized long latencyMicros(double q) {
        if (samples == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(latencies, samples);
        Arrays.sort(sorted);
        int index = (int) Math.min(samples - 1, Math.ceil(q * samples) - 1);
        return sorted[Math.max(0, index)] / 1_000;
    }
}

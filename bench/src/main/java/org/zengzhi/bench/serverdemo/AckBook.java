package org.zengzhi.bench.serverdemo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the load was told: per tenant, the payments acknowledged (a 2xx answer; nothing else counts) and, for every
 * {@code SAMPLE_EVERY}th of them, the first answer's body, which a retry under the same key must repeat; the
 * payments that got a final refusal or no answer at all; and every acknowledged payment's time from the first send
 * to its 2xx, across redirects and retries.
 */
final class AckBook {
    /** One payment in this many keeps its first answer for the retry check. */
    static final int SAMPLE_EVERY = 50;
    private final Map<String, Map<Long, String>> acked = new ConcurrentHashMap<>();
    private final Map<String, Set<Long>> failedNumbers = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private long[] latencies = new long[1 << 16];
    private int samples;

    AckBook(List<String> tenants) {
        tenants.forEach(t -> {
            acked.put(t, new ConcurrentHashMap<>());
            failedNumbers.put(t, ConcurrentHashMap.newKeySet());
        });
    }

    void sent() {
        sent.incrementAndGet();
    }

    /** A 2xx answer for {@code payment}, {@code nanos} after it was first sent. */
    void acked(Payment payment, String body, long nanos) {
        acked.get(payment.tenant()).put(payment.number(), payment.number() % SAMPLE_EVERY == 0 ? body : "");
        record(nanos);
    }

    /** A final answer other than 2xx, or none before the deadline: not acknowledged. */
    void failed(Payment payment, String why) {
        failed.incrementAndGet();
        failedNumbers.get(payment.tenant()).add(payment.number());
        if (failures.size() < 20) {
            failures.add(payment.orderId() + ": " + why);
        }
    }

    private synchronized void record(long nanos) {
        if (samples == latencies.length) {
            latencies = Arrays.copyOf(latencies, samples * 2);
        }
        latencies[samples++] = nanos;
    }

    Set<Long> ackedNumbers(String tenant) {
        return Set.copyOf(acked.get(tenant).keySet());
    }

    /** The payments of {@code tenant} that got no acknowledgement (a refusal, or no final answer). */
    Set<Long> failedNumbers(String tenant) {
        return Set.copyOf(failedNumbers.get(tenant));
    }

    /** The sampled payments' first answers, by payment number. */
    Map<Long, String> firstAnswers(String tenant) {
        Map<Long, String> sample = new TreeMap<>();
        acked.get(tenant).forEach((n, body) -> {
            if (!body.isEmpty()) {
                sample.put(n, body);
            }
        });
        return sample;
    }

    /** The pool shares of {@code tenant}'s acknowledged payments, in fen. */
    long poolSharesFen(String tenant) {
        return acked.get(tenant).keySet().stream().mapToLong(n -> new Payment(tenant, n).poolShareFen()).sum();
    }

    long ackedCount() {
        return acked.values().stream().mapToLong(Map::size).sum();
    }

    long sentCount() {
        return sent.get();
    }

    long failedCount() {
        return failed.get();
    }

    List<String> someFailures() {
        return new ArrayList<>(failures);
    }

    /** The {@code q} quantile (0 … 1) of first-send-to-2xx times in milliseconds (0 when none). */
    synchronized double latencyMillis(double q) {
        if (samples == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(latencies, samples);
        Arrays.sort(sorted);
        int index = (int) Math.min(samples - 1, Math.ceil(q * samples) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}

package org.zengzhi.bench.serverdemo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Payments to every tenant at once for a number of seconds: {@code window} callers per tenant, each sending the
 * tenant's next payment and waiting for its final answer (through redirects, 503s and a dead node) before the next.
 * A payment under way when the time is up is still carried to its final answer, so every payment sent ends
 * acknowledged or refused; one that finds no answer in {@code GRACE_SECONDS} more counts as failed.
 */
final class PaymentLoad {
    static final int GRACE_SECONDS = 120;
    private final List<TenantClient> tenants;
    private final int window;
    private final AckBook book;
    private final Map<String, AtomicLong> next = new ConcurrentHashMap<>();
    private volatile long startNanos;
    private volatile long endNanos;

    PaymentLoad(List<TenantClient> tenants, int window, AckBook book) {
        this.tenants = tenants;
        this.window = window;
        this.book = book;
        tenants.forEach(t -> next.put(t.slug(), new AtomicLong()));
    }

    void run(int seconds) throws InterruptedException {
        startNanos = System.nanoTime();
        long stopAt = startNanos + seconds * 1_000_000_000L;
        List<Thread> callers = new ArrayList<>();
        for (TenantClient tenant : tenants) {
            for (int w = 0; w < window; w++) {
                Thread caller = new Thread(() -> pay(tenant, stopAt), "pay-" + tenant.slug() + "-" + w);
                caller.setDaemon(true);
                callers.add(caller);
                caller.start();
            }
        }
        for (Thread caller : callers) {
            caller.join();
        }
        endNanos = System.nanoTime();
    }

    private void pay(TenantClient tenant, long stopAt) {
        while (System.nanoTime() - stopAt < 0) {
            Payment payment = new Payment(tenant.slug(), next.get(tenant.slug()).getAndIncrement());
            long sentAt = System.nanoTime();
            book.sent();
            try {
                NodeHttp.Answer answer = tenant.pay(payment, Math.max(stopAt, sentAt) + GRACE_SECONDS * 1_000_000_000L);
                if (answer.ok()) {
                    book.acked(payment, answer.body(), System.nanoTime() - sentAt);
                } else {
                    book.failed(payment, answer.status() + " " + answer.body());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                book.failed(payment, "interrupted");
                return;
            } catch (Exception e) {
                book.failed(payment, e.toString());
            }
        }
    }

    long startNanos() {
        return startNanos;
    }

    long endNanos() {
        return endNanos;
    }
}

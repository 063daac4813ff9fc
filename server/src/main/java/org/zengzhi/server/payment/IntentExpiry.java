package org.zengzhi.server.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Unpaid payment intents expire (订单超时关闭): an intent still CREATED {@code ttl} after it was created
 * ({@code zengzhi.payments.intent-ttl}, 30 minutes by default) is moved to EXPIRED by one conditional update, in
 * the same transaction that gives its cart back to stock, so the stock a mall or four-party cart holds is never
 * held for ever nor given back twice. A sweep runs every {@code every}. A provider's late callback for an expired
 * intent is refunded at the provider ({@link Payments#callback}); the intent's PayOrder is never journaled then,
 * because its outcome write requires the intent to be CREATED still.
 */
public final class IntentExpiry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IntentExpiry.class);
    /** Intents expired per sweep at most; the next sweep takes the rest. */
    static final int SWEEP_ROWS_MAX = 1_000;

    private final PaymentIntents intents;
    private final Pricing pricing;
    private final TransactionTemplate transaction;
    private final Duration ttl;
    private final Clock clock;
    private final Duration every;
    private boolean started;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "intent-expiry");
        thread.setDaemon(true);
        return thread;
    });

    public IntentExpiry(PaymentIntents intents, Pricing pricing, TransactionTemplate transaction, Duration ttl,
            Duration every, Clock clock) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalStateException("zengzhi.payments.intent-ttl must be positive, not " + ttl);
        }
        this.intents = intents;
        this.pricing = pricing;
        this.transaction = transaction;
        this.ttl = ttl;
        this.clock = clock;
        this.every = every;
    }

    /** Starts sweeping every {@code every} (once the tenant is served here); a second call does nothing. */
    public synchronized void start() {
        if (!started) {
            started = true;
            long millis = every.toMillis();
            worker.scheduleWithFixedDelay(this::sweepNow, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    private void sweepNow() {
        try {
            sweep(clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("the sweep of unpaid payment intents failed; the next one tries again", e);
        }
    }

    /** Expires every intent created before {@code now − ttl} and still unpaid; returns how many it expired. */
    public int sweep(Instant now) {
        Instant cutoff = now.minus(ttl);
        int expired = 0;
        for (String payment : intents.createdBefore(cutoff, SWEEP_ROWS_MAX)) {
            if (expire(payment, cutoff)) {
                expired++;
            }
        }
        if (expired > 0) {
            LOG.info("{} unpaid payment intents expired; their carts are back in stock", expired);
        }
        return expired;
    }

    /** One intent: CREATED → EXPIRED and its cart back to stock, both or neither. */
    private boolean expire(String payment, Instant cutoff) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            if (!intents.expire(payment, cutoff)) {
                return false; // paid, refused or expired meanwhile
            }
            List<Pricing.Item> items = intents.items(payment);
            if (!items.isEmpty()) {
                pricing.giveBack(items);
            }
            return true;
        }));
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}

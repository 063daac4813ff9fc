package org.zengzhi.server.payment;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zengzhi.engine.CommandType;
import org.zengzhi.engine.Event;
import org.zengzhi.engine.withdrawal.WithdrawalState;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.journal.AppliedCommand;

/**
 * What the provider must do once the engine's decisions are durable: pay out approved withdrawals and give
 * back the money of refunded orders and of payments the engine refused. It follows the gateway's commits
 * (events only, on its own thread, so the writer never waits for a provider) and, because a crash right
 * after a commit would lose that hand-off, it also sweeps the database for anything owed on start and every
 * {@code retryInterval}: payouts and refunds are each recorded once and are idempotent at the provider, so a
 * sweep never sends anything twice.
 */
public final class ProviderOutbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderOutbox.class);

    private final Payouts payouts;
    private final Payments payments;
    private final Duration retryInterval;
    private boolean started;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "provider-outbox");
        thread.setDaemon(true);
        return thread;
    });

    public ProviderOutbox(EngineGateway gateway, Payouts payouts, Payments payments, Duration retryInterval) {
        this.payouts = payouts;
        this.payments = payments;
        this.retryInterval = retryInterval;
        gateway.onCommitted(this::committed);
    }

    /** Sweeps now and every {@code retryInterval} (once the tenant is served here); a second call does nothing. */
    public synchronized void start() {
        if (!started) {
            started = true;
            worker.scheduleWithFixedDelay(this::sweep, 0, retryInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void committed(List<AppliedCommand> batch) {
        for (AppliedCommand applied : batch) {
            for (Event event : applied.events()) {
                follow(applied, event);
            }
        }
    }

    private void follow(AppliedCommand applied, Event event) {
        switch (event.type()) {
            case WITHDRAWAL_REQUESTED -> {
                Event.WithdrawalRequested requested = (Event.WithdrawalRequested) event;
                if (requested.state() == WithdrawalState.APPROVED) {
                    later(() -> payouts.send(requested.withdrawal(), requested.user(), requested.payoutFen()));
                }
            }
            case WITHDRAWAL_REVIEWED -> {
                Event.WithdrawalReviewed reviewed = (Event.WithdrawalReviewed) event;
                if (reviewed.state() == WithdrawalState.APPROVED) {
                    later(() -> payouts.send(reviewed.withdrawal(), reviewed.user(), reviewed.payoutFen()));
                }
            }
            case ORDER_REFUNDED -> {
                // Goods refunded before settlement were never delivered for good: their stock comes back.
                Event.OrderRefunded refunded = (Event.OrderRefunded) event;
                later(() -> payments.refundIfOwed(refunded.order(), !refunded.afterSettlement()));
            }
            case PARTY_ORDER_REFUNDED -> {
                // A four-party order is refunded only before settlement: its stock comes back.
                Event.PartyOrderRefunded refunded = (Event.PartyOrderRefunded) event;
                later(() -> payments.refundIfOwed(refunded.order(), true));
            }
            case COMMAND_REJECTED -> {
                // A payment's PayOrder (or PayPartyOrder) has the order id as its command id; any other rejected
                // order owes nothing.
                CommandType type = applied.command().type();
                if (type == CommandType.PAY_ORDER || type == CommandType.PAY_PARTY_ORDER) {
                    later(() -> payments.refundIfOwed(applied.command().id(), true));
                }
            }
            default -> {
            }
        }
    }

    private void later(Runnable task) {
        worker.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("the provider did not take it yet; retried within the next sweep: {}", e.getMessage());
            }
        });
    }

    /** Sends whatever is owed and was not sent; runs on start and then every retry interval. */
    private void sweep() {
        try {
            int sent = payouts.sendOwed();
            int refunded = payments.refundAllOwed();
            if (sent + refunded > 0) {
                LOG.info("provider outbox caught up: {} payouts sent, {} payments refunded", sent, refunded);
            }
        } catch (RuntimeException e) {
            LOG.warn("provider outbox sweep failed; next in one interval: {}", e.getMessage());
        }
    }

    /** Runs everything handed off so far, then returns (tests, and a clean shutdown). */
    public void drain() {
        try {
            worker.submit(() -> { }).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the provider outbox did not drain", e);
        }
    }

    @Override
    public void close() {
        worker.shutdown();
    }
}

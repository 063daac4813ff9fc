package org.zengzhi.server.gateway;

import org.springframework.context.SmartLifecycle;

/**
 * Work a tenant's context does only while this node serves the tenant: the engine's recovery (on a Kafka log, the
 * take-over that fences the log's previous writer), then the workers that submit commands or act on committed ones
 * (the ticker, the sweep of unpaid intents, the provider outbox). A context starts them as its refresh ends; a
 * standby's context (docs/cluster.md, "Warm standby") is refreshed with them stopped and starts them when its node
 * is given the tenant ({@code context.start()}). Closing the context stops them through their beans' own close.
 */
public final class Serving implements SmartLifecycle {
    /** The engine starts first. */
    public static final int ENGINE = 0;
    /** Then the workers that use it. */
    public static final int WORKERS = 1;

    private final int phase;
    private final boolean standby;
    private final Runnable start;
    private volatile boolean running;

    /** {@code start} runs once, in {@code phase}: as the context's refresh ends, or later for a standby. */
    public Serving(int phase, boolean standby, Runnable start) {
        this.phase = phase;
        this.standby = standby;
        this.start = start;
    }

    @Override
    public synchronized void start() {
        if (!running) {
            start.run();
            running = true;
        }
    }

    @Override
    public void stop() {
        // The beans stop when the context closes them (their destroy methods), after this.
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isAutoStartup() {
        return !standby;
    }

    @Override
    public int getPhase() {
        return phase;
    }
}

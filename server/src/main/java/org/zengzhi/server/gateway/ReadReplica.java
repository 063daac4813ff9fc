package org.zengzhi.server.gateway;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zengzhi.engine.Command;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.EngineOutput;

/**
 * A second engine that serves the gateway's queries on its own thread, so reads never queue behind writes
 * (ARCHITECTURE, persistence). The engine is deterministic: fed the writer's committed commands in the same
 * order, it reaches the same state. Batches and queries share one first-in, first-out queue, and the writer
 * hands each batch over after its commit and before it answers the batch's callers; so a query sees every
 * command acknowledged before it was asked (read-your-writes) and never a command that is not durable.
 *
 * <p>One thread owns the replica's engine: a slow query (the invariant check, a state hash) delays the
 * queries and batches behind it, never the writer — until {@link #BACKLOG_COMMANDS_MAX} commands wait to be
 * applied; then the writer waits for room, so memory stays bounded. The replica doubles the engine's memory.
 */
final class ReadReplica implements AutoCloseable {
    /**
     * Commands handed over but not yet applied. When they reach this bound the writer waits (in {@link #apply}):
     * at ~150 bytes a command it is ~40 MB, and seconds of full load behind a query that holds the replica.
     */
    static final int BACKLOG_COMMANDS_MAX = 262_144;
    /** Queries waiting for the replica; one more is refused as busy (HTTP 503), as the writer's queue does. */
    static final int QUERIES_QUEUED_MAX = 4_096;
    private static final Logger LOG = LoggerFactory.getLogger(ReadReplica.class);
    private static final long IDLE_POLL_MILLIS = 50;

    private final LinkedBlockingQueue<Work> work = new LinkedBlockingQueue<>();
    private final Semaphore backlog = new Semaphore(BACKLOG_COMMANDS_MAX);
    private final Semaphore queries = new Semaphore(QUERIES_QUEUED_MAX);
    /** Told (on the replica thread) when applying a batch failed: the writer rebuilds both engines. */
    private final Runnable failed;
    private final Thread thread;
    /** Null until the first reset, and after a batch failed until the writer's next reset. */
    private Engine engine;
    private volatile boolean open = true;

    ReadReplica(Runnable failed) {
        this.failed = failed;
        this.thread = new Thread(this::run, "engine-reader");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Replaces the replica's engine with {@code copy} of the writer's (at start and after every rebuild). */
    void reset(Engine copy) {
        work.add(new Reset(copy));
    }

    /** Hands over a committed batch (writer thread); waits while {@link #BACKLOG_COMMANDS_MAX} commands wait. */
    void apply(List<Command> commands) {
        if (commands.isEmpty() || !open) {
            // A replica that stopped (closed, or an error on its thread) would never take the batch off the queue.
            return;
        }
        backlog.acquireUninterruptibly(commands.size());
        work.add(new Batch(List.copyOf(commands)));
    }

    /** Runs {@code query} on the replica once it holds every batch handed over before this call. */
    <T> CompletableFuture<T> query(Function<Engine, T> query) {
        CompletableFuture<T> future = new CompletableFuture<>();
        if (!open) {
            future.completeExceptionally(new EngineGateway.GatewayBusyException("the gateway is shut down"));
        } else if (!queries.tryAcquire()) {
            future.completeExceptionally(new EngineGateway.GatewayBusyException("too many queries are waiting"));
        } else {
            work.add(new Query<>(query, future));
        }
        return future;
    }

    private void run() {
        try {
            while (open || !work.isEmpty()) {
                Work next = work.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (next != null) {
                    handle(next);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Error e) {
            // Out of memory and the like: refuse every query from now on, and let the writer never wait for room.
            LOG.error("the read replica hit an error it cannot recover from; queries are refused", e);
            open = false;
            backlog.release(BACKLOG_COMMANDS_MAX);
            work.forEach(this::refuse);
            throw e;
        }
    }

    private void handle(Work next) {
        if (next instanceof Reset reset) {
            engine = reset.copy;
        } else if (next instanceof Batch batch) {
            applyNow(batch.commands);
        } else {
            answer((Query<?>) next);
        }
    }

    private void applyNow(List<Command> commands) {
        try {
            if (engine != null) {
                // The batch entry point: the same state as one command after another, with fewer cache misses.
                engine.execute(commands, new EngineOutput());
            }
        } catch (RuntimeException e) {
            // The replica no longer holds what the writer holds: serve nothing from it until the writer's reset.
            LOG.error("the read replica failed a batch; the gateway rebuilds it from the database", e);
            engine = null;
            failed.run();
        } finally {
            backlog.release(commands.size());
        }
    }

    private <T> void answer(Query<T> query) {
        queries.release();
        if (engine == null) {
            query.future.completeExceptionally(new EngineGateway.GatewayBusyException("the read replica is being rebuilt"));
            return;
        }
        try {
            query.future.complete(query.function.apply(engine));
        } catch (RuntimeException e) {
            query.future.completeExceptionally(e);
        }
    }

    private void refuse(Work left) {
        if (left instanceof Query<?> query) {
            query.future.completeExceptionally(new EngineGateway.GatewayBusyException("the read replica stopped"));
        }
    }

    /** Answers the queries already queued, then stops the thread. */
    @Override
    public void close() throws InterruptedException {
        open = false;
        thread.join(TimeUnit.SECONDS.toMillis(30));
        // A query that passed the open check as the thread stopped would wait for ever: refuse it.
        work.forEach(this::refuse);
    }

    /** What the replica thread takes from its queue, in the order handed over. */
    private sealed interface Work permits Reset, Batch, Query {
    }

    private record Reset(Engine copy) implements Work {
    }

    private record Batch(List<Command> commands) implements Work {
    }

    private record Query<T>(Function<Engine, T> function, CompletableFuture<T> future) implements Work {
    }
}

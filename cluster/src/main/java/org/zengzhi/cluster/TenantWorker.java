package org.zengzhi.cluster;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zengzhi.engine.Command;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.EngineOutput;
import org.zengzhi.log.LogLines;

/**
 * One tenant on one node: its engine and the one thread that applies the tenant's records in offset order. A
 * record at or below the last applied offset is skipped (Kafka re-delivers after a seek or a take-over), so each
 * offset changes the engine once. Every {@code snapshotEvery} offsets the engine's bytes are taken on this thread
 * and stored in the background.
 * <p>The snapshot is checked and decoded on the tenant's own thread, not the node's poller, so a node taking over
 * many tenants restores them in parallel (failover, issue 21 deliver 4). A seal record ({@link TenantSeal}: the tenant
 * moved to another cluster, deliver 5) is the last record applied here: records after it are refused, not applied.
 */
final class TenantWorker {
    private static final Logger LOG = LoggerFactory.getLogger(TenantWorker.class);
    private final String tenant;
    /** Set on the tenant's thread by {@link #restore}, used only there. */
    private Engine engine;
    private LogLines lines;
    private final OutputSink outputs;
    private final SnapshotStore snapshots;
    private final long snapshotEvery;
    private final long restoredFrom;
    /** Offsets up to this one are already in the outputs (written by an earlier owner): not written again. */
    private long writtenBefore = -1;
    private final List<OutputSink.Applied> batch = new ArrayList<>();
    /** Offset the tenant must reach (its partition's end when assigned) before it answers queries. */
    private final long servingFrom;
    private final ExecutorService thread;
    private final EngineOutput out = new EngineOutput();
    private final AtomicLong snapshotsStored = new AtomicLong();
    private long lastSnapshot;
    /** The engine's position (this thread only); {@link #applied} follows it once the outputs are written. */
    private long at;
    private volatile long applied;
    private volatile boolean dead;
    /** The seal record's offset once one is applied (-1: not sealed); records after it are refused. */
    private volatile long sealedAt = -1;
    private long refusedAfterSeal;
    private final Takeover.Clock times;

    TenantWorker(String tenant, TenantSnapshot snapshot, Supplier<Engine> fresh, long servingFrom, OutputSink outputs,
            SnapshotStore snapshots, long snapshotEvery, String node, long assignedAtMs) {
        this.tenant = tenant;
        this.restoredFrom = snapshot == null ? -1 : snapshot.offset();
        this.applied = restoredFrom;
        this.at = restoredFrom;
        this.lastSnapshot = restoredFrom;
        this.servingFrom = servingFrom;
        this.outputs = outputs;
        this.snapshots = snapshots;
        this.snapshotEvery = snapshotEvery;
        this.times = new Takeover.Clock(tenant, assignedAtMs, restoredFrom, servingFrom);
        this.thread = Executors.newSingleThreadExecutor(task -> new Thread(task, "tenant-" + tenant + "@" + node));
        thread.execute(() -> restore(snapshot, fresh));
    }

    /** The tenant's first task on its thread: check and decode the snapshot (or start fresh), ask what is written. */
    private void restore(TenantSnapshot snapshot, Supplier<Engine> fresh) {
        try {
            engine = snapshot == null ? fresh.get() : snapshot.restore();
            lines = new LogLines(engine::clock);
            writtenBefore = lastWritten(outputs, tenant);
            times.restored();
            if (at >= servingFrom) {
                servesAgain();
            }
        } catch (RuntimeException e) {
            LOG.error("{}: snapshot at offset {} cannot be restored; the tenant stops on this node", tenant,
                    restoredFrom, e);
            dead = true;
        }
    }

    private void servesAgain() {
        times.serving();
        LOG.info("{} serves again at offset {} (caught up from {})", tenant, at, restoredFrom);
    }

    /** Offsets already written by an earlier owner; -1 (offer them all again, refused by key) if unknown now. */
    private static long lastWritten(OutputSink outputs, String tenant) {
        try {
            return outputs.lastWritten(tenant);
        } catch (RuntimeException e) {
            LOG.warn("{}: outputs written before not known ({}); writes from the snapshot on, refused where present",
                    tenant, e.getMessage());
            return -1;
        }
    }

    void submit(List<ConsumerRecord<String, byte[]>> records) {
        thread.execute(() -> {
            try {
                records.forEach(this::apply);
                flush();
            } catch (RuntimeException e) {
                // A record this node cannot apply: skipping it would serve a state no replay gives; stop the tenant.
                LOG.error("{} stops at offset {}: a record after it cannot be applied or its outputs not written", tenant,
                    applied, e);
                dead = true;
            }
        });
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (dead || record.offset() <= at) {
            return;
        }
        if (sealedAt >= 0) {
            refusedAfterSeal++;
            LOG.warn("{}: record at offset {} refused, the tenant was sealed at offset {} ({} refused)", tenant,
                    record.offset(), sealedAt, refusedAfterSeal);
            at = record.offset();
            return;
        }
        if (TenantSeal.isSeal(record)) {
            sealedAt = record.offset();
            at = record.offset();
            LOG.info("{} sealed at offset {}: moved to {}; nothing after it is applied here", tenant, sealedAt,
                    TenantSeal.target(record));
            return;
        }
        String line = new String(record.value(), StandardCharsets.UTF_8);
        Command command = lines.parse(record.offset(), line);
        out.clear();
        engine.execute(command, out);
        if (record.offset() > writtenBefore) {
            batch.add(new OutputSink.Applied(record.offset(), command.id(), out.events()));
        }
        at = record.offset();
    }

    /**
     * Writes the batch's outputs in one go, then snapshots if due: a snapshot is taken only once the outputs of every
     * offset it covers are written, so a node restoring it never leaves an output unwritten.
     */
    private void flush() {
        if (dead) {
            return;
        }
        if (!batch.isEmpty() && !writeWithRetry()) {
            return;
        }
        if (applied < servingFrom && at >= servingFrom) {
            servesAgain();
        }
        applied = at;
        if (applied - lastSnapshot >= snapshotEvery && sealedAt < 0) {
            snapshot();
        }
    }

    /**
     * Writes the batch, waiting and trying again while the outputs' store is unreachable (the tenant pauses on this
     * node; nothing is reported applied meanwhile). False if the tenant was killed while waiting.
     */
    private boolean writeWithRetry() {
        long pauseMs = 100;
        while (!dead) {
            try {
                outputs.writeBatch(tenant, batch);
                batch.clear();
                return true;
            } catch (RuntimeException e) {
                LOG.warn("{}: outputs up to offset {} not written, trying again in {} ms: {}", tenant, at, pauseMs,
                        e.getMessage());
            }
            try {
                Thread.sleep(pauseMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            pauseMs = Math.min(5_000, pauseMs * 2);
        }
        return false;
    }

    private void snapshot() {
        lastSnapshot = applied;
        TenantSnapshot snapshot = TenantSnapshot.of(tenant, applied, engine);
        snapshots.save(snapshot).whenComplete((stored, e) -> {
            if (e != null) {
                LOG.warn("snapshot of {} at offset {} not stored; a take-over replays from an older one", tenant,
                        snapshot.offset(), e);
            } else {
                snapshotsStored.incrementAndGet();
            }
        });
    }

    /** Runs {@code query} on the tenant's thread, after the records handed over before it; refused while catching up. */
    <T> CompletableFuture<T> query(Function<Engine, T> query) {
        if (dead) {
            return CompletableFuture.failedFuture(new IllegalStateException(tenant + " is stopped on this node"));
        }
        if (applied < servingFrom) {
            return CompletableFuture.failedFuture(new CatchingUpException(tenant, applied, servingFrom));
        }
        return CompletableFuture.supplyAsync(() -> query.apply(engine), thread);
    }

    long applied() {
        return applied;
    }

    long restoredFrom() {
        return restoredFrom;
    }

    /** The seal's offset if the tenant was sealed here (moved to another cluster), else -1. */
    long sealedAt() {
        return sealedAt;
    }

    /** When this node was handed the tenant, had restored it and served it again (epoch milliseconds). */
    Takeover takeover() {
        return times.now();
    }

    long snapshotsStored() {
        return snapshotsStored.get();
    }

    /** Hand-off: applies what was handed over, then stops. */
    void stop() throws InterruptedException {
        thread.shutdown();
        thread.awaitTermination(30, TimeUnit.SECONDS);
    }

    /** Death: applies nothing more. */
    void kill() {
        dead = true;
        thread.shutdownNow();
    }

    /** The tenant is still replaying its partition's tail on this node; ask again shortly (HTTP 503). */
    static final class CatchingUpException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CatchingUpException(String tenant, long applied, long target) {
            super(tenant + " is catching up: applied offset " + applied + " of " + target);
        }
    }
}

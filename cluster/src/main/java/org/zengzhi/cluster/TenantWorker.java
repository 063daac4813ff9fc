package org.zengzhi.cluster;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

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
 */
final class TenantWorker {
    private static final Logger LOG = LoggerFactory.getLogger(TenantWorker.class);
    private final String tenant;
    private final Engine engine;
    private final LogLines lines;
    private final OutputSink outputs;
    private final SnapshotStore snapshots;
    private final long snapshotEvery;
    private final long restoredFrom;
    /** Offset the tenant must reach (its partition's end when assigned) before it answers queries. */
    private final long servingFrom;
    private final ExecutorService thread;
    private final EngineOutput out = new EngineOutput();
    private final AtomicLong snapshotsStored = new AtomicLong();
    private long lastSnapshot;
    private volatile long applied;
    private volatile boolean dead;

    TenantWorker(String tenant, TenantSnapshot snapshot, Engine fresh, long servingFrom, OutputSink outputs,
            SnapshotStore snapshots, long snapshotEvery, String node) {
        this.tenant = tenant;
        this.engine = snapshot == null ? fresh : snapshot.restore();
        this.restoredFrom = snapshot == null ? -1 : snapshot.offset();
        this.applied = restoredFrom;
        this.lastSnapshot = restoredFrom;
        this.servingFrom = servingFrom;
        this.lines = new LogLines(engine::clock);
        this.outputs = outputs;
        this.snapshots = snapshots;
        this.snapshotEvery = snapshotEvery;
        this.thread = Executors.newSingleThreadExecutor(task -> new Thread(task, "tenant-" + tenant + "@" + node));
    }

    void submit(List<ConsumerRecord<String, byte[]>> records) {
        thread.execute(() -> {
            try {
                records.forEach(this::apply);
            } catch (RuntimeException e) {
                // A record this node cannot apply: skipping it would serve a state no replay gives; stop the tenant.
                LOG.error("{} stops at offset {}: a record after it cannot be applied", tenant, applied, e);
                dead = true;
            }
        });
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (dead || record.offset() <= applied) {
            return;
        }
        String line = new String(record.value(), StandardCharsets.UTF_8);
        Command command = lines.parse(record.offset(), line);
        out.clear();
        engine.execute(command, out);
        outputs.write(tenant, record.offset(), command.id(), List.copyOf(out.events()));
        applied = record.offset();
        if (applied - lastSnapshot >= snapshotEvery) {
            snapshot();
        }
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

package org.zengzhi.server.gateway;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zengzhi.engine.Command;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.EngineOutput;
import org.zengzhi.engine.Event;
import org.zengzhi.engine.codec.SnapshotCodec;
import org.zengzhi.log.LogLines;
import org.zengzhi.server.journal.AppliedCommand;
import org.zengzhi.server.journal.IdempotencyRecord;
import org.zengzhi.server.journal.CommandLog;
import org.zengzhi.server.journal.LogFencedException;
import org.zengzhi.server.journal.Snapshot;

/**
 * The one writer of a tenant's engine (ARCHITECTURE, persistence): requests queue up on a bounded queue;
 * the writer thread drains a batch, applies it to the engine, writes the whole batch in one database
 * transaction, and only then answers the callers (group commit). Queries run on a {@link ReadReplica}, a
 * second engine fed the committed batches on its own thread, so a page or an invariant check never holds a
 * payment up. If a commit fails, every caller of the batch gets an error and both engines are rebuilt from
 * the database, so memory never runs ahead of what is durable. If the log refuses a batch because another node has
 * taken the tenant's log over ({@link LogFencedException}, the Kafka journal), it stops instead: rebuilding would
 * make two writers of one tenant.
 */
public final class EngineGateway implements AutoCloseable {
    public static final int QUEUE_CAPACITY_MAX = 65_536;
    public static final int BATCH_SIZE_MAX = 4_096;
    /** Commands in one multi-command request of the HTTP API (the batch import); see {@link #submitAll}. */
    public static final int REQUEST_COMMANDS_MAX = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(EngineGateway.class);
    private static final long IDLE_POLL_MILLIS = 50;
    private static final long SLOW_BATCH_NANOS = 1_000_000_000L;

    private final BlockingQueue<Work> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY_MAX);
    private final CommandLog journal;
    private final Supplier<Recovery.Recovered> recovery;
    private final Clock clock;
    private final long snapshotInterval;
    private final Thread writer;
    /** The newest snapshot stored by this process; read and written on the snapshot thread only. */
    private long lastStoredSnapshotSeq = -1;
    /** The snapshot being stored, if any (writer thread): a due snapshot waits until it is done. */
    private CompletableFuture<Long> pendingSnapshot = CompletableFuture.completedFuture(0L);
    /** Stores snapshots taken by the writer, one at a time, in the order taken. */
    private final ExecutorService snapshotWriter = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "engine-snapshots");
        thread.setDaemon(true);
        return thread;
    });
    /**
     * Every idempotency key ever committed, with the hash of its request only: the stored response of a key is
     * read from the database on the rare retry, so memory holds about a hundred bytes a key, not the response.
     */
    private final Map<String, String> keys = new HashMap<>();
    /** Called on the writer thread after each commit, with the batch's commands; see {@link #onCommitted}. */
    private final List<Consumer<List<AppliedCommand>>> committedListeners = new CopyOnWriteArrayList<>();
    /** Set by the replica thread when the replica failed a batch; the writer then rebuilds both engines. */
    private volatile boolean replicaFailed;
    private final ReadReplica replica = new ReadReplica(() -> replicaFailed = true);
    private Engine engine;
    private long lastSeq;
    private long lastSnapshotSeq;
    /** The orders the engine held when the last snapshot was taken (or at start): see {@link #snapshotIfDue}. */
    private long lastSnapshotOrders;
    private volatile boolean running = true;
    /** Set once the engine has recovered and the writer runs; a standby's gateway waits for {@link #start}. */
    private volatile boolean started;

    /** A gateway that recovers its engine now and serves at once. */
    public EngineGateway(CommandLog journal, Supplier<Recovery.Recovered> recovery, Clock clock, long snapshotInterval) {
        this(journal, recovery, clock, snapshotInterval, true);
    }

    private EngineGateway(CommandLog journal, Supplier<Recovery.Recovered> recovery, Clock clock, long snapshotInterval,
            boolean startNow) {
        this.journal = journal;
        this.recovery = recovery;
        this.clock = clock;
        this.snapshotInterval = snapshotInterval;
        this.writer = new Thread(this::run, "engine-gateway");
        if (startNow) {
            start();
        }
    }

    /**
     * A standby's gateway (docs/cluster.md, "Warm standby"): it neither recovers nor takes work until {@link #start};
     * until then every request and query is refused as busy (503). For a Kafka log, recovering is taking the log over,
     * which fences its writer, so a standby must not recover before its node is given the tenant.
     */
    public static EngineGateway standby(CommandLog journal, Supplier<Recovery.Recovered> recovery, Clock clock,
            long snapshotInterval) {
        return new EngineGateway(journal, recovery, clock, snapshotInterval, false);
    }

    /**
     * Recovers the engine (snapshot and journal tail; on Kafka, the take-over first) and starts serving; does nothing
     * if it serves already. If the recovery fails the gateway stays closed and the exception is thrown.
     */
    public synchronized void start() {
        if (started) {
            return;
        }
        if (!running) {
            throw new IllegalStateException("the gateway is shut down");
        }
        try {
            load();
        } catch (RuntimeException e) {
            running = false;
            closeReplica();
            throw e;
        }
        started = true;
        writer.start();
    }

    /** Whether the engine has recovered and the gateway takes work. */
    public boolean started() {
        return started;
    }

    private void load() {
        Recovery.Recovered recovered = recovery.get();
        engine = recovered.engine();
        lastSeq = recovered.lastSeq();
        lastSnapshotSeq = lastSeq - recovered.replayed();
        lastSnapshotOrders = engine.orderCount();
        keys.clear();
        keys.putAll(journal.idempotencyHashes());
        replicaFailed = false;
        byte[] state = snapshotBytes();
        replica.reset(copy(state));
        LOG.info("engine recovered at journal row {} ({} rows replayed after the snapshot), state hash {}", lastSeq,
                recovered.replayed(), SnapshotCodec.sha256(state));
    }

    /**
     * The replica starts from the writer's engine as the snapshot codec writes it: the same state as recovering
     * a second time from the same snapshot and journal tail, without reading and replaying the journal twice.
     */
    private static Engine copy(byte[] state) {
        try {
            return SnapshotCodec.read(new ByteArrayInputStream(state));
        } catch (IOException e) {
            throw new UncheckedIOException("the engine's own snapshot cannot be read back", e);
        }
    }

    /** Queues a state-changing request; the future completes once its batch is durable. */
    public CompletableFuture<Response> submit(CommandRequest request) {
        CompletableFuture<Response> future = new CompletableFuture<>();
        offer(new Work(request, null, null, future));
        return future;
    }

    /**
     * Queues several commands as one request with one idempotency key ({@code key}, {@code requestHash}):
     * they are applied in order, back to back, and committed in the same transaction; {@code combine}
     * turns their responses (in order) into the response that is answered and kept for retries. Each
     * command meets its own fate (a rejected one is journaled as rejected and changes nothing). Such a
     * request is never split over batches, so it holds 1 to {@link #BATCH_SIZE_MAX} commands.
     */
    public CompletableFuture<Response> submitAll(List<CommandRequest> commands, String key, String requestHash,
            Function<List<Response>, Response> combine) {
        if (commands.isEmpty() || commands.size() > BATCH_SIZE_MAX) {
            throw new IllegalArgumentException("a request holds 1 to " + BATCH_SIZE_MAX + " commands");
        }
        CompletableFuture<Response> future = new CompletableFuture<>();
        offer(new Work(new CommandRequest(null, null, key, requestHash), null, new Multi(commands, combine), future));
        return future;
    }

    /**
     * Tells {@code listener} of every batch once it is durable (an outbox: payouts and refunds at the provider
     * follow committed events). It runs on the writer thread, so it must only hand work off, never wait; what
     * it throws is logged and ignored. Nothing is told twice, but a crash right after a commit tells nothing:
     * a listener catches up from the database on start.
     */
    public void onCommitted(Consumer<List<AppliedCommand>> listener) {
        committedListeners.add(listener);
    }

    /**
     * Runs {@code query} on the read replica, off the writer thread: it sees every command acknowledged before
     * this call (read-your-writes) and only durable commands. It must only read the engine it is given.
     */
    public <T> CompletableFuture<T> query(Function<Engine, T> query) {
        if (!running || !started) {
            return CompletableFuture.failedFuture(new GatewayBusyException(running ? "the gateway has not started"
                    : "the gateway is shut down"));
        }
        return replica.query(query);
    }

    /**
     * Runs {@code query} on the writer thread, with the writer's own engine, after the batches queued before it:
     * for what must see the very state the next command meets (a snapshot; a test comparing the two engines).
     * It queues behind payments and holds them up while it runs, so pages and reports use {@link #query}.
     */
    public <T> CompletableFuture<T> queryOnWriter(Function<Engine, T> query) {
        CompletableFuture<Object> future = new CompletableFuture<>();
        offer(new Work(null, engine -> query.apply(engine), null, future));
        @SuppressWarnings("unchecked")
        CompletableFuture<T> typed = (CompletableFuture<T>) (CompletableFuture<?>) future;
        return typed;
    }

    private void offer(Work work) {
        if (!running) {
            work.future.completeExceptionally(new GatewayBusyException("the gateway is shut down"));
        } else if (!started) {
            work.future.completeExceptionally(new GatewayBusyException("the gateway has not started"));
        } else if (!queue.offer(work)) {
            work.future.completeExceptionally(new GatewayBusyException("the command queue is full"));
        }
    }

    private void run() {
        List<Work> batch = new ArrayList<>(BATCH_SIZE_MAX);
        while (running || !queue.isEmpty()) {
            try {
                if (replicaFailed) {
                    reloadOrStop();
                }
                Work first = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                drainUpTo(batch, first.commands());
                process(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The engine may hold commands the database does not: answer everyone, then rebuild.
                LOG.error("the gateway failed a batch; rebuilding the engine from the database", e);
                batch.forEach(work -> work.future.completeExceptionally(e));
                reloadOrStop();
            } catch (Error e) {
                // Out of memory and the like: nothing here can be trusted any more, so stop taking work and
                // answer every caller (503) rather than leave them waiting on a dead thread.
                LOG.error("the gateway hit an error it cannot recover from; it stops taking work", e);
                batch.forEach(work -> work.future.completeExceptionally(new GatewayBusyException("the gateway stopped")));
                stop();
                throw e;
            } finally {
                batch.clear();
            }
        }
    }

    /** Adds queued work to the batch while its commands stay within {@link #BATCH_SIZE_MAX}. */
    private void drainUpTo(List<Work> batch, int commands) {
        int total = commands;
        Work next = queue.peek();
        while (next != null && total + next.commands() <= BATCH_SIZE_MAX) {
            batch.add(queue.poll());
            total += next.commands();
            next = queue.peek();
        }
    }

    private void process(List<Work> batch) {
        long started = System.nanoTime();
        List<AppliedCommand> applied = new ArrayList<>();
        List<Response> responses = new ArrayList<>();
        Map<String, IdempotencyRecord> batchKeys = new HashMap<>();
        EngineOutput out = new EngineOutput();
        for (Work work : batch) {
            responses.add(work.request == null ? null
                    : work.multi == null ? apply(work.request, applied, batchKeys, out)
                    : applyAll(work.request, work.multi, applied, batchKeys, out));
        }
        long appliedAt = System.nanoTime();
        try {
            if (!applied.isEmpty()) {
                journal.append(applied);
            }
        } catch (LogFencedException e) {
            // Another node owns the tenant's log now: rebuilding would make two writers of one tenant.
            LOG.error("this node no longer owns the tenant's command log; the gateway stops", e);
            batch.forEach(work -> work.future.completeExceptionally(new GatewayBusyException("another node owns the "
                    + "tenant now")));
            stop();
            return;
        } catch (RuntimeException e) {
            LOG.error("commit of {} commands failed; rebuilding the engine from the database", applied.size(), e);
            batch.forEach(work -> work.future.completeExceptionally(e));
            reloadOrStop();
            return;
        }
        batchKeys.forEach((key, record) -> keys.put(key, record.requestHash()));
        if (!applied.isEmpty()) {
            lastSeq = applied.get(applied.size() - 1).seq();
        }
        long committedAt = System.nanoTime();
        // Before the callers are answered, so that a query a caller asks after its answer sees its command. While
        // the replica is far behind (a query holds it), this waits for room: see ReadReplica.BACKLOG_COMMANDS_MAX.
        replica.apply(applied.stream().map(AppliedCommand::command).toList());
        tellCommitted(applied);
        answer(batch, responses);
        snapshotIfDue();
        warnIfSlow(applied.size(), started, appliedAt, committedAt, System.nanoTime());
    }

    /** Tells the operator when one batch held every caller up for longer than {@link #SLOW_BATCH_NANOS}. */
    private static void warnIfSlow(int commands, long started, long applied, long committed, long done) {
        if (done - started < SLOW_BATCH_NANOS) {
            return;
        }
        LOG.warn("a batch of {} commands took {} ms: applying {} ms, committing {} ms, answering and snapshot {} ms",
                commands, (done - started) / 1_000_000, (applied - started) / 1_000_000, (committed - applied) / 1_000_000,
                (done - committed) / 1_000_000);
    }

    private void tellCommitted(List<AppliedCommand> applied) {
        if (applied.isEmpty()) {
            return;
        }
        List<AppliedCommand> committed = List.copyOf(applied);
        for (Consumer<List<AppliedCommand>> listener : committedListeners) {
            try {
                listener.accept(committed);
            } catch (RuntimeException e) {
                LOG.error("a commit listener failed; it catches up on its own", e);
            }
        }
    }

    /**
     * Whether a request under {@code key} has been committed, so a new submission of it is answered from its record
     * (read from the database; safe from any thread).
     */
    public boolean answered(String key) {
        return journal.idempotencyRecord(key) != null;
    }

    /** The first answer under {@code key}: from this batch, or read back from the database; null if new. */
    private IdempotencyRecord known(String key, Map<String, IdempotencyRecord> batchKeys) {
        IdempotencyRecord inBatch = batchKeys.get(key);
        if (inBatch != null || !keys.containsKey(key)) {
            return inBatch;
        }
        return journal.idempotencyRecord(key);
    }

    /** Applies one request, or answers it from its idempotency record; returns the response. */
    private Response apply(CommandRequest request, List<AppliedCommand> applied, Map<String, IdempotencyRecord> batchKeys,
            EngineOutput out) {
        String key = request.idempotencyKey();
        IdempotencyRecord known = key == null ? null : known(key, batchKeys);
        if (known != null) {
            return known.requestHash().equals(request.requestHash()) ? new Response(known.status(), known.response())
                    : Problems.conflict("Idempotency-Key", "this key was used with a different request body");
        }
        Instant now = clock.instant();
        Command command = request.command().apply(now.isAfter(engine.clock()) ? now : engine.clock());
        out.clear();
        engine.execute(command, out);
        List<Event> events = List.copyOf(out.events());
        Response response = request.render().apply(events);
        long seq = lastSeq + applied.size() + 1;
        IdempotencyRecord record = key == null ? null
                : new IdempotencyRecord(key, request.requestHash(), seq, response.status(), response.body());
        if (record != null) {
            batchKeys.put(key, record);
        }
        applied.add(new AppliedCommand(seq, command, LogLines.write(command), events, out.postings(), record,
                request.readModel().apply(command, events)));
        return response;
    }

    /** Applies a multi-command request under its one key, or answers it from its idempotency record. */
    private Response applyAll(CommandRequest request, Multi multi, List<AppliedCommand> applied,
            Map<String, IdempotencyRecord> batchKeys, EngineOutput out) {
        String key = request.idempotencyKey();
        IdempotencyRecord known = known(key, batchKeys);
        if (known != null) {
            return known.requestHash().equals(request.requestHash()) ? new Response(known.status(), known.response())
                    : Problems.conflict("Idempotency-Key", "this key was used with a different request body");
        }
        List<Response> responses = new ArrayList<>(multi.commands.size());
        for (CommandRequest command : multi.commands) {
            // Each command keeps its read-model rows (the demo's logins ride on its last command).
            responses.add(apply(new CommandRequest(command.command(), command.render(), null, null,
                    command.readModel()), applied, batchKeys, out));
        }
        Response response = multi.combine.apply(responses);
        AppliedCommand last = applied.remove(applied.size() - 1);
        IdempotencyRecord record = new IdempotencyRecord(key, request.requestHash(), last.seq(), response.status(),
                response.body());
        applied.add(new AppliedCommand(last.seq(), last.command(), last.line(), last.events(), last.postings(), record,
                last.readModel()));
        batchKeys.put(key, record);
        return response;
    }

    /**
     * After a failed commit the engine has applied commands the database does not hold: rebuild it from
     * the database, or, if that fails too, stop taking work (fail-stop) rather than serve that state.
     */
    private void reloadOrStop() {
        try {
            load();
        } catch (RuntimeException e) {
            LOG.error("the engine cannot be rebuilt from the database; the gateway stops", e);
            stop();
        }
    }

    /** Fail-stop: no more work is taken, and everything queued is answered with a refusal. */
    private void stop() {
        running = false;
        List<Work> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(work -> work.future.completeExceptionally(new GatewayBusyException("the gateway stopped")));
    }

    private void answer(List<Work> batch, List<Response> responses) {
        for (int i = 0; i < batch.size(); i++) {
            Work work = batch.get(i);
            if (work.request != null) {
                work.future.complete(responses.get(i));
                continue;
            }
            try {
                work.future.complete(work.query.apply(engine));
            } catch (RuntimeException e) {
                work.future.completeExceptionally(e);
            }
        }
    }

    /**
     * A snapshot is due every {@code snapshotInterval} journal rows, and never sooner than as many rows as the
     * last one held orders: serializing one takes the writer ~0.65 µs an order it holds (a server keeps its
     * settled orders), so at a fixed interval a growing history would take ever more of the writer's time — at
     * ten million orders, six seconds of every hundred thousand commands. Spaced so, snapshots cost the writer
     * well under a microsecond per command however long the history, and a start replays at most that many
     * rows after the newest one (~3 µs each).
     */
    private void snapshotIfDue() {
        // While one is still on its way to the database the next waits, so at most one engine's bytes are held.
        long due = Math.max(snapshotInterval, lastSnapshotOrders);
        if (lastSeq - lastSnapshotSeq < due || !pendingSnapshot.isDone()) {
            return;
        }
        pendingSnapshot = snapshotInBackground();
    }

    /**
     * Takes the engine's bytes here, on the writer thread, where the state is consistent; hashing and storing
     * them happen on the snapshot thread, so callers never wait for a large snapshot to reach the database.
     * Completes with the snapshot's journal row once it is stored.
     */
    private CompletableFuture<Long> snapshotInBackground() {
        long seq = lastSeq;
        byte[] state = snapshotBytes();
        lastSnapshotSeq = seq;
        lastSnapshotOrders = engine.orderCount();
        return CompletableFuture.supplyAsync(() -> {
            if (seq > lastStoredSnapshotSeq) {
                journal.saveSnapshot(new Snapshot(seq, SnapshotCodec.sha256(state), state));
                lastStoredSnapshotSeq = seq;
            }
            return seq;
        }, snapshotWriter).whenComplete((stored, e) -> {
            if (e != null) {
                LOG.error("the snapshot at journal row {} was not stored; recovery replays from an earlier one", seq, e);
            }
        });
    }

    /** The engine's state as the snapshot codec writes it; its SHA-256 is the state hash. Writer thread only. */
    private byte[] snapshotBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        try {
            SnapshotCodec.write(engine, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Takes a snapshot now (operators, tests); completes once it is stored. */
    public CompletableFuture<Long> snapshotNow() {
        return queryOnWriter(engine -> snapshotInBackground()).thenCompose(stored -> stored);
    }

    /** Stops taking work, finishes what is queued, and waits for the writer. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        if (started) {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        }
        snapshotWriter.shutdown();
        snapshotWriter.awaitTermination(30, TimeUnit.SECONDS);
        replica.close();
    }

    private void closeReplica() {
        try {
            replica.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Work {
        final CommandRequest request;
        final Function<Engine, Object> query;
        final Multi multi;
        final CompletableFuture<Object> future;

        @SuppressWarnings("unchecked")
        Work(CommandRequest request, Function<Engine, Object> query, Multi multi, CompletableFuture<?> future) {
            this.request = request;
            this.query = query;
            this.multi = multi;
            this.future = (CompletableFuture<Object>) future;
        }

        int commands() {
            return multi == null ? 1 : multi.commands.size();
        }
    }

    /** The commands of a multi-command request and how their responses combine into one. */
    private record Multi(List<CommandRequest> commands, Function<List<Response>, Response> combine) {
    }

    /** The gateway cannot take more work now; callers should retry later (HTTP 503). */
    public static final class GatewayBusyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GatewayBusyException(String message) {
            super(message);
        }
    }
}

package org.zengzhi.bench;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import org.zengzhi.engine.Engine;
import org.zengzhi.engine.codec.SnapshotCodec;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Recovery;
import org.zengzhi.server.journal.Journal;
import org.zengzhi.server.journal.Snapshot;

/**
 * Time to recover a tenant's engine on PostgreSQL: {@code commands} settled orders are journaled through
 * the real gateway, then the server's {@link Recovery} rebuilds the engine from the journal alone; then a
 * snapshot of that state is stored, {@code tail} more orders are journaled, and recovery runs again from
 * the snapshot plus the tail. Each recovery must end in the state hash the gateway had.
 *
 * <pre>java -Xmx4g -cp bench/target/benchmarks.jar org.zengzhi.bench.RecoveryTime commands=1000000 tail=100000 runs=3</pre>
 */
public final class RecoveryTime {
    private RecoveryTime() {
    }

    /** Seconds of each recovery, median of {@code runs}; problems empty when every hash matched. */
    public record Result(double journalOnlySeconds, double snapshotAndTailSeconds, long commands, long tail,
            List<String> problems) {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = new BenchArgs(args);
        int commands = options.integer("commands", 1_000_000);
        int tail = options.integer("tail", 100_000);
        int runs = options.integer("runs", 3);
        try (BenchDatabase database = BenchDatabase.server("bench_recovery", DurableThroughput.SERVER_URL_OPTIONS, false)) {
            Result result = run(database, commands, tail, runs);
            if (!result.problems().isEmpty()) {
                throw new IllegalStateException("RecoveryTime got a wrong answer: " + result.problems());
            }
            System.out.printf(Locale.ROOT, "RecoveryTime: %d journaled commands from the journal only: median %.2f s; "
                    + "snapshot at %d + %d-command tail: median %.2f s (load average %s)%n", commands,
                    result.journalOnlySeconds(), commands, tail, result.snapshotAndTailSeconds(), BenchArgs.loadAverage());
        }
    }

    public static Result run(BenchDatabase database, int commands, int tail, int runs) throws Exception {
        Journal journal = database.journal();
        SettleOrderStream stream = new SettleOrderStream(DurableThroughput.PARTICIPANTS);
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        String hash = journalOrders(journal, stream, 0, commands, problems);
        double[] journalOnly = new double[runs];
        Engine recovered = null;
        for (int r = 0; r < runs; r++) {
            recovered = null;
            long start = System.nanoTime();
            recovered = recoverAndCheck(journal, hash, commands, problems);
            journalOnly[r] = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "journal only, run %d: %.2f s (load average %s)%n", r + 1, journalOnly[r],
                    BenchArgs.loadAverage());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SnapshotCodec.write(recovered, bytes);
        journal.saveSnapshot(new Snapshot(commands, recovered.stateHash(), bytes.toByteArray()));
        recovered = null;
        String tailHash = journalOrders(journal, stream, commands, commands + tail, problems);
        double[] withSnapshot = new double[runs];
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            recoverAndCheck(journal, tailHash, commands + tail, problems);
            withSnapshot[r] = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "snapshot + tail, run %d: %.2f s (load average %s)%n", r + 1, withSnapshot[r],
                    BenchArgs.loadAverage());
        }
        return new Result(BenchArgs.median(journalOnly), BenchArgs.median(withSnapshot), commands, tail,
                new ArrayList<>(problems));
    }

    /** Journals orders {@code from} … {@code to − 1} through a gateway; returns the state hash after them. */
    private static String journalOrders(Journal journal, SettleOrderStream stream, long from, long to,
            ConcurrentLinkedQueue<String> problems) throws Exception {
        try (EngineGateway gateway = new EngineGateway(journal,
                () -> new Recovery(journal, DurableThroughput.PLAN).recover(), Clock.systemUTC(), Long.MAX_VALUE)) {
            long nanos = DurableThroughput.drive(gateway, stream, from, to, 8, 64, problems, new AtomicLong());
            System.out.printf(Locale.ROOT, "journaled orders %d … %d in %.1f s%n", from, to - 1, nanos / 1e9);
            return gateway.query(Engine::stateHash).get();
        }
    }

    private static Engine recoverAndCheck(Journal journal, String hash, long lastSeq,
            ConcurrentLinkedQueue<String> problems) {
        Recovery.Recovered recovered = new Recovery(journal, DurableThroughput.PLAN).recover();
        if (!recovered.engine().stateHash().equals(hash)) {
            problems.add("recovered state hash " + recovered.engine().stateHash() + " is not the gateway's " + hash);
        }
        if (recovered.lastSeq() != lastSeq) {
            problems.add("recovered up to journal row " + recovered.lastSeq() + ", not " + lastSeq);
        }
        return recovered.engine();
    }
}

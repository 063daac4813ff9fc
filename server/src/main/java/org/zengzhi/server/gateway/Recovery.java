package org.zengzhi.server.gateway;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

import org.zengzhi.engine.Command;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.EngineOutput;
import org.zengzhi.engine.codec.SnapshotCodec;
import org.zengzhi.engine.network.RegionDirectory;
import org.zengzhi.engine.plan.Plan;
import org.zengzhi.log.LogLines;
import org.zengzhi.server.journal.CommandLog;
import org.zengzhi.server.journal.Rejections;
import org.zengzhi.server.journal.Snapshot;

/**
 * Rebuilds the engine from the database: the latest snapshot (its state hash verified), then the
 * journal's tail replayed in order. Every replayed command must meet the same fate it met when it was
 * first applied (accepted, or rejected with the same code); if not, the journal and the snapshot
 * disagree and the server refuses to start rather than serve a state nobody acknowledged.
 */
public final class Recovery {
    private final CommandLog journal;
    private final Plan plan;

    public Recovery(CommandLog journal, Plan plan) {
        this.journal = journal;
        this.plan = plan;
    }

    /** The recovered engine and the last journal sequence number it contains. */
    public record Recovered(Engine engine, long lastSeq, long replayed) {
    }

    public Recovered recover() {
        Snapshot snapshot = journal.latestSnapshot();
        Engine engine = snapshot == null ? new Engine(plan, RegionDirectory.STANDARD) : restore(snapshot);
        long[] last = {snapshot == null ? 0 : snapshot.seq()};
        long[] replayed = {0};
        LogLines lines = new LogLines(engine::clock);
        EngineOutput out = new EngineOutput();
        journal.readAfter(last[0], row -> {
            if (row.seq() != last[0] + 1) {
                throw new RecoveryException("the journal has a gap: row " + row.seq() + " follows " + last[0]);
            }
            Command command = lines.parse(row.seq(), row.line());
            out.clear();
            engine.execute(command, out);
            String rejection = Rejections.code(out.events());
            if (!Objects.equals(rejection, row.rejection())) {
                throw new RecoveryException("journal row " + row.seq() + " was " + describe(row.rejection())
                        + " when applied but is " + describe(rejection) + " on replay: the journal and the snapshot disagree");
            }
            last[0] = row.seq();
            replayed[0]++;
        });
        return new Recovered(engine, last[0], replayed[0]);
    }

    private Engine restore(Snapshot snapshot) {
        Engine engine;
        try {
            engine = SnapshotCodec.read(new ByteArrayInputStream(snapshot.state()));
        } catch (IOException e) {
            throw new UncheckedIOException("snapshot " + snapshot.seq() + " cannot be read", e);
        }
        String hash = engine.stateHash();
        if (!hash.equals(snapshot.stateHash())) {
            throw new RecoveryException("snapshot " + snapshot.seq() + " has state hash " + hash + ", not the "
                    + snapshot.stateHash() + " recorded with it");
        }
        return engine;
    }

    private static String describe(String rejection) {
        return rejection == null ? "accepted" : "rejected as " + rejection;
    }

    /** The database does not hold one consistent history; starting would serve a wrong state. */
    public static final class RecoveryException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RecoveryException(String message) {
            super(message);
        }
    }
}

package org.zengzhi.server.journal;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the gateway needs of a command log (issue 21, deliver 2: "both sit behind one journal interface"): append
 * a batch of applied commands durably, each at the position ({@link AppliedCommand#seq()}) the gateway gave it;
 * read the log from a position for recovery; keep snapshots at a position; and keep the idempotency records
 * written with the commands. {@link Journal} (H2/PostgreSQL, group commit) is the single-node implementation and
 * the default; the cluster module's Kafka log is described in docs/cluster.md.
 */
public interface CommandLog {

    /** Writes the batch durably, all or nothing; throws (and writes nothing) if the store refuses any of it. */
    void append(List<AppliedCommand> batch);

    /** The highest position written, or 0 for an empty log. */
    long lastSeq();

    /** The entries after position {@code seq}, in order; recovery checks there is no gap. */
    void readAfter(long seq, Consumer<JournalRow> consumer);

    /** Stores a snapshot of the engine at its position; older ones may be dropped. */
    void saveSnapshot(Snapshot snapshot);

    /** The newest snapshot, or null. */
    Snapshot latestSnapshot();

    /** Every committed idempotency key with the hash of its request. */
    Map<String, String> idempotencyHashes();

    /** The stored first answer under a key, or null. */
    IdempotencyRecord idempotencyRecord(String key);

    /** One entry of the log: its position, the command line and the rejection it got when it was first applied. */
    record JournalRow(long seq, String line, String rejection) {
    }
}

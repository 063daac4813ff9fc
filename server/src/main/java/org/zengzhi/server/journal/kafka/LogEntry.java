package org.zengzhi.server.journal.kafka;

import java.util.List;

import org.zengzhi.server.journal.AppliedCommand;
import org.zengzhi.server.journal.IdempotencyRecord;
import org.zengzhi.server.journal.ReadModelWrite;

/**
 * One record of a tenant's Kafka journal: a command as the gateway applied it — its journal position, its line in
 * the log module's format, the rejection it met, its idempotency record (null without a key) and the read-model
 * writes its request asked for, which a replay cannot rebuild from the command alone. Postings and events are not
 * kept: the engine gives them again on replay (it is deterministic). A take-over marker (see {@link TenantLog#fence})
 * is an entry with {@link #marker()} true and nothing else.
 */
record LogEntry(long seq, String line, String rejection, IdempotencyRecord idempotency, List<ReadModelWrite> writes) {

    static final LogEntry MARKER = new LogEntry(0, null, null, null, List.of());

    LogEntry {
        writes = List.copyOf(writes);
    }

    static LogEntry of(AppliedCommand applied) {
        return new LogEntry(applied.seq(), applied.line(), applied.rejection(), applied.idempotency(),
                applied.readModel());
    }

    boolean marker() {
        return line == null;
    }
}

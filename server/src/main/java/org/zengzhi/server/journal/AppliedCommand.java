package org.zengzhi.server.journal;

import java.util.List;

import org.zengzhi.engine.Command;
import org.zengzhi.engine.Event;
import org.zengzhi.engine.ledger.Posting;

/**
 * One command as the gateway applied it: its journal sequence number, what it produced, the idempotency
 * record to keep with it (null without an Idempotency-Key) and the read-model rows it updates.
 */
public record AppliedCommand(long seq, Command command, String line, List<Event> events, List<Posting> postings,
        IdempotencyRecord idempotency, List<ReadModelWrite> readModel) {

    public AppliedCommand(long seq, Command command, String line, List<Event> events, List<Posting> postings,
            IdempotencyRecord idempotency) {
        this(seq, command, line, events, postings, idempotency, List.of());
    }

    /** The rejection code, or null when the command was accepted. */
    public String rejection() {
        return Rejections.code(events);
    }
}

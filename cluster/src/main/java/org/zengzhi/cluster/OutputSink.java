package org.zengzhi.cluster;

import java.util.List;

import org.zengzhi.engine.Event;

/**
 * Where a node writes what a command produced, keyed by (tenant, offset) so that a command applied again — by the
 * node that takes a tenant over and replays from an older snapshot — never writes twice. {@link MemoryOutputs} keeps
 * them in memory (tests); {@code pg.PgOutputs} writes them to PostgreSQL with that primary key
 * ({@code INSERT … ON CONFLICT DO NOTHING}, one transaction per batch).
 */
public interface OutputSink {

    /** What one applied command produced: its offset in the tenant's partition, its id and its events. */
    record Applied(long offset, String commandId, List<Event> events) {
        public Applied {
            events = List.copyOf(events);
        }
    }

    /** Writes the command's outputs unless (tenant, offset) is already written; true if this call wrote them. */
    boolean write(String tenant, long offset, String commandId, List<Event> events);

    /**
     * Writes a batch of one tenant's applied commands, in offset order, all or none; a (tenant, offset) already
     * written is left as it is. Returns how many this call wrote.
     */
    default int writeBatch(String tenant, List<Applied> batch) {
        int wrote = 0;
        for (Applied applied : batch) {
            wrote += write(tenant, applied.offset(), applied.commandId(), applied.events()) ? 1 : 0;
        }
        return wrote;
    }

    /**
     * The highest offset of {@code tenant} already written (-1: none). Writes of one tenant go in offset order and a
     * take-over starts at or below the previous owner's last write, so every offset up to this one is written too:
     * a node resuming the tenant need not write them again.
     */
    default long lastWritten(String tenant) {
        return -1;
    }
}

package org.zengzhi.cluster;

import java.util.List;

import org.zengzhi.engine.Event;

/**
 * Where a node writes what a command produced, keyed by (tenant, offset) so that a command applied again — by the
 * node that takes a tenant over and replays from an older snapshot — never writes twice. In production this is a
 * PostgreSQL table with that primary key ({@code INSERT … ON CONFLICT DO NOTHING}); this slice ships
 * {@link MemoryOutputs} only (docs/cluster.md, "not yet").
 */
public interface OutputSink {

    /** Writes the command's outputs unless (tenant, offset) is already written; true if this call wrote them. */
    boolean write(String tenant, long offset, String commandId, List<Event> events);
}

package org.zengzhi.cluster;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.zengzhi.engine.Event;

/** An {@link OutputSink} in memory, shared by the nodes of one process (tests, the load generator). */
public final class MemoryOutputs implements OutputSink {
    /** One written output: the command and how many events it produced. */
    public record Output(String commandId, int events) {
    }

    private final Map<String, Map<Long, Output>> written = new ConcurrentHashMap<>();
    private final AtomicLong duplicates = new AtomicLong();

    @Override
    public boolean write(String tenant, long offset, String commandId, List<Event> events) {
        Output previous = written.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>())
                .putIfAbsent(offset, new Output(commandId, events.size()));
        if (previous != null) {
            duplicates.incrementAndGet();
            if (!previous.commandId().equals(commandId)) {
                throw new IllegalStateException(tenant + " offset " + offset + " held " + previous.commandId()
                        + " and now " + commandId);
            }
        }
        return previous == null;
    }

    /** The outputs of a tenant by offset. */
    public Map<Long, Output> of(String tenant) {
        return Map.copyOf(written.getOrDefault(tenant, Map.of()));
    }

    /** Writes refused because (tenant, offset) was already written: replays after a take-over. */
    public long duplicates() {
        return duplicates.get();
    }
}

package org.zengzhi.cluster.demo;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import org.zengzhi.cluster.Takeover;

/**
 * Where a failover's time went, each phase as milliseconds after the {@code kill -9} until the last of the killed
 * node's tenants was through it (issue 21 deliver 4): the group noticed (the brokers dropped the dead member,
 * {@link GroupWatch}), the survivors were assigned its partitions, restored the snapshots, replayed the tails (the
 * nodes' own timestamps, {@link Takeover}), and every tenant answered the demo again (asked all in parallel). -1: not
 * seen.
 */
record FailoverPhases(int tenantsMoved, long noticedMs, long firstAssignedMs, long assignedMs, long restoredMs,
        long replayedMs, long answeredMovedMs, long answeredAllMs) {

    /** From the take-overs the live nodes report (those assigned after the kill are the killed node's tenants). */
    static FailoverPhases of(long killedAtMs, long noticedAtMs, Collection<Takeover> takeovers,
            Map<String, Long> answeredAtMs) {
        List<Takeover> moved = takeovers.stream().filter(t -> t.assignedAtMs() >= killedAtMs).toList();
        long answeredMoved = moved.stream().mapToLong(t -> answeredAtMs.getOrDefault(t.tenant(), 0L)).max().orElse(0);
        long answeredAll = answeredAtMs.values().stream().mapToLong(Long::longValue).max().orElse(0);
        return new FailoverPhases(moved.size(), after(killedAtMs, noticedAtMs),
                after(killedAtMs, moved.stream().mapToLong(Takeover::assignedAtMs).min().orElse(0)),
                last(killedAtMs, moved, Takeover::assignedAtMs), last(killedAtMs, moved, Takeover::restoredAtMs),
                last(killedAtMs, moved, Takeover::servingAtMs), after(killedAtMs, answeredMoved),
                after(killedAtMs, answeredAll));
    }

    private static long last(long killedAtMs, List<Takeover> moved, ToLongFunction<Takeover> phase) {
        if (moved.isEmpty() || moved.stream().anyMatch(t -> phase.applyAsLong(t) == 0)) {
            return -1;
        }
        return after(killedAtMs, moved.stream().mapToLong(phase).max().orElse(0));
    }

    private static long after(long killedAtMs, long atMs) {
        return atMs <= 0 ? -1 : atMs - killedAtMs;
    }

    /** One line to copy into docs/benchmarks.md. */
    String line() {
        return String.format("FAILOVER tenants_moved=%d noticed_ms=%d assigned_first_ms=%d assigned_ms=%d "
                + "restored_ms=%d replayed_ms=%d answered_moved_ms=%d answered_all_ms=%d", tenantsMoved, noticedMs,
                firstAssignedMs, assignedMs, restoredMs, replayedMs, answeredMovedMs, answeredAllMs);
    }
}

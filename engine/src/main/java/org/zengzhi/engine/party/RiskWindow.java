package org.zengzhi.engine.party;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Recent orders by device and by IP. An order is flagged when it is the n-th from one device or
 * one IP within the window. Entries older than the window are dropped on every use, so the store holds
 * at most the orders of one window, and never more than {@link #ENTRIES_MAX}: when that many orders fall
 * into one window, further orders are flagged without being recorded, which errs on the side of review.
 * Sightings are kept in arrival order (what a snapshot writes); the counts by key sit in a hash map that is only
 * looked up, never iterated, so nothing depends on hash order (a sorted map cost a fifth of a four-party payment:
 * docs/benchmarks.md, issue 18 deliver 6).
 */
final class RiskWindow {
    /** Device and IP sightings kept at once. */
    static final int ENTRIES_MAX = 1_000_000;
    /** Length of a device id or an IP address. */
    static final int KEY_LENGTH_MAX = 128;

    private record Sighting(String key, Instant at) {
    }

    private final ArrayDeque<Sighting> arrivals = new ArrayDeque<>();
    private final Map<String, Integer> counts = new HashMap<>();

    /**
     * Records an order from {@code device} and {@code ip} at {@code at} (not before any earlier one) and
     * says whether it is the {@code threshold}-th within {@code window} from either.
     */
    RiskVerdict record(String device, String ip, Instant at, Duration window, int threshold) {
        expire(at, window);
        if (arrivals.size() + 2 > ENTRIES_MAX) {
            return RiskVerdict.STORE_FULL;
        }
        boolean byDevice = add("d:" + device, at) >= threshold;
        boolean byIp = add("i:" + ip, at) >= threshold;
        if (byDevice && byIp) {
            return RiskVerdict.DEVICE_AND_IP;
        }
        return byDevice ? RiskVerdict.DEVICE : byIp ? RiskVerdict.IP : RiskVerdict.CLEAR;
    }

    int size() {
        return arrivals.size();
    }

    private int add(String key, Instant at) {
        arrivals.addLast(new Sighting(key, at));
        return counts.merge(key, 1, Integer::sum);
    }

    /** Drops every sighting at or before {@code at − window}: it no longer counts. */
    private void expire(Instant at, Duration window) {
        Instant horizon = at.minus(window);
        while (!arrivals.isEmpty() && !arrivals.peekFirst().at().isAfter(horizon)) {
            Sighting old = arrivals.removeFirst();
            counts.computeIfPresent(old.key(), (key, count) -> count == 1 ? null : count - 1);
        }
    }

    void write(DataOutput out) throws IOException {
        out.writeInt(arrivals.size());
        for (Sighting sighting : arrivals) {
            out.writeUTF(sighting.key());
            out.writeLong(sighting.at().getEpochSecond());
            out.writeInt(sighting.at().getNano());
        }
    }

    /** Replaces every sighting with those a snapshot holds, in their arrival order. */
    void read(DataInput in) throws IOException {
        int size = in.readInt();
        if (size < 0 || size > ENTRIES_MAX) {
            throw new IOException("snapshot holds " + size + " risk sightings, more than " + ENTRIES_MAX);
        }
        arrivals.clear();
        counts.clear();
        for (int i = 0; i < size; i++) {
            add(in.readUTF(), Instant.ofEpochSecond(in.readLong(), in.readInt()));
        }
    }
}

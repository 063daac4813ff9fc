package org.zengzhi.engine.party;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Recent orders by device and by IP. An order is flagged when it is the n-th from one device or
 * one IP within the window. Entries older than the window are dropped on every use, so the store holds
 * at most the orders of one window, and never more than {@link #ENTRIES_MAX}: when that many orders fall
 * into one window, further orders are flagged without being recorded, which errs on the side of review.
 * Sightings are kept in arrival order (what a snapshot writes, each key prefixed {@code d:} or {@code i:}), in a
 * ring of arrays that a payment adds to without allocating; the counts by key sit in hash maps that are only
 * looked up, never iterated, so nothing depends on hash order (a sorted map cost a fifth of a four-party payment:
 * docs/benchmarks.md, issue 18 deliver 6).
 */
final class RiskWindow {
    /** Device and IP sightings kept at once. */
    static final int ENTRIES_MAX = 1_000_000;
    /** Length of a device id or an IP address. */
    static final int KEY_LENGTH_MAX = 128;
    private static final String DEVICE = "d:";
    private static final String IP = "i:";

    /** Sightings in arrival order, as a ring of columns: key, whether it is a device, and when. */
    private String[] keys = new String[64];
    private boolean[] devices = new boolean[64];
    private long[] seconds = new long[64];
    private int[] nanos = new int[64];
    private int head;
    private int size;
    private final Map<String, Integer> deviceCounts = new HashMap<>();
    private final Map<String, Integer> ipCounts = new HashMap<>();

    /**
     * Records an order from {@code device} and {@code ip} at {@code at} (not before any earlier one) and
     * says whether it is the {@code threshold}-th within {@code window} from either.
     */
    RiskVerdict record(String device, String ip, Instant at, Duration window, int threshold) {
        expire(at, window);
        if (size + 2 > ENTRIES_MAX) {
            return RiskVerdict.STORE_FULL;
        }
        boolean byDevice = add(device, true, at.getEpochSecond(), at.getNano()) >= threshold;
        boolean byIp = add(ip, false, at.getEpochSecond(), at.getNano()) >= threshold;
        if (byDevice && byIp) {
            return RiskVerdict.DEVICE_AND_IP;
        }
        return byDevice ? RiskVerdict.DEVICE : byIp ? RiskVerdict.IP : RiskVerdict.CLEAR;
    }

    int size() {
        return size;
    }

    private int add(String key, boolean device, long second, int nano) {
        if (size == keys.length) {
            grow();
        }
        int slot = (head + size) & (keys.length - 1);
        keys[slot] = key;
        devices[slot] = device;
        seconds[slot] = second;
        nanos[slot] = nano;
        size++;
        return (device ? deviceCounts : ipCounts).merge(key, 1, Integer::sum);
    }

    private void grow() {
        int capacity = keys.length * 2;
        String[] newKeys = new String[capacity];
        boolean[] newDevices = new boolean[capacity];
        long[] newSeconds = new long[capacity];
        int[] newNanos = new int[capacity];
        for (int i = 0; i < size; i++) {
            int from = (head + i) & (keys.length - 1);
            newKeys[i] = keys[from];
            newDevices[i] = devices[from];
            newSeconds[i] = seconds[from];
            newNanos[i] = nanos[from];
        }
        keys = newKeys;
        devices = newDevices;
        seconds = newSeconds;
        nanos = newNanos;
        head = 0;
    }

    /** Drops every sighting at or before {@code at − window}: it no longer counts. */
    private void expire(Instant at, Duration window) {
        Instant horizon = at.minus(window);
        long horizonSecond = horizon.getEpochSecond();
        int horizonNano = horizon.getNano();
        while (size > 0 && (seconds[head] < horizonSecond
                || seconds[head] == horizonSecond && nanos[head] <= horizonNano)) {
            (devices[head] ? deviceCounts : ipCounts).computeIfPresent(keys[head],
                    (key, count) -> count == 1 ? null : count - 1);
            keys[head] = null;
            head = (head + 1) & (keys.length - 1);
            size--;
        }
    }

    void write(DataOutput out) throws IOException {
        out.writeInt(size);
        for (int i = 0; i < size; i++) {
            int slot = (head + i) & (keys.length - 1);
            out.writeUTF((devices[slot] ? DEVICE : IP) + keys[slot]);
            out.writeLong(seconds[slot]);
            out.writeInt(nanos[slot]);
        }
    }

    /** Replaces every sighting with those a snapshot holds, in their arrival order. */
    void read(DataInput in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > ENTRIES_MAX) {
            throw new IOException("snapshot holds " + count + " risk sightings, more than " + ENTRIES_MAX);
        }
        java.util.Arrays.fill(keys, null);
        head = 0;
        size = 0;
        deviceCounts.clear();
        ipCounts.clear();
        for (int i = 0; i < count; i++) {
            String key = in.readUTF();
            boolean device = key.startsWith(DEVICE);
            if (!device && !key.startsWith(IP)) {
                throw new IOException("risk sighting " + key + " is neither a device nor an IP");
            }
            add(key.substring(2), device, in.readLong(), in.readInt());
        }
    }
}

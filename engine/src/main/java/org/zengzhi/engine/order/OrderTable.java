package org.zengzhi.engine.order;

import java.util.List;

/**
 * Orders by external id: an open-addressing table (linear probing, at most half full) of one long per slot,
 * the id's hash and the low bits of the order's sequence number, and an {@link OrderRing} that holds the
 * orders by sequence number. A look-up reads one array and an order only when the hashes match; a removal
 * compares the long and reads no order at all. Only the ring refers to orders, in payment order.
 */
final class OrderTable {
    private static final int CAPACITY_MIN = 16;

    /** Per slot: the id's hash in the high half, {@link OrderRing#key} in the low half; 0 for an empty slot. */
    private long[] entries = new long[CAPACITY_MIN];
    private final OrderRing ring = new OrderRing();
    private int size;

    int size() {
        return size;
    }

    /** The order with this id, or null (also for a null id, which a malformed command may carry). */
    Order find(String id) {
        if (id == null) {
            return null;
        }
        long entry = entries[slotOf(id, id.hashCode())];
        return entry == 0 ? null : ring.at((int) entry);
    }

    /** Adds an order, or replaces the order with the same id. */
    void put(Order order) {
        if (2 * (size + 1) > entries.length) {
            resize(entries.length * 2);
        }
        int slot = slotOf(order.id, order.idHash);
        ring.put(order);
        long entry = entryOf(order);
        if (entries[slot] == 0) {
            size++;
        } else if (entries[slot] != entry) {
            ring.remove(ring.at((int) entries[slot]).sequence);
        }
        entries[slot] = entry;
    }

    /**
     * Removes this very order, if the table holds it (not another order with its id); later entries of its
     * probe run move back so none is lost. Compares one long per slot: no order is read.
     */
    void remove(Order order) {
        int mask = entries.length - 1;
        long entry = entryOf(order);
        int slot = spread(order.idHash) & mask;
        while (entries[slot] != 0 && entries[slot] != entry) {
            slot = (slot + 1) & mask;
        }
        if (entries[slot] == 0) {
            return;
        }
        ring.remove(order.sequence);
        int hole = slot;
        for (int next = (hole + 1) & mask; entries[next] != 0; next = (next + 1) & mask) {
            int home = spread(hashOf(entries[next])) & mask;
            // The entry at next may fill the hole unless its home lies cyclically in (hole, next].
            if (((next - home) & mask) >= ((next - hole) & mask)) {
                entries[hole] = entries[next];
                hole = next;
            }
        }
        entries[hole] = 0;
        size--;
    }

    /** The slot holding the order with this id, else the empty slot that ends its probe run. */
    private int slotOf(String id, int hash) {
        int mask = entries.length - 1;
        int slot = spread(hash) & mask;
        while (entries[slot] != 0 && !(hashOf(entries[slot]) == hash && ring.at((int) entries[slot]).id.equals(id))) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static long entryOf(Order order) {
        return (long) order.idHash << 32 | OrderRing.key(order.sequence);
    }

    private static int hashOf(long entry) {
        return (int) (entry >>> 32);
    }

    /** Reads the slot where a look-up of this id starts, for a read-ahead; changes nothing. */
    int touch(String id) {
        return touch(id.hashCode());
    }

    /** Reads the slot where a look-up of an id with this hash starts, for a read-ahead; changes nothing. */
    int touch(int hash) {
        return (int) entries[spread(hash) & (entries.length - 1)];
    }

    /** Every order, in payment order. */
    List<Order> values() {
        return ring.values(size);
    }

    private void resize(int capacity) {
        long[] old = entries;
        entries = new long[capacity];
        int mask = capacity - 1;
        for (long entry : old) {
            if (entry != 0) {
                int slot = spread(hashOf(entry)) & mask;
                while (entries[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                entries[slot] = entry;
            }
        }
    }

    /** String hashes of ids like "o123" differ mostly in their low bits; mixing spreads runs of them apart. */
    private static int spread(int hash) {
        int mixed = hash * 0x9E3779B9;
        return mixed ^ (mixed >>> 16);
    }
}

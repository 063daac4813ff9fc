package org.zengzhi.engine.party;

import java.util.List;

/**
 * Order id → handle, as an open-addressing table of longs (linear probing, load at most one half), like the
 * engine's participant index: each slot holds the id's spread hash in its high half and handle + 1 in its low
 * half (0 = empty), so a probe reads another order's id only on a full hash match. A
 * {@code HashMap<String, Long>} cost a node and a boxed handle per order (issue 18 deliver 6); this costs 16
 * bytes at most. Lookups only, never iterated, so no outcome depends on hash order.
 */
final class OrderIndex {
    private static final long EMPTY = 0;
    private static final long HANDLE_MASK = 0xFFFF_FFFFL;

    private long[] slots = new long[1024];
    private int mask = slots.length - 1;

    /** The handle of {@code id} among {@code ids} (handle = index), or −1. */
    long find(String id, List<String> ids) {
        int hash = spread(id.hashCode());
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            long entry = slots[slot];
            if (entry == EMPTY) {
                return -1;
            }
            if ((int) (entry >>> 32) == hash) {
                int handle = (int) (entry & HANDLE_MASK) - 1;
                if (ids.get(handle).equals(id)) {
                    return handle;
                }
            }
        }
    }

    /** Adds the id at {@code ids.get(handle)}, the last of {@code ids}. */
    void add(int handle, List<String> ids) {
        if ((long) ids.size() * 2 > slots.length) {
            slots = new long[slots.length * 2];
            mask = slots.length - 1;
            for (int existing = 0; existing < handle; existing++) {
                insert(existing, ids.get(existing));
            }
        }
        insert(handle, ids.get(handle));
    }

    private void insert(int handle, String id) {
        int hash = spread(id.hashCode());
        int slot = hash & mask;
        while (slots[slot] != EMPTY) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = ((long) hash << 32) | (handle + 1L);
    }

    private static int spread(int hash) {
        return (hash ^ (hash >>> 16)) * 0x9E3779B9;
    }
}

package org.zengzhi.engine.network;

import java.util.Arrays;

import org.zengzhi.engine.BatchPrefetch;

/**
 * External participant id → dense int id, as an open-addressing table of longs (linear probing, load at
 * most one half). Each slot holds the id's spread hash in its high half and dense id + 1 in its low half
 * (0 = empty), so a probe compares hashes first and reads another participant's id string only on a full
 * hash match. A {@code HashMap<String, Integer>} would cost about 50 bytes a participant in nodes and boxes;
 * this costs 16. Lookups only; the engine never iterates it, so no outcome depends on hash order.
 */
final class ParticipantIndex {
    private static final long EMPTY = 0;
    private static final long ID_MASK = 0xFFFF_FFFFL;

    private long[] slots;
    private int mask;

    ParticipantIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        slots = new long[capacity];
        mask = capacity - 1;
    }

    /** The dense id of {@code id}, or −1. */
    int find(String id, String[] ids) {
        int hash = spread(id.hashCode());
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            long entry = slots[slot];
            if (entry == EMPTY) {
                return -1;
            }
            if ((int) (entry >>> 32) == hash) {
                int participant = (int) (entry & ID_MASK) - 1;
                if (ids[participant].equals(id)) {
                    return participant;
                }
            }
        }
    }

    /**
     * The dense id of the first entry whose hash is that of an id with this {@link String#hashCode()}, or −1:
     * the probe of {@link #find} without comparing the strings, so it reads only this table. Usually the
     * participant {@code find} will return (see {@link BatchPrefetch}).
     */
    int findByHash(int hashCode) {
        int hash = spread(hashCode);
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            long entry = slots[slot];
            if (entry == EMPTY) {
                return -1;
            }
            if ((int) (entry >>> 32) == hash) {
                return (int) (entry & ID_MASK) - 1;
            }
        }
    }

    /** Adds a new id; {@code count} is the number of participants after adding it. */
    void add(int participant, String[] ids, int count) {
        if (count * 2 > slots.length) {
            rehash(ids, count - 1);
        }
        insert(participant, ids[participant]);
    }

    private void insert(int participant, String id) {
        int hash = spread(id.hashCode());
        int slot = hash & mask;
        while (slots[slot] != EMPTY) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = ((long) hash << 32) | (participant + 1L);
    }

    private void rehash(String[] ids, int existing) {
        slots = new long[slots.length * 2];
        mask = slots.length - 1;
        for (int participant = 0; participant < existing; participant++) {
            insert(participant, ids[participant]);
        }
    }

    private static int spread(int hash) {
        return (hash ^ (hash >>> 16)) * 0x9E3779B9;
    }
}

package org.zengzhi.engine;

import java.util.Arrays;

/**
 * External participant id → dense int id, as an open-addressing table of ints (linear probing, load at
 * most one half). A {@code HashMap<String, Integer>} would cost about 50 bytes a participant in nodes and
 * boxes; this costs 8, which keeps a million participants within the memory goal of the engine.
 * Lookups only; the engine never iterates it, so no outcome depends on hash order.
 */
final class ParticipantIndex {
    private static final int EMPTY = -1;

    private int[] slots;
    private int mask;

    ParticipantIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        slots = new int[capacity];
        Arrays.fill(slots, EMPTY);
        mask = capacity - 1;
    }

    /** The dense id of {@code id}, or −1. */
    int find(String id, String[] ids) {
        for (int slot = spread(id.hashCode()) & mask; ; slot = (slot + 1) & mask) {
            int participant = slots[slot];
            if (participant == EMPTY || ids[participant].equals(id)) {
                return participant;
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
        int slot = spread(id.hashCode()) & mask;
        while (slots[slot] != EMPTY) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = participant;
    }

    private void rehash(String[] ids, int existing) {
        slots = new int[slots.length * 2];
        Arrays.fill(slots, EMPTY);
        mask = slots.length - 1;
        for (int participant = 0; participant < existing; participant++) {
            insert(participant, ids[participant]);
        }
    }

    private static int spread(int hash) {
        return (hash ^ (hash >>> 16)) * 0x9E3779B9;
    }
}

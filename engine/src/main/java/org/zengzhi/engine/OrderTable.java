package org.zengzhi.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Orders by external id in one open-addressing table (linear probing, at most half full): a slot holds the
 * order and its id's hash side by side, so a look-up compares ints in one array and reads an order only when
 * the hashes match. Against a {@code HashMap<String, Order>} that saves a node object per order and the
 * pointer chase to it on every payment's duplicate check, every settlement's removal and every read-ahead.
 */
final class OrderTable {
    private static final int CAPACITY_MIN = 16;

    private int[] hashes = new int[CAPACITY_MIN];
    private Order[] slots = new Order[CAPACITY_MIN];
    private int size;

    int size() {
        return size;
    }

    /** The order with this id, or null (also for a null id, which a malformed command may carry). */
    Order find(String id) {
        return id == null ? null : slots[slotOf(id, id.hashCode())];
    }

    /** Adds an order, or replaces the order with the same id. */
    void put(Order order) {
        if (2 * (size + 1) > slots.length) {
            resize(slots.length * 2);
        }
        int slot = slotOf(order.id, order.idHash);
        if (slots[slot] == null) {
            hashes[slot] = order.idHash;
            size++;
        }
        slots[slot] = order;
    }

    /**
     * Removes this very order, if the table holds it (not another order with its id); later entries of its
     * probe run move back so none is lost. Compares hashes and references only: the order's id is not read.
     */
    void remove(Order order) {
        int mask = slots.length - 1;
        int slot = spread(order.idHash) & mask;
        while (slots[slot] != null && slots[slot] != order) {
            slot = (slot + 1) & mask;
        }
        if (slots[slot] == null) {
            return;
        }
        int hole = slot;
        for (int next = (hole + 1) & mask; slots[next] != null; next = (next + 1) & mask) {
            int home = spread(hashes[next]) & mask;
            // The entry at next may fill the hole unless its home lies cyclically in (hole, next].
            if (((next - home) & mask) >= ((next - hole) & mask)) {
                slots[hole] = slots[next];
                hashes[hole] = hashes[next];
                hole = next;
            }
        }
        slots[hole] = null;
        size--;
    }

    /** The slot holding the order with this id, else the empty slot that ends its probe run. */
    private int slotOf(String id, int hash) {
        int mask = slots.length - 1;
        int slot = spread(hash) & mask;
        while (slots[slot] != null && !(hashes[slot] == hash && slots[slot].id.equals(id))) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** Reads the slot where a look-up of this id starts, for a read-ahead; changes nothing. */
    int touch(String id) {
        return touch(id.hashCode());
    }

    /** Reads the slot where a look-up of an id with this hash starts, for a read-ahead; changes nothing. */
    int touch(int hash) {
        int slot = spread(hash) & (slots.length - 1);
        return hashes[slot] + (slots[slot] == null ? 0 : 1);
    }

    /** Every order, in no particular order. */
    List<Order> values() {
        List<Order> values = new ArrayList<>(size);
        for (Order order : slots) {
            if (order != null) {
                values.add(order);
            }
        }
        return values;
    }

    private void resize(int capacity) {
        Order[] old = slots;
        slots = new Order[capacity];
        hashes = new int[capacity];
        size = 0;
        for (Order order : old) {
            if (order != null) {
                put(order);
            }
        }
    }

    /** String hashes of ids like "o123" differ mostly in their low bits; mixing spreads runs of them apart. */
    private static int spread(int hash) {
        int mixed = hash * 0x9E3779B9;
        return mixed ^ (mixed >>> 16);
    }
}

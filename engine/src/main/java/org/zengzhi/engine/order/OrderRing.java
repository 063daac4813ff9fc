package org.zengzhi.engine.order;

import java.util.ArrayList;
import java.util.List;

/**
 * Orders by their payment sequence number, in a ring that runs from the oldest order still held to the
 * newest. It is the one array that refers to every order the book holds, in payment order, so the collector
 * copies orders in the order they were paid and settling a day's orders reads memory nearly in sequence (the
 * id table beside it holds numbers only, see {@link OrderTable}). Removed orders leave an empty slot; the
 * ring's start moves past empty slots, so a book that forgets its settled orders spans only the unsettled.
 */
final class OrderRing {
    private static final int CAPACITY_MIN = 16;
    private static final int CAPACITY_MAX = 1 << 30;

    private Order[] ring = new Order[CAPACITY_MIN];
    /** The sequence numbers in the ring are {@code [head, tail)}; both 0 while it is empty. */
    private long head;
    private long tail;

    /**
     * A held order's key: its sequence number's low 30 bits, plus one so that no key is 0. The ring never spans
     * more than 2<sup>30</sup> numbers, so no two orders it holds share a key, and its slot is the key's low bits.
     */
    static int key(long sequence) {
        return (int) (sequence & (CAPACITY_MAX - 1)) + 1;
    }

    /** The order held under this {@link #key}. */
    Order at(int key) {
        return ring[(key - 1) & (ring.length - 1)];
    }

    /** The order with this sequence number, or null. */
    Order get(long sequence) {
        if (sequence < head || sequence >= tail) {
            return null;
        }
        return ring[(int) sequence & (ring.length - 1)];
    }

    /** Holds {@code order} at its sequence number, which no other order may hold. */
    void put(Order order) {
        long sequence = order.sequence;
        if (sequence < 0) {
            throw new IllegalArgumentException("order " + order.id + ": sequence " + sequence);
        }
        Order held = get(sequence);
        if (held != null && held != order) {
            throw new IllegalArgumentException("orders " + held.id + " and " + order.id + " share sequence "
                    + sequence);
        }
        if (head == tail) {
            head = sequence;
            tail = sequence;
        }
        long from = Math.min(head, sequence);
        long to = Math.max(tail, sequence + 1);
        if (to - from > ring.length) {
            resize(from, to);
        }
        head = from;
        tail = to;
        ring[(int) sequence & (ring.length - 1)] = order;
    }

    /** Drops the order with this sequence number, if held. */
    void remove(long sequence) {
        if (sequence < head || sequence >= tail) {
            return;
        }
        int mask = ring.length - 1;
        ring[(int) sequence & mask] = null;
        while (head < tail && ring[(int) head & mask] == null) {
            head++;
        }
        while (tail > head && ring[(int) (tail - 1) & mask] == null) {
            tail--;
        }
        if (head == tail) {
            head = 0;
            tail = 0;
        }
    }

    /** Every order held, in payment order. */
    List<Order> values(int expected) {
        List<Order> values = new ArrayList<>(expected);
        int mask = ring.length - 1;
        for (long sequence = head; sequence < tail; sequence++) {
            Order order = ring[(int) sequence & mask];
            if (order != null) {
                values.add(order);
            }
        }
        return values;
    }

    /** Makes room for the sequence numbers {@code [from, to)}, keeping every order held. */
    private void resize(long from, long to) {
        long span = to - from;
        if (span > CAPACITY_MAX) {
            throw new IllegalStateException("the order book spans " + span + " sequence numbers, more than "
                    + CAPACITY_MAX + ": an order paid long ago is still held among too many newer ones");
        }
        int capacity = ring.length;
        while (capacity < span) {
            capacity *= 2;
        }
        Order[] bigger = new Order[capacity];
        for (long sequence = head; sequence < tail; sequence++) {
            bigger[(int) sequence & (capacity - 1)] = ring[(int) sequence & (ring.length - 1)];
        }
        ring = bigger;
    }
}

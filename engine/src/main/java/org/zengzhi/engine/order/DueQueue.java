package org.zengzhi.engine.order;

import java.time.Instant;
import java.util.Comparator;
import java.util.TreeSet;

import org.zengzhi.engine.BatchPrefetch;

/**
 * The unsettled orders, earliest due first, ties in payment order. Orders arrive almost sorted: the
 * engine's clock never goes back and a settlement window is a fixed number of days, so the orders of one
 * window fall due in the order they were paid. The queue keeps a few first-in-first-out lanes, each sorted,
 * and takes the smallest of their heads; an order that fits behind no lane's tail goes to a sorted set, so
 * any order of arrival stays correct and the usual one costs no tree node.
 *
 * <p>A lane keeps each order's due time and sequence beside its slot, and an order remembers its lane and
 * slot, so a removal empties the slot and finding the earliest head reads the lanes' arrays only, never an
 * order: a day's settlement then reads its orders ahead together ({@link BatchPrefetch#touchOrders}) instead
 * of one after another here.
 */
final class DueQueue {
    static final Comparator<Order> DUE_ORDER =
            Comparator.comparing((Order order) -> order.dueAt).thenComparingLong(order -> order.sequence);
    private static final int MAX_LANES = 8;
    static final int NOT_QUEUED = -1;
    private static final int IN_SET = -2;

    private final Lane[] lanes = new Lane[MAX_LANES];
    private int laneCount;
    private final TreeSet<Order> overflow = new TreeSet<>(DUE_ORDER);
    private int size;

    void add(Order order) {
        Lane lane = laneFor(order);
        if (lane == null) {
            overflow.add(order);
            order.lane = IN_SET;
        } else {
            order.lane = lane.index;
            order.laneSlot = lane.append(order);
        }
        size++;
    }

    /** The lane whose last order comes just before {@code order}: the closest fit keeps the lanes few. */
    private Lane laneFor(Order order) {
        Lane best = null;
        Lane empty = null;
        for (int i = 0; i < laneCount; i++) {
            Lane lane = lanes[i];
            if (!lane.skipEmpty()) {
                empty = empty == null ? lane : empty;
            } else if (lane.before(order) && (best == null || best.before(lane.lastDue, lane.lastSequence))) {
                best = lane;
            }
        }
        if (best == null && empty == null && laneCount < MAX_LANES) {
            empty = new Lane(laneCount);
            lanes[laneCount++] = empty;
        }
        return best != null ? best : empty;
    }

    void remove(Order order) {
        if (order.lane == IN_SET) {
            overflow.remove(order);
        } else if (order.lane == NOT_QUEUED) {
            return;
        } else {
            lanes[order.lane].empty(order.laneSlot);
        }
        order.lane = NOT_QUEUED;
        size--;
    }

    /** Takes the earliest order due at or before {@code now}, or returns null. */
    Order pollDue(Instant now) {
        Lane from = null;
        for (int i = 0; i < laneCount; i++) {
            Lane lane = lanes[i];
            if (lane.skipEmpty() && (from == null || lane.headBefore(from))) {
                from = lane;
            }
        }
        Order first = overflow.isEmpty() ? null : overflow.first();
        if (first != null && (from == null || !from.headBefore(first))) {
            if (first.dueAt.isAfter(now)) {
                return null;
            }
            overflow.pollFirst();
        } else if (from != null && !from.headAfter(now)) {
            first = from.pop();
        } else {
            return null;
        }
        first.lane = NOT_QUEUED;
        size--;
        return first;
    }

    int size() {
        return size;
    }

    /**
     * One sorted first-in-first-out lane: a ring of orders with each one's due time (seconds, nanoseconds) and
     * sequence beside it, the slot number of its head, and the due time and sequence of the last order appended
     * (kept because a removed order's due time may change). A removed order's slot is emptied.
     */
    private static final class Lane {
        final int index;
        Order[] ring = new Order[64];
        long[] dueSeconds = new long[64];
        int[] dueNanos = new int[64];
        long[] sequences = new long[64];
        long headSlot;
        long tailSlot;
        Instant lastDue;
        long lastSequence;

        Lane(int index) {
            this.index = index;
        }

        /** Whether {@code order} comes after everything appended here. */
        boolean before(Order order) {
            return before(order.dueAt, order.sequence);
        }

        boolean before(Instant due, long sequence) {
            int byDue = lastDue.compareTo(due);
            return byDue < 0 || byDue == 0 && lastSequence < sequence;
        }

        long append(Order order) {
            if (tailSlot - headSlot == ring.length) {
                grow();
            }
            int at = (int) (tailSlot & (ring.length - 1));
            ring[at] = order;
            dueSeconds[at] = order.dueAt.getEpochSecond();
            dueNanos[at] = order.dueAt.getNano();
            sequences[at] = order.sequence;
            lastDue = order.dueAt;
            lastSequence = order.sequence;
            return tailSlot++;
        }

        private void grow() {
            int capacity = ring.length * 2;
            Order[] biggerRing = new Order[capacity];
            long[] biggerSeconds = new long[capacity];
            int[] biggerNanos = new int[capacity];
            long[] biggerSequences = new long[capacity];
            for (long slot = headSlot; slot < tailSlot; slot++) {
                int from = (int) (slot & (ring.length - 1));
                int to = (int) (slot & (capacity - 1));
                biggerRing[to] = ring[from];
                biggerSeconds[to] = dueSeconds[from];
                biggerNanos[to] = dueNanos[from];
                biggerSequences[to] = sequences[from];
            }
            ring = biggerRing;
            dueSeconds = biggerSeconds;
            dueNanos = biggerNanos;
            sequences = biggerSequences;
        }

        /** Empties the slot of a removed order (it is still in the ring: slots are only dropped at the head). */
        void empty(long slot) {
            ring[(int) (slot & (ring.length - 1))] = null;
        }

        /** Drops the emptied slots at the head; whether an order is left. */
        boolean skipEmpty() {
            while (headSlot < tailSlot && ring[(int) (headSlot & (ring.length - 1))] == null) {
                headSlot++;
            }
            return headSlot < tailSlot;
        }

        /** Whether this lane's head comes before the other lane's head (both have one). */
        boolean headBefore(Lane other) {
            int here = (int) (headSlot & (ring.length - 1));
            int there = (int) (other.headSlot & (other.ring.length - 1));
            return compare(dueSeconds[here], dueNanos[here], sequences[here], other.dueSeconds[there],
                    other.dueNanos[there], other.sequences[there]) < 0;
        }

        /** Whether this lane's head comes before {@code order}. */
        boolean headBefore(Order order) {
            int here = (int) (headSlot & (ring.length - 1));
            return compare(dueSeconds[here], dueNanos[here], sequences[here], order.dueAt.getEpochSecond(),
                    order.dueAt.getNano(), order.sequence) < 0;
        }

        /** Whether this lane's head falls due after {@code now}. */
        boolean headAfter(Instant now) {
            int here = (int) (headSlot & (ring.length - 1));
            long seconds = dueSeconds[here];
            return seconds > now.getEpochSecond() || seconds == now.getEpochSecond() && dueNanos[here] > now.getNano();
        }

        /** Takes the head order (there is one). */
        Order pop() {
            int here = (int) (headSlot & (ring.length - 1));
            Order order = ring[here];
            ring[here] = null;
            headSlot++;
            return order;
        }

        private static int compare(long seconds, int nanos, long sequence, long otherSeconds, int otherNanos,
                long otherSequence) {
            int bySeconds = Long.compare(seconds, otherSeconds);
            if (bySeconds != 0) {
                return bySeconds;
            }
            int byNanos = Integer.compare(nanos, otherNanos);
            return byNanos != 0 ? byNanos : Long.compare(sequence, otherSequence);
        }
    }

    /** For tests: slots the lanes and the set still hold, removed orders not yet dropped included. */
    int slotsInUse() {
        int slots = overflow.size();
        for (int i = 0; i < laneCount; i++) {
            slots += (int) (lanes[i].tailSlot - lanes[i].headSlot);
        }
        return slots;
    }

    int lanes() {
        return laneCount;
    }
}

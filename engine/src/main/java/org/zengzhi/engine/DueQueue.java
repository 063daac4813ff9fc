package org.zengzhi.engine;

import java.time.Instant;
import java.util.Comparator;
import java.util.TreeSet;

/**
 * The unsettled orders, earliest due first, ties in payment order. Orders arrive almost sorted: the
 * engine's clock never goes back and a settlement window is a fixed number of days, so the orders of one
 * window fall due in the order they were paid. The queue keeps a few first-in-first-out lanes, each sorted,
 * and takes the smallest of their heads; an order that fits behind no lane's tail goes to a sorted set, so
 * any order of arrival stays correct and the usual one costs no tree node.
 *
 * <p>Removal is lazy: an order remembers its lane and its slot there, and a lane's head that no longer
 * matches is skipped when it reaches the front.
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
            if (lane.head() == null) {
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
        }
        order.lane = NOT_QUEUED;
        size--;
    }

    /** Takes the earliest order due at or before {@code now}, or returns null. */
    Order pollDue(Instant now) {
        Lane from = null;
        Order first = overflow.isEmpty() ? null : overflow.first();
        for (int i = 0; i < laneCount; i++) {
            Order head = lanes[i].head();
            if (head != null && (first == null || DUE_ORDER.compare(head, first) < 0)) {
                first = head;
                from = lanes[i];
            }
        }
        if (first == null || first.dueAt.isAfter(now)) {
            return null;
        }
        if (from == null) {
            overflow.pollFirst();
        } else {
            from.pop();
        }
        first.lane = NOT_QUEUED;
        size--;
        return first;
    }

    int size() {
        return size;
    }

    /**
     * One sorted first-in-first-out lane: a ring of orders, the slot number of its head, and the due time and
     * sequence of the last order appended (kept here because a removed order's due time may change).
     */
    private static final class Lane {
        final int index;
        Order[] ring = new Order[64];
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
            ring[(int) (tailSlot & (ring.length - 1))] = order;
            lastDue = order.dueAt;
            lastSequence = order.sequence;
            return tailSlot++;
        }

        private void grow() {
            Order[] bigger = new Order[ring.length * 2];
            for (long slot = headSlot; slot < tailSlot; slot++) {
                bigger[(int) (slot & (bigger.length - 1))] = ring[(int) (slot & (ring.length - 1))];
            }
            ring = bigger;
        }

        /** The first order still queued here, dropping the removed ones before it; null if none. */
        Order head() {
            while (headSlot < tailSlot) {
                Order order = ring[(int) (headSlot & (ring.length - 1))];
                if (order.lane == index && order.laneSlot == headSlot) {
                    return order;
                }
                pop();
            }
            return null;
        }

        void pop() {
            ring[(int) (headSlot & (ring.length - 1))] = null;
            headSlot++;
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

package org.zengzhi.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Every order by id, and the unsettled ones ordered by due time, then by payment order, so orders that
 * fall due at the same moment settle in the order they were paid.
 */
final class Orders {
    private final OrderTable byId = new OrderTable();
    private final DueQueue due = new DueQueue();
    private long sequence;

    Order find(String id) {
        return byId.find(id);
    }

    /** Reads ahead where the book keeps an order of this id (see {@link BatchPrefetch}); changes nothing. */
    int touch(String id) {
        return byId.touch(id);
    }

    /** Reads ahead where the book keeps this order (its removal at settlement); changes nothing. */
    int touch(Order order) {
        return byId.touch(order.idHash);
    }

    long nextSequence() {
        return sequence++;
    }

    void add(Order order) {
        byId.put(order);
        if (order.status == Order.Status.PAID) {
            due.add(order);
        }
    }

    void reschedule(Order order, Instant dueAt) {
        due.remove(order);
        order.dueAt = dueAt;
        due.add(order);
    }

    /** Takes the earliest order due at or before {@code now}, or returns null. */
    Order pollDue(Instant now) {
        return due.pollDue(now);
    }

    /** Drops a settled order from the book (see {@link Engine#retainSettledOrders(boolean)}). */
    void forget(Order order) {
        byId.remove(order);
    }

    void unschedule(Order order) {
        due.remove(order);
    }

    int count() {
        return byId.size();
    }

    int unsettled() {
        return due.size();
    }

    /**
     * Every order in the book, in payment order. A snapshot of a server, which keeps its settled orders,
     * orders millions here on the writer thread: when most sequence numbers are still in the book, each
     * order is put straight at its number (no comparisons, one pass), else the few left are sorted.
     */
    List<Order> inPaymentOrder() {
        List<Order> orders = byId.values();
        if (sequence > Integer.MAX_VALUE - 8 || (long) orders.size() * 4 < sequence) {
            Order[] sorted = orders.toArray(new Order[0]);
            Arrays.sort(sorted, Comparator.comparingLong((Order order) -> order.sequence));
            return Arrays.asList(sorted);
        }
        Order[] bySequence = new Order[(int) sequence];
        for (Order order : orders) {
            bySequence[(int) order.sequence] = order;
        }
        List<Order> ordered = new ArrayList<>(orders.size());
        for (Order order : bySequence) {
            if (order != null) {
                ordered.add(order);
            }
        }
        return ordered;
    }

    long sequenceCounter() {
        return sequence;
    }

    void restoreSequence(long value) {
        sequence = value;
    }
}

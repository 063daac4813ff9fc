package org.zengzhi.engine.order;

import java.time.Instant;
import java.util.List;

import org.zengzhi.engine.BatchPrefetch;
import org.zengzhi.engine.Engine;

/**
 * Every order by id, and the unsettled ones ordered by due time, then by payment order, so orders that
 * fall due at the same moment settle in the order they were paid.
 */
public final class Orders {
    private final OrderTable byId = new OrderTable();
    private final DueQueue due = new DueQueue();
    private long sequence;

    public Order find(String id) {
        return byId.find(id);
    }

    /** Reads ahead where the book keeps an order of this id (see {@link BatchPrefetch}); changes nothing. */
    public int touch(String id) {
        return byId.touch(id);
    }

    /** Reads ahead where the book keeps this order (its removal at settlement); changes nothing. */
    public int touch(Order order) {
        return byId.touch(order.idHash);
    }

    long nextSequence() {
        return sequence++;
    }

    public void add(Order order) {
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

    public int count() {
        return byId.size();
    }

    public int unsettled() {
        return due.size();
    }

    /** Every order in the book, in payment order (the order book keeps them so, see {@link OrderTable}). */
    public List<Order> inPaymentOrder() {
        return byId.values();
    }

    public long sequenceCounter() {
        return sequence;
    }

    public void restoreSequence(long value) {
        sequence = value;
    }
}

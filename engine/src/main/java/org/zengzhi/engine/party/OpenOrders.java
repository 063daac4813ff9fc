package org.zengzhi.engine.party;

import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * The orders paid and not yet settled or refunded, by handle, in primitive arrays (issue 18 deliver 6). The
 * engine gives handles in payment order and orders settle in payment order after a fixed delay, so the open
 * handles lie in one window {@code [first, first + span)} that moves forward: a ring of slots, one per handle
 * in the window, each a column entry in a dozen arrays. A settled or refunded order leaves an empty slot; the
 * window's start skips empty slots. Paying and settling allocate nothing, and a settlement reads the arrays
 * in the order it wrote them. A handle outside the window widens it (either way), so that any handles work;
 * the window is capped at {@link #SPAN_MAX} handles.
 *
 * <p>Iteration is in handle order, which is what a snapshot writes (the same bytes as the sorted map this
 * replaced).
 */
final class OpenOrders {
    /** The widest window of handles, from the oldest open order to the newest. */
    static final long SPAN_MAX = 1L << 26;
    private static final int INITIAL_CAPACITY = 1024;

    private long first;
    private int span;
    private int count;
    private int mask = INITIAL_CAPACITY - 1;
    /** 0 for an empty slot, else 1 + the {@link PartyOrder.Review}'s ordinal. */
    private byte[] state = new byte[INITIAL_CAPACITY];
    private int[] consumer = new int[INITIAL_CAPACITY];
    private int[] supplier = new int[INITIAL_CAPACITY];
    private int[] product = new int[INITIAL_CAPACITY];
    private int[] quantity = new int[INITIAL_CAPACITY];
    private int[] tier = new int[INITIAL_CAPACITY];
    private int[] promoter = new int[INITIAL_CAPACITY];
    private int[] leader = new int[INITIAL_CAPACITY];
    private int[] inviter = new int[INITIAL_CAPACITY];
    private long[] amountFen = new long[INITIAL_CAPACITY];
    private long[] contribFen = new long[INITIAL_CAPACITY];
    private long[] prepaidFen = new long[INITIAL_CAPACITY];
    private long[] paidSecond = new long[INITIAL_CAPACITY];
    private int[] paidNano = new int[INITIAL_CAPACITY];

    int size() {
        return count;
    }

    boolean contains(long id) {
        return id >= first && id - first < span && state[slot(id)] != 0;
    }

    /** Whether adding {@code id} would keep the window within {@link #SPAN_MAX}. */
    boolean fits(long id) {
        if (count == 0) {
            return true;
        }
        long low = Math.min(first, id);
        long high = Math.max(first + span - 1, id);
        return id >= 0 && high - low < SPAN_MAX;
    }

    /** Adds an order whose handle is not open; {@link #fits} must hold. */
    void add(PartyOrder order) {
        widen(order.id);
        int s = slot(order.id);
        state[s] = (byte) (order.review.ordinal() + 1);
        consumer[s] = order.consumer;
        supplier[s] = order.supplier;
        product[s] = order.product;
        quantity[s] = order.quantity;
        tier[s] = order.tier;
        promoter[s] = order.promoter;
        leader[s] = order.leader;
        inviter[s] = order.inviter;
        amountFen[s] = order.amountFen;
        contribFen[s] = order.contribFen;
        prepaidFen[s] = order.prepaidFen;
        paidSecond[s] = order.paidSecond;
        paidNano[s] = order.paidNano;
        count++;
    }

    /** Copies the open order {@code id} into {@code into} (its held rewards zero); returns it. */
    PartyOrder load(long id, PartyOrder into) {
        int s = slot(id);
        into.id = id;
        into.consumer = consumer[s];
        into.supplier = supplier[s];
        into.product = product[s];
        into.quantity = quantity[s];
        into.tier = tier[s];
        into.promoter = promoter[s];
        into.leader = leader[s];
        into.inviter = inviter[s];
        into.amountFen = amountFen[s];
        into.contribFen = contribFen[s];
        into.prepaidFen = prepaidFen[s];
        into.paidSecond = paidSecond[s];
        into.paidNano = paidNano[s];
        into.review = PartyOrder.Review.values()[state[s] - 1];
        into.heldRebateFen = 0;
        into.heldCommissionFen = 0;
        into.heldAllowanceFen = 0;
        into.heldInviteFen = 0;
        return into;
    }

    void review(long id, PartyOrder.Review review) {
        state[slot(id)] = (byte) (review.ordinal() + 1);
    }

    /** Removes an open order; the window's start moves past empty slots. */
    void remove(long id) {
        state[slot(id)] = 0;
        count--;
        if (count == 0) {
            span = 0;
            return;
        }
        while (state[slot(first)] == 0) {
            first++;
            span--;
        }
        while (state[slot(first + span - 1)] == 0) {
            span--;
        }
    }

    /** Writes the open orders in handle order, each as {@link PartyOrder#write} does. */
    void write(DataOutput out, PartyOrder scratch) throws IOException {
        out.writeInt(count);
        for (long id = first; id < first + span; id++) {
            if (state[slot(id)] != 0) {
                load(id, scratch).write(out);
            }
        }
    }

    private int slot(long id) {
        return (int) id & mask;
    }

    /** Makes the window include {@code id}, growing the arrays when it no longer fits. */
    private void widen(long id) {
        if (count == 0) {
            first = id;
            span = 1;
            return;
        }
        long low = Math.min(first, id);
        long newSpan = Math.max(first + span, id + 1) - low;
        if (newSpan > state.length) {
            grow(newSpan);
        }
        first = low;
        span = (int) newSpan;
    }

    private void grow(long newSpan) {
        int capacity = state.length;
        while (capacity < newSpan) {
            capacity *= 2;
        }
        int oldMask = mask;
        int newMask = capacity - 1;
        byte[] newState = new byte[capacity];
        int[][] ints = {consumer, supplier, product, quantity, tier, promoter, leader, inviter, paidNano};
        long[][] longs = {amountFen, contribFen, prepaidFen, paidSecond};
        int[][] newInts = new int[ints.length][capacity];
        long[][] newLongs = new long[longs.length][capacity];
        for (long id = first; id < first + span; id++) {
            int from = (int) id & oldMask;
            int to = (int) id & newMask;
            newState[to] = state[from];
            for (int a = 0; a < ints.length; a++) {
                newInts[a][to] = ints[a][from];
            }
            for (int a = 0; a < longs.length; a++) {
                newLongs[a][to] = longs[a][from];
            }
        }
        state = newState;
        consumer = newInts[0];
        supplier = newInts[1];
        product = newInts[2];
        quantity = newInts[3];
        tier = newInts[4];
        promoter = newInts[5];
        leader = newInts[6];
        inviter = newInts[7];
        paidNano = newInts[8];
        amountFen = newLongs[0];
        contribFen = newLongs[1];
        prepaidFen = newLongs[2];
        paidSecond = newLongs[3];
        mask = newMask;
    }

    /** Empties the ring (before a snapshot's orders are read into it). */
    void clear() {
        Arrays.fill(state, (byte) 0);
        count = 0;
        span = 0;
    }
}

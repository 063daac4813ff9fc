package org.zengzhi.engine;

import java.util.Arrays;

/**
 * Everyone who ever settled an order, with dense int ids given in order of first sight, and their exit
 * cycle (SPEC ): settled spend and realized value since the last exit, exits so far, cash paid out.
 * Holdings live in the ledger.
 */
final class Participants {
    private final ParticipantIndex index;
    private String[] ids;
    private long[] cycleSpendFen;
    private long[] cycleRealizedFen;
    private int[] exits;
    private long[] paidOutFen;
    private int count;

    Participants(int capacity) {
        index = new ParticipantIndex(capacity);
        ids = new String[capacity];
        cycleSpendFen = new long[capacity];
        cycleRealizedFen = new long[capacity];
        exits = new int[capacity];
        paidOutFen = new long[capacity];
    }

    int count() {
        return count;
    }

    int capacity() {
        return ids.length;
    }

    void growTo(int capacity) {
        ids = Arrays.copyOf(ids, capacity);
        cycleSpendFen = Arrays.copyOf(cycleSpendFen, capacity);
        cycleRealizedFen = Arrays.copyOf(cycleRealizedFen, capacity);
        exits = Arrays.copyOf(exits, capacity);
        paidOutFen = Arrays.copyOf(paidOutFen, capacity);
    }

    /** The dense id of an external id, or −1 if never seen. */
    int find(String id) {
        return index.find(id, ids);
    }

    /** Registers a new participant; the caller has made room. */
    int register(String id) {
        int participant = count++;
        ids[participant] = id;
        index.add(participant, ids, count);
        return participant;
    }

    String[] ids() {
        return ids;
    }

    String id(int participant) {
        return ids[participant];
    }

    long cycleSpend(int participant) {
        return cycleSpendFen[participant];
    }

    long cycleRealized(int participant) {
        return cycleRealizedFen[participant];
    }

    int exits(int participant) {
        return exits[participant];
    }

    long paidOut(int participant) {
        return paidOutFen[participant];
    }

    void addSpend(int participant, long amountFen) {
        cycleSpendFen[participant] = Math.addExact(cycleSpendFen[participant], amountFen);
    }

    void addSale(int participant, long grossFen, long payoutFen) {
        cycleRealizedFen[participant] = Math.addExact(cycleRealizedFen[participant], grossFen);
        paidOutFen[participant] = Math.addExact(paidOutFen[participant], payoutFen);
    }

    /** Closes the cycle after a forced exit: the next purchase starts a new one (复投). */
    void exit(int participant, long payoutFen) {
        paidOutFen[participant] = Math.addExact(paidOutFen[participant], payoutFen);
        exits[participant]++;
        cycleSpendFen[participant] = 0;
        cycleRealizedFen[participant] = 0;
    }

    /** Restores one participant from a snapshot, in dense id order. */
    void restore(String id, long spendFen, long realizedFen, int exitCount, long paidFen) {
        int participant = register(id);
        cycleSpendFen[participant] = spendFen;
        cycleRealizedFen[participant] = realizedFen;
        exits[participant] = exitCount;
        paidOutFen[participant] = paidFen;
    }
}

package org.zengzhi.engine.network;

import java.util.Arrays;

import org.zengzhi.engine.BatchPrefetch;

/**
 * Everyone who ever settled an order, with dense int ids given in order of first sight, and their exit
 * cycle (SPEC ): settled spend and realized value since the last exit, exits so far, cash paid out.
 * Holdings live in the ledger.
 */
public final class Participants {
    private final ParticipantIndex index;
    private String[] ids;
    /** Spend at [2p], realized at [2p + 1]: read together on every order and sale, so kept in one cache line. */
    private long[] cycle;
    private int[] exits;
    private long[] paidOutFen;
    private int[] referrer;
    private int[] boundMerchant;
    private int[] invitees;
    private int[] liveOrders;
    private long[] settledSpendFen;
    private int count;

    public Participants(int capacity) {
        index = new ParticipantIndex(capacity);
        ids = new String[capacity];
        cycle = new long[2 * capacity];
        exits = new int[capacity];
        paidOutFen = new long[capacity];
        referrer = new int[capacity];
        boundMerchant = new int[capacity];
        invitees = new int[capacity];
        liveOrders = new int[capacity];
        settledSpendFen = new long[capacity];
    }

    public int count() {
        return count;
    }

    public int capacity() {
        return ids.length;
    }

    public void growTo(int capacity) {
        ids = Arrays.copyOf(ids, capacity);
        cycle = Arrays.copyOf(cycle, 2 * capacity);
        exits = Arrays.copyOf(exits, capacity);
        paidOutFen = Arrays.copyOf(paidOutFen, capacity);
        referrer = Arrays.copyOf(referrer, capacity);
        boundMerchant = Arrays.copyOf(boundMerchant, capacity);
        invitees = Arrays.copyOf(invitees, capacity);
        liveOrders = Arrays.copyOf(liveOrders, capacity);
        settledSpendFen = Arrays.copyOf(settledSpendFen, capacity);
    }

    /** The dense id of an external id, or −1 if never seen. */
    public int find(String id) {
        return index.find(id, ids);
    }

    /** The participant whose id probably has this hash code, or −1 (see {@link BatchPrefetch}). */
    public int findByHash(int hashCode) {
        return index.findByHash(hashCode);
    }

    /** Reads the participant's cycle (see {@link BatchPrefetch}). */
    public long touchCycle(int participant) {
        return cycle[2 * participant];
    }

    /** Reads what a payment looks up about its payer (see {@link BatchPrefetch}). */
    public long touchPayer(int participant) {
        return referrer[participant] + liveOrders[participant] + boundMerchant[participant]
                + settledSpendFen[participant] + invitees[participant];
    }

    /** Registers a new participant; the caller has made room. */
    public int register(String id) {
        int participant = count++;
        ids[participant] = id;
        referrer[participant] = -1;
        boundMerchant[participant] = -1;
        index.add(participant, ids, count);
        return participant;
    }

    /** The dense id of the participant's referrer, or −1. */
    public int referrer(int participant) {
        return referrer[participant];
    }

    /** The merchant whose pay code bound the participant, or −1. */
    public int boundMerchant(int participant) {
        return boundMerchant[participant];
    }

    public int invitees(int participant) {
        return invitees[participant];
    }

    /** Orders paid and not refunded before settlement: zero means the next order is the first. */
    public int liveOrders(int participant) {
        return liveOrders[participant];
    }

    public long settledSpend(int participant) {
        return settledSpendFen[participant];
    }

    /** Sets or moves the referrer, keeping invitee counts; {@code merchant} ≥ 0 when bound by a pay code. */
    public void bindReferrer(int participant, int newReferrer, int merchant) {
        if (referrer[participant] >= 0) {
            invitees[referrer[participant]]--;
        }
        referrer[participant] = newReferrer;
        invitees[newReferrer]++;
        if (merchant >= 0) {
            boundMerchant[participant] = merchant;
        }
    }

    /** True when {@code ancestor} is {@code participant} or above it in the referral chain. */
    public boolean isAncestor(int ancestor, int participant) {
        for (int p = participant; p >= 0; p = referrer[p]) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    public void addLiveOrder(int participant, int delta) {
        liveOrders[participant] += delta;
    }

    public void addSettledSpend(int participant, long amountFen) {
        settledSpendFen[participant] = Math.addExact(settledSpendFen[participant], amountFen);
    }

    public String[] ids() {
        return ids;
    }

    public String id(int participant) {
        return ids[participant];
    }

    public long cycleSpend(int participant) {
        return cycle[2 * participant];
    }

    public long cycleRealized(int participant) {
        return cycle[2 * participant + 1];
    }

    public int exits(int participant) {
        return exits[participant];
    }

    public long paidOut(int participant) {
        return paidOutFen[participant];
    }

    public void addSpend(int participant, long amountFen) {
        cycle[2 * participant] = Math.addExact(cycle[2 * participant], amountFen);
    }

    public void addSale(int participant, long grossFen, long payoutFen) {
        cycle[2 * participant + 1] = Math.addExact(cycle[2 * participant + 1], grossFen);
        paidOutFen[participant] = Math.addExact(paidOutFen[participant], payoutFen);
    }

    /** Closes the cycle after a forced exit: the next purchase starts a new one (复投). */
    public void exit(int participant, long payoutFen) {
        paidOutFen[participant] = Math.addExact(paidOutFen[participant], payoutFen);
        exits[participant]++;
        cycle[2 * participant] = 0;
        cycle[2 * participant + 1] = 0;
    }

    /** Restores one participant's cycle from a snapshot, in dense id order. */
    public void restore(String id, long spendFen, long realizedFen, int exitCount, long paidFen) {
        int participant = register(id);
        cycle[2 * participant] = spendFen;
        cycle[2 * participant + 1] = realizedFen;
        exits[participant] = exitCount;
        paidOutFen[participant] = paidFen;
    }

    /** Restores one participant's network and order counters from a snapshot. */
    public void restoreNetwork(int participant, int referrerId, int merchant, int inviteeCount, int live, long settled) {
        referrer[participant] = referrerId;
        boundMerchant[participant] = merchant;
        invitees[participant] = inviteeCount;
        liveOrders[participant] = live;
        settledSpendFen[participant] = settled;
    }
}

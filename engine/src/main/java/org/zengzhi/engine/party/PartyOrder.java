package org.zengzhi.engine.party;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * An order the model holds: settled with its rewards held for verification, or an open order copied out of
 * {@link OpenOrders} to be settled (the fields are not final so that one instance can be reused for that).
 */
final class PartyOrder {
    /** Where the risk check and the operator's verification left the order. */
    enum Review {
        CLEAR, FLAGGED, APPROVED, REFUSED
    }

    long id;
    int consumer;
    int supplier;
    int product;
    int quantity;
    long amountFen;
    long contribFen;
    long prepaidFen;
    int tier;
    int promoter;
    int leader;
    int inviter;
    long paidSecond;
    int paidNano;
    Review review;
    /** Rewards of a settled, flagged order kept in escrow: rebate, commission, allowance, invite reward. */
    long heldRebateFen;
    long heldCommissionFen;
    long heldAllowanceFen;
    long heldInviteFen;

    PartyOrder(long id, int consumer, int supplier, int product, int quantity, long amountFen, long contribFen,
               long prepaidFen, int tier, int promoter, int leader, int inviter, long paidSecond, int paidNano,
               Review review) {
        this.id = id;
        this.consumer = consumer;
        this.supplier = supplier;
        this.product = product;
        this.quantity = quantity;
        this.amountFen = amountFen;
        this.contribFen = contribFen;
        this.prepaidFen = prepaidFen;
        this.tier = tier;
        this.promoter = promoter;
        this.leader = leader;
        this.inviter = inviter;
        this.paidSecond = paidSecond;
        this.paidNano = paidNano;
        this.review = review;
    }

    PartyOrder() {
    }

    /** A copy, for an order that leaves the ring to wait for verification. */
    PartyOrder copy() {
        PartyOrder copy = new PartyOrder(id, consumer, supplier, product, quantity, amountFen, contribFen, prepaidFen,
                tier, promoter, leader, inviter, paidSecond, paidNano, review);
        copy.heldRebateFen = heldRebateFen;
        copy.heldCommissionFen = heldCommissionFen;
        copy.heldAllowanceFen = heldAllowanceFen;
        copy.heldInviteFen = heldInviteFen;
        return copy;
    }

    /** Whether {@code at} (epoch second and nano) comes before the payment plus {@code delay}. */
    boolean before(long atSecond, int atNano, java.time.Duration delay) {
        long dueSecond = Math.addExact(paidSecond, delay.getSeconds());
        long dueNano = (long) paidNano + delay.getNano();
        if (dueNano >= 1_000_000_000L) {
            dueSecond = Math.addExact(dueSecond, 1);
            dueNano -= 1_000_000_000L;
        }
        return atSecond < dueSecond || atSecond == dueSecond && atNano < dueNano;
    }

    long heldFen() {
        return heldRebateFen + heldCommissionFen + heldAllowanceFen + heldInviteFen;
    }

    void write(DataOutput out) throws IOException {
        out.writeLong(id);
        out.writeInt(consumer);
        out.writeInt(supplier);
        out.writeInt(product);
        out.writeInt(quantity);
        out.writeLong(amountFen);
        out.writeLong(contribFen);
        out.writeLong(prepaidFen);
        out.writeInt(tier);
        out.writeInt(promoter);
        out.writeInt(leader);
        out.writeInt(inviter);
        out.writeLong(paidSecond);
        out.writeInt(paidNano);
        out.writeByte(review.ordinal());
        out.writeLong(heldRebateFen);
        out.writeLong(heldCommissionFen);
        out.writeLong(heldAllowanceFen);
        out.writeLong(heldInviteFen);
    }

    static PartyOrder read(DataInput in) throws IOException {
        PartyOrder order = new PartyOrder(in.readLong(), in.readInt(), in.readInt(), in.readInt(), in.readInt(),
                in.readLong(), in.readLong(), in.readLong(), in.readInt(), in.readInt(), in.readInt(), in.readInt(),
                in.readLong(), in.readInt(), null);
        order.review = Review.values()[in.readByte()];
        order.heldRebateFen = in.readLong();
        order.heldCommissionFen = in.readLong();
        order.heldAllowanceFen = in.readLong();
        order.heldInviteFen = in.readLong();
        return order;
    }
}

package org.zengzhi.engine.party;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;

/** An order the model holds: paid and open, or settled with its rewards held for verification. */
final class PartyOrder {
    /** Where the risk check and the operator's verification left the order. */
    enum Review {
        CLEAR, FLAGGED, APPROVED, REFUSED
    }

    final long id;
    final int consumer;
    final int supplier;
    final int product;
    final int quantity;
    final long amountFen;
    final long contribFen;
    final long prepaidFen;
    final int tier;
    final int promoter;
    final int leader;
    final int inviter;
    final Instant paidAt;
    Review review;
    /** Rewards of a settled, flagged order kept in escrow: rebate, commission, allowance, invite reward. */
    long heldRebateFen;
    long heldCommissionFen;
    long heldAllowanceFen;
    long heldInviteFen;

    PartyOrder(long id, int consumer, int supplier, int product, int quantity, long amountFen, long contribFen,
               long prepaidFen, int tier, int promoter, int leader, int inviter, Instant paidAt, Review review) {
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
        this.paidAt = paidAt;
        this.review = review;
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
        out.writeLong(paidAt.getEpochSecond());
        out.writeInt(paidAt.getNano());
        out.writeByte(review.ordinal());
        out.writeLong(heldRebateFen);
        out.writeLong(heldCommissionFen);
        out.writeLong(heldAllowanceFen);
        out.writeLong(heldInviteFen);
    }

    static PartyOrder read(DataInput in) throws IOException {
        PartyOrder order = new PartyOrder(in.readLong(), in.readInt(), in.readInt(), in.readInt(), in.readInt(),
                in.readLong(), in.readLong(), in.readLong(), in.readInt(), in.readInt(), in.readInt(), in.readInt(),
                Instant.ofEpochSecond(in.readLong(), in.readInt()), null);
        order.review = Review.values()[in.readByte()];
        order.heldRebateFen = in.readLong();
        order.heldCommissionFen = in.readLong();
        order.heldAllowanceFen = in.readLong();
        order.heldInviteFen = in.readLong();
        return order;
    }
}

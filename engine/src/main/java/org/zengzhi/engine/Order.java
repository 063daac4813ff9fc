package org.zengzhi.engine;

import java.time.Instant;

/** A paid order and what it will do at settlement. Mutable only in its lifecycle fields. */
final class Order {
    enum Status { PAID, SETTLED, REFUNDED }

    final String id;
    final long sequence;
    final int participant;
    final int merchant;
    final Channel channel;
    final long amountFen;
    final long deductFen;
    final String region;
    final OrderSplit split;
    final Reward[] rewards;
    final int[] rewardOwners;
    final long deductGrantedFen;
    final long contributionFen;
    final Instant paidAt;
    Instant dueAt;
    boolean received;
    Status status = Status.PAID;
    /** Where the {@link DueQueue} holds this order, or {@link DueQueue#NOT_QUEUED}. */
    int lane = DueQueue.NOT_QUEUED;
    long laneSlot;

    Order(String id, long sequence, int participant, int merchant, Channel channel, long amountFen, long deductFen,
            String region, OrderSplit split, Reward[] rewards, int[] rewardOwners, long deductGrantedFen,
            long contributionFen, Instant paidAt, Instant dueAt) {
        this.id = id;
        this.sequence = sequence;
        this.participant = participant;
        this.merchant = merchant;
        this.channel = channel;
        this.amountFen = amountFen;
        this.deductFen = deductFen;
        this.region = region;
        this.split = split;
        this.rewards = rewards;
        this.rewardOwners = rewardOwners;
        this.deductGrantedFen = deductGrantedFen;
        this.contributionFen = contributionFen;
        this.paidAt = paidAt;
        this.dueAt = dueAt;
    }

    /** The merchant's (or supplier's) share and the merchant's mall rebate go to the merchant at settlement. */
    boolean hasMerchant() {
        return merchant >= 0;
    }
}

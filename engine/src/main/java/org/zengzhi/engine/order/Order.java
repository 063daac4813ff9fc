package org.zengzhi.engine.order;

import java.time.Instant;

import org.zengzhi.engine.RegionLevel;

/** A paid order and what it will do at settlement. Mutable only in its lifecycle fields. */
public final class Order {
    public enum Status { PAID, SETTLED, REFUNDED }

    private static final RewardKind[] KINDS = RewardKind.values();
    private static final RegionLevel[] LEVELS = RegionLevel.values();

    public final String id;
    /** {@code id.hashCode()}, so the order book finds and removes this order without reading its id. */
    final int idHash;
    public final long sequence;
    public final int participant;
    public final int merchant;
    public final Channel channel;
    public final long amountFen;
    public final long deductFen;
    public final String region;
    /**
     * The split's parts (its amount is {@link #amountFen}), held in the order itself rather than in an
     * {@link OrderSplit} beside it: an unsettled order may wait weeks, and settling it reads them.
     */
    final long commissionFen;
    final long merchantFen;
    final long platformFen;
    final long distributionFen;
    public final long poolFen;
    final long roundingFen;
    final long rewardsFen;
    final long distributionLeftFen;
    /**
     * The rewards, three longs each (one array instead of a record per reward, since an unsettled order may
     * wait weeks in memory): owner's dense id | kind &lt;&lt; 32 | (agent level + 1) &lt;&lt; 40, nominal fen, paid fen.
     * {@link OrderFlow#rewardsOf} rebuilds the {@link Reward}s.
     */
    public final long[] rewardData;
    public final long deductGrantedFen;
    public final long contributionFen;
    public final Instant paidAt;
    public Instant dueAt;
    public boolean received;
    public Status status = Status.PAID;
    /**
     * The part of the amount paid with vouchers (green points, issue 17 rule 6); set after construction by the
     * payment and by the green snapshot part, so plans without green points never see it.
     */
    public long voucherFen;
    /** Where the {@link DueQueue} holds this order, or {@link DueQueue#NOT_QUEUED}. */
    int lane = DueQueue.NOT_QUEUED;
    long laneSlot;

    public Order(String id, long sequence, int participant, int merchant, Channel channel, long amountFen, long deductFen,
            String region, OrderSplit split, long[] rewardData, long deductGrantedFen,
            long contributionFen, Instant paidAt, Instant dueAt) {
        if (split.amountFen() != amountFen) {
            throw new IllegalArgumentException("order " + id + ": split of " + split.amountFen() + " fen, order of "
                    + amountFen);
        }
        this.id = id;
        this.idHash = id.hashCode();
        this.sequence = sequence;
        this.participant = participant;
        this.merchant = merchant;
        this.channel = channel;
        this.amountFen = amountFen;
        this.deductFen = deductFen;
        this.region = region;
        this.commissionFen = split.commissionFen();
        this.merchantFen = split.merchantFen();
        this.platformFen = split.platformFen();
        this.distributionFen = split.distributionFen();
        this.poolFen = split.poolFen();
        this.roundingFen = split.roundingFen();
        this.rewardsFen = split.rewardsFen();
        this.distributionLeftFen = split.distributionLeftFen();
        this.rewardData = rewardData;
        this.deductGrantedFen = deductGrantedFen;
        this.contributionFen = contributionFen;
        this.paidAt = paidAt;
        this.dueAt = dueAt;
    }

    /** The order's split as a record, for events and snapshots. */
    public OrderSplit split() {
        return new OrderSplit(amountFen, commissionFen, merchantFen, platformFen, distributionFen, poolFen, roundingFen,
                rewardsFen, distributionLeftFen);
    }

    /** Packs the first {@code count} rewards and their owners' dense ids into {@link #rewardData}. */
    public static long[] packRewards(Reward[] rewards, int[] owners, int count) {
        long[] data = new long[3 * count];
        for (int i = 0; i < count; i++) {
            Reward reward = rewards[i];
            data[3 * i] = rewardKey(owners[i], reward.kind(), reward.level());
            data[3 * i + 1] = reward.nominalFen();
            data[3 * i + 2] = reward.amountFen();
        }
        return data;
    }

    /** The first of a reward's three longs in {@link #rewardData}: owner, kind and agent level (null for none). */
    static long rewardKey(int owner, RewardKind kind, RegionLevel level) {
        long levelCode = level == null ? 0 : level.ordinal() + 1;
        return (owner & 0xFFFF_FFFFL) | (long) kind.ordinal() << 32 | levelCode << 40;
    }

    public int rewardCount() {
        return rewardData.length / 3;
    }

    public int rewardOwner(int i) {
        return (int) rewardData[3 * i];
    }

    public RewardKind rewardKind(int i) {
        return KINDS[(int) (rewardData[3 * i] >>> 32) & 0xFF];
    }

    /** The agent level, or null for a reward that is not an agent's. */
    RegionLevel rewardLevel(int i) {
        int level = (int) (rewardData[3 * i] >>> 40) & 0xFF;
        return level == 0 ? null : LEVELS[level - 1];
    }

    long rewardNominalFen(int i) {
        return rewardData[3 * i + 1];
    }

    public long rewardAmountFen(int i) {
        return rewardData[3 * i + 2];
    }

    /** The merchant's (or supplier's) share and the merchant's mall rebate go to the merchant at settlement. */
    boolean hasMerchant() {
        return merchant >= 0;
    }
}

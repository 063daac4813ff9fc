package org.zengzhi.engine.order;

import org.zengzhi.engine.RegionLevel;

/**
 * Computes an order's rewards: each nominal reward is ⌊A·rate⌋ (agents: the
 * differential), drawn from the distribution budget in the fixed order direct, indirect, first order,
 * recruitment, district, city and province agents, merchant mall rebate; a reward larger than what is
 * left is cut to the remainder. Rewards with no recipient or a zero nominal amount are not created.
 *
 * <p>One plan is reused from order to order ({@link #reset}); the rewards are kept in arrays, and a
 * {@link Reward} record is built only when an event asks for it ({@link #reward}).
 */
final class RewardPlan {
    /** Direct, indirect, first order, recruitment, three agent levels and the mall rebate. */
    private static final int MOST = 4 + RegionLevel.values().length + 1;

    private final RewardKind[] kinds = new RewardKind[MOST];
    private final int[] owners = new int[MOST];
    private final String[] recipients = new String[MOST];
    private final RegionLevel[] levels = new RegionLevel[MOST];
    private final String[] regions = new String[MOST];
    private final long[] nominalFen = new long[MOST];
    private final long[] amountFen = new long[MOST];
    private int count;
    private long remainingFen;

    /** Starts the plan of a new order with {@code distributionFen} to share out. */
    RewardPlan reset(long distributionFen) {
        for (int i = 0; i < count; i++) {
            recipients[i] = null;
            regions[i] = null;
        }
        count = 0;
        remainingFen = distributionFen;
        return this;
    }

    /** Adds a reward to a participant (or, for the mall rebate, a merchant) with dense id {@code owner}. */
    void add(RewardKind kind, int owner, String recipient, RegionLevel level, String region, long nominal) {
        if (owner < 0 || nominal <= 0) {
            return;
        }
        long amount = Math.min(nominal, remainingFen);
        remainingFen -= amount;
        kinds[count] = kind;
        owners[count] = owner;
        recipients[count] = recipient;
        levels[count] = level;
        regions[count] = region;
        nominalFen[count] = nominal;
        amountFen[count] = amount;
        count++;
    }

    long paidFen(long distributionFen) {
        return distributionFen - remainingFen;
    }

    int count() {
        return count;
    }

    Reward reward(int i) {
        return new Reward(kinds[i], recipients[i], levels[i], regions[i], nominalFen[i], amountFen[i]);
    }

    /** The rewards and their owners packed as {@link Order#rewardData}. */
    long[] packed() {
        long[] data = new long[3 * count];
        for (int i = 0; i < count; i++) {
            data[3 * i] = Order.rewardKey(owners[i], kinds[i], levels[i]);
            data[3 * i + 1] = nominalFen[i];
            data[3 * i + 2] = amountFen[i];
        }
        return data;
    }
}

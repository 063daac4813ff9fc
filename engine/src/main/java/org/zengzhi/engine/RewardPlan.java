package org.zengzhi.engine;

/**
 * Computes an order's rewards: each nominal reward is ⌊A·rate⌋ (agents: the
 * differential), drawn from the distribution budget in the fixed order direct, indirect, first order,
 * recruitment, district, city and province agents, merchant mall rebate; a reward larger than what is
 * left is cut to the remainder. Rewards with no recipient or a zero nominal amount are not created.
 */
final class RewardPlan {
    /** Direct, indirect, first order, recruitment, three agent levels and the mall rebate. */
    private static final int MOST = 4 + RegionLevel.values().length + 1;

    private final Reward[] rewards = new Reward[MOST];
    private final int[] owners = new int[MOST];
    private int count;
    private long remainingFen;

    RewardPlan(long distributionFen) {
        this.remainingFen = distributionFen;
    }

    /** Adds a reward to a participant (or, for the mall rebate, a merchant) with dense id {@code owner}. */
    void add(RewardKind kind, int owner, String recipient, RegionLevel level, String region, long nominalFen) {
        if (owner < 0 || nominalFen <= 0) {
            return;
        }
        long amount = Math.min(nominalFen, remainingFen);
        remainingFen -= amount;
        rewards[count] = new Reward(kind, recipient, level, region, nominalFen, amount);
        owners[count++] = owner;
    }

    long paidFen(long distributionFen) {
        return distributionFen - remainingFen;
    }

    int count() {
        return count;
    }

    Reward reward(int i) {
        return rewards[i];
    }

    /** The rewards and their owners packed as {@link Order#rewardData}. */
    long[] packed() {
        return Order.packRewards(rewards, owners, count);
    }
}

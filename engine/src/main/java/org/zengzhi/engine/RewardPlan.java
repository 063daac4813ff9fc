package org.zengzhi.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Computes an order's rewards: each nominal reward is ⌊A·rate⌋ (agents: the
 * differential), drawn from the distribution budget in the fixed order direct, indirect, first order,
 * recruitment, district, city and province agents, merchant mall rebate; a reward larger than what is
 * left is cut to the remainder. Rewards with no recipient or a zero nominal amount are not created.
 */
final class RewardPlan {
    private final List<Reward> rewards = new ArrayList<>();
    private final List<Integer> owners = new ArrayList<>();
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
        rewards.add(new Reward(kind, recipient, level, region, nominalFen, amount));
        owners.add(owner);
    }

    long paidFen(long distributionFen) {
        return distributionFen - remainingFen;
    }

    Reward[] rewards() {
        return rewards.toArray(new Reward[0]);
    }

    int[] owners() {
        return owners.stream().mapToInt(Integer::intValue).toArray();
    }
}

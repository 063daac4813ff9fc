package org.zengzhi.engine.order;

import org.zengzhi.engine.RegionLevel;

/**
 * One reward of one order: {@code nominalFen} = ⌊A·rate⌋ (for agents, the differential), {@code amountFen}
 * what the distribution budget could pay (less than nominal when the budget ran out: the cut is reported).
 * {@code recipient} is a user id, or a merchant id for {@link RewardKind#MALL_REBATE}; {@code level} and
 * {@code region} are set for agent rewards only.
 */
public record Reward(RewardKind kind, String recipient, RegionLevel level, String region, long nominalFen,
        long amountFen) {

    public boolean toMerchant() {
        return kind.toMerchant();
    }

    public long cutFen() {
        return nominalFen - amountFen;
    }
}

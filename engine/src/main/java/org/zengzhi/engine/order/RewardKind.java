package org.zengzhi.engine.order;

/** The distribution rewards, in the order they are drawn from an order's budget. */
public enum RewardKind {
    /** To the consumer's referrer (直推, R-4.2). */
    DIRECT,
    /** To the referrer's referrer (间推, R-4.2). */
    INDIRECT,
    /** To the referrer on the invitee's first order (首单, R-4.3). */
    FIRST_ORDER,
    /** To whoever recruited the merchant (招商奖励, R-4.4). */
    RECRUITMENT,
    /** To the regional agents, by differential (区代/市代/省代, R-4.5). */
    AGENT,
    /** To the merchant who bound the consumer, on the consumer's mall cash (商家返点, R-3.10). */
    MALL_REBATE;

    /** Whether the recipient is a merchant (the mall rebate) rather than a participant. */
    public boolean toMerchant() {
        return this == MALL_REBATE;
    }
}

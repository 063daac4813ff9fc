package org.zengzhi.engine.order;

/**
 * How an order's cash is divided, in fen. Store orders: {@code commissionFen} C = ⌊A·r⌋, the
 * merchant gets A − C; mall orders: the merchant (or the supplier) gets the product cost. The platform,
 * distribution and pool parts come from the commission (store) or the product split (mall); the rewards
 * are drawn from the distribution budget and what they leave ({@code distributionLeftFen}) is platform
 * revenue; {@code roundingFen} is the dust of the rounding down.
 */
public record OrderSplit(long amountFen, long commissionFen, long merchantFen, long platformFen,
        long distributionFen, long poolFen, long roundingFen, long rewardsFen, long distributionLeftFen) {
}

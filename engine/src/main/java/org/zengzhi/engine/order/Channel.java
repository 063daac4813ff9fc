package org.zengzhi.engine.order;

/** Where an order was paid. */
public enum Channel {
    /** In a merchant's store through its pay code: the merchant-commission split (本地生活). */
    STORE,
    /** In the platform mall: the product-margin split. */
    MALL,
    /**
     * In the coin mall (金币商城) of the green-points model, paid wholly with gold coins: settled at once, earning
     * nothing (issue 17 rule 6); kept in the order book as settled and refundable (issue 20 item 1).
     */
    COIN
}

package org.zengzhi.engine.order;

/** Where an order was paid. */
public enum Channel {
    /** In a merchant's store through its pay code: the merchant-commission split (本地生活). */
    STORE,
    /** In the platform mall: the product-margin split. */
    MALL
}

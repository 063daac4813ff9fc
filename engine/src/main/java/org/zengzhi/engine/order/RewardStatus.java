package org.zengzhi.engine.order;

/** Where a reward stands. */
public enum RewardStatus {
    /** Computed at payment, not yet effective. */
    PENDING,
    /** Effective at settlement: in the recipient's wallet. */
    AVAILABLE,
    /** The order was refunded before settlement. */
    CANCELLED,
    /** The order was refunded after settlement and the plan takes effective rewards back. */
    CLAWED_BACK
}

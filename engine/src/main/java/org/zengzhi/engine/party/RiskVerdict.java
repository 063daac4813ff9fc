package org.zengzhi.engine.party;

/** Why the risk check flagged an order, if it did. */
public enum RiskVerdict {
    /** Not flagged. */
    CLEAR,
    /** The n-th order from one device within the window. */
    DEVICE,
    /** The n-th order from one IP within the window. */
    IP,
    /** Both. */
    DEVICE_AND_IP,
    /** The window's store is full: flagged for review rather than let through unseen. */
    STORE_FULL
}

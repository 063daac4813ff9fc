package org.zengzhi.engine.ledger;

/** Who an account belongs to (SPEC ). */
public enum OwnerKind {
    USER,
    MERCHANT,
    POOL,
    PLATFORM,
    EXTERNAL
}

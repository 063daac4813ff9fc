package org.zengzhi.engine.ledger;

/** Who an account belongs to (SPEC ). */
public enum OwnerKind {
    USER,
    MERCHANT,
    POOL,
    PLATFORM,
    EXTERNAL,
    /** A supplier of the four-party model (供应商), an owner of its own: not a user, not a merchant. */
    SUPPLIER
}

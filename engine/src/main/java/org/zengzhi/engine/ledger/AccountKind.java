package org.zengzhi.engine.ledger;

/** What a balance means for its owner (SPEC ). */
public enum AccountKind {
    /** Spendable now; never negative for participants. */
    AVAILABLE,
    /** Earned but not yet effective (before settlement) or held back. */
    PENDING,
    /** Owed to the owner by someone outside the ledger. */
    RECEIVABLE,
    /** The counterpart of value created or destroyed by the platform, such as point issuance. */
    CONTRA
}

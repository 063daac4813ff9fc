package org.zengzhi.engine.withdrawal;

/** Where a withdrawal stands: REQUESTED → APPROVED → PAID, or REJECTED / FAILED with the funds back. */
public enum WithdrawalState {
    /** Waiting for an operator's review; the amount is frozen. */
    REQUESTED,
    /** Approved, waiting for the payout provider; the amount is frozen. */
    APPROVED,
    /** Paid out: the fee went to the platform, the rest left the ledger. Final. */
    PAID,
    /** Refused by an operator; the amount is back in the wallet. Final. */
    REJECTED,
    /** The payout failed; the amount is back in the wallet. Final. */
    FAILED;

    /** True while the amount is frozen, waiting for a review or a payout. */
    public boolean open() {
        return this == REQUESTED || this == APPROVED;
    }
}

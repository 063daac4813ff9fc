package org.zengzhi.engine.party;

/**
 * The accounts the four-party model posts to. The engine maps each to its own ledger account when the
 * model is wired in; an account is this kind plus an owner (a holder's or a supplier's dense handle, or
 * {@link PartyPostings#NO_OWNER} for the platform-wide ones).
 */
public enum PartyAccount {
    /** Money outside the ledger: payments in, refunds and costs out. Its balance is the negative of what came in. */
    WORLD(PartyAsset.CNY, true, false),
    /** The custody provider's escrow of customer money (平台不设资金池): never negative. */
    ESCROW(PartyAsset.CNY, false, false),
    /** The platform's own income and spending. It may go below zero: that is a loss, not a wallet overdrawn. */
    PLATFORM(PartyAsset.CNY, true, false),
    /** The remainders (dust) of every waterfall. */
    ROUNDING(PartyAsset.CNY, false, false),
    /** Cash set aside 1:1 for every unit of contribution value outstanding. */
    CONTRIB_RESERVE(PartyAsset.CNY, false, false),
    /** A holder's cash wallet. */
    HOLDER_CASH(PartyAsset.CNY, false, true),
    /** A holder's contribution value. */
    HOLDER_CONTRIB(PartyAsset.CONTRIB, false, true),
    /** Contribution value outstanding, as the negative balance of its issuer. */
    CONTRIB_ISSUED(PartyAsset.CONTRIB, true, false),
    /** A supplier's cash. */
    SUPPLIER_CASH(PartyAsset.CNY, false, true),
    /** What a supplier owes: negative while the platform has advanced a claw-back it could not pay. */
    SUPPLIER_RECEIVABLE(PartyAsset.CNY, true, true),
    /** A supplier's deposit (保证金). */
    SUPPLIER_DEPOSIT(PartyAsset.CNY, false, true),
    /** A supplier's tokens. */
    SUPPLIER_STOKEN(PartyAsset.STOKEN, false, true),
    /** Supplier tokens outstanding, as the negative balance of their issuer. */
    STOKEN_ISSUED(PartyAsset.STOKEN, true, false);

    private final PartyAsset asset;
    private final boolean mayBeNegative;
    private final boolean owned;

    PartyAccount(PartyAsset asset, boolean mayBeNegative, boolean owned) {
        this.asset = asset;
        this.mayBeNegative = mayBeNegative;
        this.owned = owned;
    }

    public PartyAsset asset() {
        return asset;
    }

    /** Whether a negative balance is legitimate here (an issuer, the outside world, a debt, the platform's result). */
    public boolean mayBeNegative() {
        return mayBeNegative;
    }

    /** Whether the account belongs to one holder or supplier, so that a posting names its owner. */
    public boolean owned() {
        return owned;
    }
}

package org.zengzhi.engine.party;

/**
 * The port through which the four-party model moves value in the engine's double-entry ledger. Each
 * call is one movement of a positive amount from the movement's source account to its destination, of
 * one asset, so that every command's postings sum to zero per asset. The model never posts zero.
 */
public interface PartyPostings {
    /** The owner of an account that belongs to nobody in particular (escrow, reserve, platform, world). */
    int NO_OWNER = -1;

    /**
     * Moves {@code amount} from {@code movement.from()} owned by {@code fromOwner} to {@code movement.to()}
     * owned by {@code toOwner}; an owner is {@link #NO_OWNER} where the account is not owned.
     */
    void post(Movement movement, int fromOwner, int toOwner, long amount);

    /**
     * The supplier's available cash in the ledger now. A claw-back takes no more than this and books the
     * rest as a receivable, because the supplier's available balance may never go negative.
     */
    long supplierCashFen(int supplier);

    /** The ledger's escrow balance now, which a custody statement is compared with. */
    long escrowFen();
}

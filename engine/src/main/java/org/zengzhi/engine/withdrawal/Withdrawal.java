package org.zengzhi.engine.withdrawal;

import java.time.Instant;

/**
 * A withdrawal from a user's CNY wallet as the outside sees it. {@code amountFen} left the wallet
 * when it was requested; of it {@code feeFen} goes to the platform and {@link #payoutFen()} to the user's
 * bank when it is paid. A store's withdrawal (issue 19 item 2) names its {@code merchant}, a supplier's its
 * {@code supplier}; {@code user} is then the owner. {@code reason} is the operator's review note, {@code providerReference} the payout
 * provider's id of the payment; either may be null.
 */
public record Withdrawal(String id, String user, long amountFen, long feeFen, WithdrawalState state,
        Instant requestedAt, String reason, String providerReference, String merchant, String supplier) {

    /** A withdrawal from a user's own wallet ({@code merchant} names the store of a store's, issue 19). */
    public Withdrawal(String id, String user, long amountFen, long feeFen, WithdrawalState state, Instant requestedAt,
            String reason, String providerReference) {
        this(id, user, amountFen, feeFen, state, requestedAt, reason, providerReference, null, null);
    }

    /** A supplier's withdrawal (issue 19 item 2): {@code supplier} names it, {@code user} is its owner. */
    public boolean fromSupplier() {
        return supplier != null;
    }

    /** The store whose cash this is, or null for a user's own wallet. */
    public boolean fromStore() {
        return merchant != null;
    }

    public long payoutFen() {
        return amountFen - feeFen;
    }

    Withdrawal reviewed(WithdrawalState next, String note) {
        return new Withdrawal(id, user, amountFen, feeFen, next, requestedAt, note, providerReference, merchant, supplier);
    }

    Withdrawal settled(WithdrawalState next, String reference) {
        return new Withdrawal(id, user, amountFen, feeFen, next, requestedAt, reason, reference, merchant, supplier);
    }
}

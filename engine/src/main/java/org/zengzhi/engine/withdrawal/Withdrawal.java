package org.zengzhi.engine.withdrawal;

import java.time.Instant;

/**
 * A withdrawal from a user's CNY wallet as the outside sees it. {@code amountFen} left the wallet
 * when it was requested; of it {@code feeFen} goes to the platform and {@link #payoutFen()} to the user's
 * bank when it is paid. {@code reason} is the operator's review note, {@code providerReference} the payout
 * provider's id of the payment; either may be null.
 */
public record Withdrawal(String id, String user, long amountFen, long feeFen, WithdrawalState state,
        Instant requestedAt, String reason, String providerReference) {

    public long payoutFen() {
        return amountFen - feeFen;
    }

    Withdrawal reviewed(WithdrawalState next, String note) {
        return new Withdrawal(id, user, amountFen, feeFen, next, requestedAt, note, providerReference);
    }

    Withdrawal settled(WithdrawalState next, String reference) {
        return new Withdrawal(id, user, amountFen, feeFen, next, requestedAt, reason, reference);
    }
}

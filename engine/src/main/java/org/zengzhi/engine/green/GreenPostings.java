package org.zengzhi.engine.green;

/**
 * The effects of the green-points model on the engine's double-entry ledger (issue 17, rules 1, 4, 5). The
 * model calls these in a deterministic order and never with a zero amount; the engine turns each into
 * balanced postings (points by pool against the pool's issue account, vouchers and coins against the
 * settlement centre's liabilities). The cash of an order (its 让利 to the settlement centre, vouchers
 * spent, coin-mall sales) is the order flow's, not this port's. Holders are the engine's dense handles:
 * participants in the consumer pool, merchants in the merchant pool.
 */
public interface GreenPostings {

    /** {@code holder} earned {@code centipoints} green points into {@code pool} (a new lot). */
    void pointsEarned(GreenPool pool, int holder, long centipoints);

    /** Consumer {@code user} earned {@code fen} gold coins (金币), owed by the settlement centre. */
    void coinsEarned(int user, long fen);

    /** Merchant {@code merchant}, bound to a consumer who earned points, receives {@code fen} vouchers. */
    void boundVouchersPaid(int merchant, long fen);

    /** A dividend of {@code pool} pays {@code holder} {@code fen} vouchers for one of its lots. */
    void dividendVouchersPaid(GreenPool pool, int holder, long fen);

    /**
     * A lot of {@code holder} retired after {@code periods} paid periods and {@code vouchersFen} vouchers in
     * total: its {@code centipoints} leave the holder's balance (转化); the pool's value does not change.
     */
    void lotRetired(GreenPool pool, int holder, long centipoints, int periods, long vouchersFen);
}

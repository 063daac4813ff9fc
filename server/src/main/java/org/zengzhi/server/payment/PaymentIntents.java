package org.zengzhi.server.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.zengzhi.engine.order.Channel;
import org.zengzhi.engine.order.MallSplitFen;
import org.zengzhi.server.journal.ReadModelWrite;

/** The {@code payment_intents} table. Unique keys on order, Idempotency-Key and provider transaction. */
public final class PaymentIntents {
    private static final String COLUMNS = "payment_id, idem_key, request_hash, order_id, user_id, merchant_id, channel, "
            + "amount_fen, deduct_fen, split_cost_fen, split_distribution_fen, split_platform_fen, split_pool_fen, region, "
            + "provider, provider_transaction, pay_url, status, failure_code, created_at, paid_at, provider_refund, refunded_at, voucher_fen, party_purchase";

    private final JdbcTemplate jdbc;

    public PaymentIntents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new intent; a duplicate order, key or transaction throws DuplicateKeyException. */
    void insert(PaymentIntent intent) {
        PaymentRequest request = intent.request();
        MallSplitFen split = request.split();
        jdbc.update("INSERT INTO payment_intents (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", intent.payment(), intent.idempotencyKey(), intent.requestHash(), request.order(),
                request.user(), request.merchant(), request.channel().name(), request.amountFen(), request.deductFen(),
                split == null ? null : split.costFen(), split == null ? null : split.distributionFen(),
                split == null ? null : split.platformFen(), split == null ? null : split.poolFen(), request.region(),
                intent.provider(), intent.providerTransaction(), intent.payUrl(), intent.status().name(),
                intent.failureCode(), Timestamp.from(intent.createdAt()), null, null, null, request.voucherFen(),
                intent.party() == null ? null : intent.party().json());
    }

    /** Stores the cart a payment was priced from, line by line. */
    void insertItems(String payment, List<Pricing.Item> items) {
        for (int line = 0; line < items.size(); line++) {
            jdbc.update("INSERT INTO payment_items (payment_id, line, product_id, quantity) VALUES (?, ?, ?, ?)",
                    payment, line, items.get(line).product(), items.get(line).quantity());
        }
    }

    /** The cart of a payment, empty for a payment that names no products. */
    List<Pricing.Item> items(String payment) {
        return jdbc.query("SELECT product_id, quantity FROM payment_items WHERE payment_id = ? ORDER BY line",
                (rs, i) -> new Pricing.Item(rs.getString(1), rs.getLong(2)), payment);
    }

    PaymentIntent byPayment(String payment) {
        return one("payment_id = ?", payment);
    }

    PaymentIntent byIdempotencyKey(String key) {
        return one("idem_key = ?", key);
    }

    PaymentIntent byOrder(String order) {
        return one("order_id = ?", order);
    }

    PaymentIntent byProviderTransaction(String provider, String transaction) {
        return one("provider = ? AND provider_transaction = ?", provider, transaction);
    }

    /**
     * The row update for the engine's answer to the intent's PayOrder: PAID when accepted, FAILED with the
     * rejection code otherwise. Only a CREATED intent changes, so the outcome is decided once.
     */
    static ReadModelWrite outcome(PaymentIntent intent, Instant at, String rejection) {
        PaymentIntent.Status status = rejection == null ? PaymentIntent.Status.PAID : PaymentIntent.Status.FAILED;
        // A FAILED payment's money is owed back at once; the outbox refunds it after the commit.
        // Required: an intent that expired meanwhile (IntentExpiry) rolls the PayOrder back, so an order is never
        // paid whose cart went back to stock; the callback then refunds the payment at the provider.
        return ReadModelWrite.required("UPDATE payment_intents SET status = ?, failure_code = ?, paid_at = ?, "
                + "refund_status = ? WHERE payment_id = ? AND status = 'CREATED'", Arrays.asList(status.name(), rejection,
                        Timestamp.from(at), rejection == null ? null : "OWED", intent.payment()));
    }

    /** Unpaid intents created before {@code cutoff}, oldest first, at most {@code limit}. */
    List<String> createdBefore(Instant cutoff, int limit) {
        return jdbc.queryForList("SELECT payment_id FROM payment_intents WHERE status = 'CREATED' AND created_at < ? "
                + "ORDER BY created_at LIMIT " + limit, String.class, Timestamp.from(cutoff));
    }

    /** CREATED → EXPIRED when still unpaid and created before {@code cutoff}; false when it was not. */
    boolean expire(String payment, Instant cutoff) {
        return jdbc.update("UPDATE payment_intents SET status = 'EXPIRED', failure_code = ? "
                + "WHERE payment_id = ? AND status = 'CREATED' AND created_at < ?", PaymentIntent.EXPIRED_CODE, payment,
                Timestamp.from(cutoff)) == 1;
    }

    /**
     * A provider's late callback for an expired intent: the customer's money is owed back at the provider, once
     * (false when it already was).
     */
    boolean owedAfterExpiry(String payment) {
        return jdbc.update("UPDATE payment_intents SET refund_status = 'OWED' WHERE payment_id = ? AND status = 'EXPIRED' "
                + "AND refund_status IS NULL", payment) == 1;
    }

    /** Records the provider's refund of the payment, once: false when it was already recorded. */
    boolean refunded(String payment, String providerRefund, Instant at) {
        return jdbc.update("UPDATE payment_intents SET refund_status = 'REFUNDED', provider_refund = ?, refunded_at = ? "
                + "WHERE payment_id = ? AND refund_status = 'OWED'", providerRefund, Timestamp.from(at), payment) == 1;
    }

    /** Payments whose money is owed back at the provider (refund_status OWED), that also meet {@code where}. */
    List<PaymentIntent> owedRefunds(String where, int limit, Object... arguments) {
        return jdbc.query("SELECT " + COLUMNS + " FROM payment_intents WHERE refund_status = 'OWED' AND " + where
                + " ORDER BY created_at LIMIT " + limit, (rs, i) -> read(rs), arguments);
    }

    private PaymentIntent one(String where, Object... arguments) {
        List<PaymentIntent> found = jdbc.query("SELECT " + COLUMNS + " FROM payment_intents WHERE " + where,
                (rs, i) -> read(rs), arguments);
        return found.isEmpty() ? null : found.get(0);
    }

    private static PaymentIntent read(ResultSet rs) throws SQLException {
        long cost = rs.getLong("split_cost_fen");
        MallSplitFen split = rs.wasNull() ? null : new MallSplitFen(cost, rs.getLong("split_distribution_fen"),
                rs.getLong("split_platform_fen"), rs.getLong("split_pool_fen"));
        PaymentRequest request = new PaymentRequest(rs.getString("order_id"), rs.getString("user_id"),
                rs.getString("merchant_id"), Channel.valueOf(rs.getString("channel")), rs.getLong("amount_fen"),
                rs.getLong("deduct_fen"), split, rs.getString("region"), rs.getLong("voucher_fen"));
        Timestamp paidAt = rs.getTimestamp("paid_at");
        Timestamp refundedAt = rs.getTimestamp("refunded_at");
        PaymentIntent.Refund refund = refundedAt == null ? null
                : new PaymentIntent.Refund(rs.getString("provider_refund"), refundedAt.toInstant());
        return new PaymentIntent(rs.getString("payment_id"), rs.getString("idem_key"), rs.getString("request_hash"),
                request, rs.getString("provider"), rs.getString("provider_transaction"), rs.getString("pay_url"),
                PaymentIntent.Status.valueOf(rs.getString("status")), rs.getString("failure_code"),
                rs.getTimestamp("created_at").toInstant(), paidAt == null ? null : paidAt.toInstant(), refund,
                PartyPurchase.fromJson(rs.getString("party_purchase")));
    }
}

package org.zengzhi.server.party;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.zengzhi.engine.Event;
import org.zengzhi.engine.party.MonthClose;
import org.zengzhi.server.journal.AppliedCommand;
import org.zengzhi.server.journal.BulkInsert;
import org.zengzhi.server.journal.ReadModel;

/**
 * The four-party read model (issue 20 items 1–5): {@code party_orders}, one row per order from payment to
 * settlement or refund with its risk review, and {@code party_history}, each movement of a holder's 贡献值 and a
 * supplier's tokens, deposit and ratings. Written in the journal's transaction like the order read model, so it
 * never claims an effect the journal does not hold. Public so that the operator's side (server.partyops) reads it.
 */
public final class PartyReadModel implements ReadModel {
    @Override
    public void write(JdbcTemplate jdbc, BulkInsert insert, List<AppliedCommand> batch) {
        Rows rows = new Rows();
        for (AppliedCommand applied : batch) {
            int line = 0;
            for (Event event : applied.events()) {
                line = rows.add(applied, event, line);
            }
        }
        insert.rows("party_orders", List.of("order_id", "username", "product", "supplier", "promoter", "amount_fen",
                "contrib_fen", "prepaid_fen", "risk", "status", "paid_at", "command_seq"), rows.paid);
        jdbc.batchUpdate("UPDATE party_orders SET status = 'SETTLED', settled_at = ?, supplier_settled_fen = ?, "
                + "rebate_fen = ?, commission_fen = ?, withheld_fen = ?, held_fen = ?, stoken_fen = ? "
                + "WHERE order_id = ?", rows.settled);
        jdbc.batchUpdate("UPDATE party_orders SET status = 'REFUNDED', refunded_at = ?, clawed_back_fen = ? "
                + "WHERE order_id = ?", rows.refunded);
        // A refunded order's cash, if it came through a provider, is owed back there (docs/payments.md).
        jdbc.batchUpdate("UPDATE payment_intents SET refund_status = 'OWED' WHERE order_id = ? AND status = 'PAID' "
                + "AND refund_status IS NULL", rows.refunded.stream().map(row -> new Object[] {row[row.length - 1]})
                .toList());
        // An approved order's held rebate reaches the consumer now: its history row comes from the order's own.
        jdbc.batchUpdate("INSERT INTO party_history (command_seq, line, at, holder, kind, amount_fen, fee_fen, other) "
                + "SELECT ?, ?, ?, username, 'REBATE', rebate_fen, 0, order_id FROM party_orders "
                + "WHERE order_id = ? AND held_fen > 0 AND rebate_fen > 0", rows.releasedRebates);
        jdbc.batchUpdate("UPDATE party_orders SET risk = ? WHERE order_id = ?", rows.verified);
        insert.rows("party_history", List.of("command_seq", "line", "at", "holder", "kind", "amount_fen", "fee_fen",
                "other"), rows.history);
    }

    /** The rows of one batch, by table and statement. */
    private static final class Rows {
        final List<Object[]> paid = new ArrayList<>();
        final List<Object[]> settled = new ArrayList<>();
        final List<Object[]> refunded = new ArrayList<>();
        final List<Object[]> verified = new ArrayList<>();
        final List<Object[]> releasedRebates = new ArrayList<>();
        final List<Object[]> history = new ArrayList<>();

        /** Adds the event's rows; returns the next history line of the command. */
        int add(AppliedCommand applied, Event event, int line) {
            Timestamp at = Timestamp.from(applied.command().at());
            long seq = applied.seq();
            switch (event.type()) {
                case PARTY_ORDER_PAID -> {
                    Event.PartyOrderPaid e = (Event.PartyOrderPaid) event;
                    paid.add(new Object[] {e.order(), e.user(), e.product(), e.supplier(), e.promoter(), e.amountFen(),
                        e.contribFen(), e.prepaidFen(), e.risk(), "PAID", at, seq});
                    return e.contribFen() > 0 ? history(seq, line, at, e.user(), "SPENT", e.contribFen(), 0, e.order())
                            : line;
                }
                case PARTY_ORDER_SETTLED -> {
                    Event.PartyOrderSettled e = (Event.PartyOrderSettled) event;
                    settled.add(new Object[] {at, e.supplierSettledFen(), e.rebateFen(), e.commissionFen(),
                        e.withheldFen(), e.heldFen(), e.stokenFen(), e.order()});
                    return e.heldFen() == 0 && e.rebateFen() > 0
                            ? history(seq, line, at, e.user(), "REBATE", e.rebateFen(), 0, e.order()) : line;
                }
                case PARTY_ORDER_REFUNDED -> {
                    Event.PartyOrderRefunded e = (Event.PartyOrderRefunded) event;
                    refunded.add(new Object[] {at, e.clawedBackFen(), e.order()});
                }
                case ORDER_VERIFIED -> {
                    Event.OrderVerified e = (Event.OrderVerified) event;
                    verified.add(new Object[] {e.approved() ? "APPROVED" : "REFUSED", e.order()});
                    if (e.approved() && e.settled()) {
                        releasedRebates.add(new Object[] {seq, line, at, e.order()});
                        return line + 1;
                    }
                }
                case CONTRIB_TRANSFERRED -> {
                    Event.ContribTransferred e = (Event.ContribTransferred) event;
                    int next = history(seq, line, at, e.user(), "TRANSFER_OUT", e.amountFen(), e.feeFen(), e.to());
                    return history(seq, next, at, e.to(), "TRANSFER_IN", e.receivedFen(), 0, e.user());
                }
                case CONTRIB_REDEEMED -> {
                    Event.ContribRedeemed e = (Event.ContribRedeemed) event;
                    return history(seq, line, at, e.user(), "REDEEMED", e.amountFen(), 0, null);
                }
                case TOKENS_REDEEMED -> {
                    Event.TokensRedeemed e = (Event.TokensRedeemed) event;
                    return history(seq, line, at, e.supplier(), "TOKENS", e.stokenFen(), 0, e.item());
                }
                case PRODUCT_LISTED -> {
                    Event.ProductListed e = (Event.ProductListed) event;
                    return history(seq, line, at, e.supplier(), "LISTED", e.priceFen(), e.costFen(), e.product());
                }
                case PRODUCT_RATED -> {
                    Event.ProductRated e = (Event.ProductRated) event;
                    return history(seq, line, at, e.user(), "RATING", e.ratingCenti(), 0, e.product());
                }
                case PARTY_MONTH_CLOSED -> {
                    return monthClose(seq, line, at, (Event.PartyMonthClosed) event);
                }
                default -> {
                }
            }
            return line;
        }

        private int monthClose(long seq, int line, Timestamp at, Event.PartyMonthClosed closed) {
            int next = line;
            for (MonthClose.RatingPenalty penalty : closed.close().penalties()) {
                next = history(seq, next, at, closed.supplierIds().get(penalty.supplier()), "PENALTY",
                        penalty.penaltyFen(), 0, closed.productIds().get(penalty.product()));
            }
            for (MonthClose.BaselineBonus bonus : closed.close().bonuses()) {
                next = history(seq, next, at, closed.supplierIds().get(bonus.supplier()), "BONUS", bonus.bonusFen(), 0,
                        closed.month());
            }
            return next;
        }

        private int history(long seq, int line, Timestamp at, String holder, String kind, long amount, long fee,
                String other) {
            history.add(new Object[] {seq, line, at, holder, kind, amount, fee, other});
            return line + 1;
        }
    }
}

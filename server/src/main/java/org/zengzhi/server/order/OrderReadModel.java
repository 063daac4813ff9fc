package org.zengzhi.server.order;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.JdbcTemplate;
import org.zengzhi.engine.Event;
import org.zengzhi.server.journal.AppliedCommand;
import org.zengzhi.server.journal.BulkInsert;
import org.zengzhi.server.journal.ReadModel;

/**
 * The {@code orders} read model: one row per paid order, its status moved by settlement and refund
 * events; and the {@code bindings} of customers to the store whose pay code bound them. Written inside the journal's transaction, so it never disagrees with the journal.
 * An order's points are those of the {@code PointsMinted} that follows its {@code OrderSettled} (the engine emits a
 * settled order's rewards, then its mint, price and exits, before the next order settles).
 */
public final class OrderReadModel implements ReadModel {
    @Override
    public void write(JdbcTemplate jdbc, BulkInsert insert, List<AppliedCommand> batch) {
        List<Object[]> paid = new ArrayList<>();
        List<Object[]> settled = new ArrayList<>();
        List<Object[]> refunded = new ArrayList<>();
        List<Object[]> received = new ArrayList<>();
        List<Object[]> bound = new ArrayList<>();
        List<Object[]> minted = new ArrayList<>();
        for (AppliedCommand applied : batch) {
            Event.OrderSettled lastSettled = null;
            for (Event event : applied.events()) {
                switch (event.type()) {
                    case ORDER_PAID -> paid.add(paidRow((Event.OrderPaid) event, applied));
                    case ORDER_SETTLED -> {
                        lastSettled = (Event.OrderSettled) event;
                        settled.add(new Object[] {Timestamp.from(lastSettled.at()), lastSettled.order()});
                    }
                    case POINTS_MINTED -> {
                        Event.PointsMinted mint = (Event.PointsMinted) event;
                        if (lastSettled != null && lastSettled.user().equals(mint.participant())) {
                            minted.add(new Object[] {mint.pointsMicro(), lastSettled.order()});
                        }
                        lastSettled = null;
                    }
                    case ORDER_REFUNDED -> refunded.add(new Object[] {
                        Timestamp.from(applied.command().at()), ((Event.OrderRefunded) event).order()});
                    case REFERRER_BOUND -> bound.add(new Object[] {((Event.ReferrerBound) event).user(),
                        ((Event.ReferrerBound) event).merchant(), ((Event.ReferrerBound) event).referrer(),
                        Timestamp.from(applied.command().at()), applied.seq()});
                    case ORDER_RECEIVED -> received.add(new Object[] {
                        Timestamp.from(((Event.OrderReceived) event).dueAt()), ((Event.OrderReceived) event).order()});
                    default -> {
                    }
                }
            }
        }
        insert.rows("orders", List.of("order_id", "username", "merchant", "channel", "amount", "pool_share", "status",
                "paid_at", "due_at", "command_seq", "merchant_share"), paid);
        jdbc.batchUpdate("UPDATE orders SET due_at = ? WHERE order_id = ?", received);
        jdbc.batchUpdate("INSERT INTO bindings (username, merchant, referrer, bound_at, command_seq) VALUES (?, ?, ?, ?, ?)",
                bound);
        jdbc.batchUpdate("UPDATE orders SET status = 'SETTLED', settled_at = ? WHERE order_id = ?", settled);
        jdbc.batchUpdate("UPDATE orders SET points = ? WHERE order_id = ?", minted);
        jdbc.batchUpdate("UPDATE orders SET status = 'REFUNDED', refunded_at = ? WHERE order_id = ?", refunded);
        // A refunded order's payment, if it came through a provider, is owed back there (docs/payments.md).
        jdbc.batchUpdate("UPDATE payment_intents SET refund_status = 'OWED' WHERE order_id = ? AND status = 'PAID' "
                + "AND refund_status IS NULL", refunded.stream().map(row -> new Object[] {row[1]}).toList());
    }

    private static Object[] paidRow(Event.OrderPaid paid, AppliedCommand applied) {
        return new Object[] {paid.order(), paid.user(), paid.merchant(), paid.channel().name().toLowerCase(Locale.ROOT),
            paid.amountFen(), paid.split().poolFen(), "PAID", Timestamp.from(applied.command().at()),
            Timestamp.from(paid.dueAt()), applied.seq(), paid.merchant() == null ? null : paid.split().merchantFen()};
    }
}

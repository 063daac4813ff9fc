package org.zengzhi.server.coinmall;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.zengzhi.engine.Event;
import org.zengzhi.server.journal.AppliedCommand;
import org.zengzhi.server.journal.BulkInsert;
import org.zengzhi.server.journal.ReadModel;

/**
 * Coin-mall orders (金币商城, issue 17 rule 6) from the engine's events: a {@code coinsSpent} is a paid coin order, a
 * {@code refunded} of one marks it refunded. Other orders' refunds change no row here.
 */
public final class CoinOrderReadModel implements ReadModel {
    @Override
    public void write(JdbcTemplate jdbc, BulkInsert insert, List<AppliedCommand> batch) {
        List<Object[]> paid = new ArrayList<>();
        List<Object[]> refunded = new ArrayList<>();
        for (AppliedCommand applied : batch) {
            Timestamp at = Timestamp.from(applied.command().at());
            for (Event event : applied.events()) {
                if (event instanceof Event.CoinsSpent spent) {
                    paid.add(new Object[] {spent.order(), spent.user(), spent.merchant(), spent.coinsFen(), "PAID", at,
                        applied.seq()});
                } else if (event instanceof Event.OrderRefunded refund && refund.afterSettlement()) {
                    refunded.add(new Object[] {at, refund.order()});
                }
            }
        }
        insert.rows("coin_orders", List.of("order_id", "username", "merchant", "coins", "status", "paid_at",
                "command_seq"), paid);
        jdbc.batchUpdate("UPDATE coin_orders SET status = 'REFUNDED', refunded_at = ? WHERE order_id = ? "
                + "AND status = 'PAID'", refunded);
    }
}

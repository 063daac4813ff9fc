package org.zengzhi.server.coinmall;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.zengzhi.server.journal.ReadModelWrite;
import org.zengzhi.server.payment.Pricing;

/**
 * The coin-mall orders' rows and the stock their products hold (issue 20 item 1): the writes that take a cart's
 * stock with the PayOrder's journal row, and give it back with the refund's.
 */
public final class CoinOrders {
    private final JdbcTemplate jdbc;

    public CoinOrders(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The buyer and the selling store of a coin-mall order ({@code username}, {@code merchant}), or null. */
    public Map<String, Object> parties(String order) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT username, merchant FROM coin_orders WHERE order_id = ?",
                order);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /**
     * The writes of an accepted purchase, in the PayOrder's journal transaction: each line's stock taken by a
     * conditional update that must change its row (never below zero, only on the shelf), and the cart kept for a
     * refund. A line that can no longer be taken rolls the whole batch back: nothing of the purchase is kept.
     */
    public static List<ReadModelWrite> take(String order, List<Pricing.Item> items) {
        List<ReadModelWrite> writes = new ArrayList<>();
        for (int line = 0; line < items.size(); line++) {
            Pricing.Item item = items.get(line);
            writes.add(ReadModelWrite.required("UPDATE products SET stock = stock - ? WHERE product_id = ? AND on_shelf "
                    + "AND stock >= ?", List.of(item.quantity(), item.product(), item.quantity())));
            writes.add(new ReadModelWrite("INSERT INTO coin_order_items (order_id, line, product_id, quantity) "
                    + "VALUES (?, ?, ?, ?)", List.of(order, line, item.product(), item.quantity())));
        }
        return writes;
    }

    /**
     * The write of an accepted refund, in the refund's journal transaction: a coin-mall order's cart goes back to
     * stock (the engine accepts one refund per order, so once). Changes nothing for any other order.
     */
    public static ReadModelWrite restock(String order) {
        return new ReadModelWrite("UPDATE products SET stock = stock + (SELECT SUM(i.quantity) FROM coin_order_items i "
                + "WHERE i.order_id = ? AND i.product_id = products.product_id) WHERE product_id IN "
                + "(SELECT product_id FROM coin_order_items WHERE order_id = ?)", List.of(order, order));
    }
}

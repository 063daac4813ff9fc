package org.zengzhi.engine.order;

import java.time.Instant;

import org.zengzhi.engine.Command.PayOrder;

/**
 * A coin-mall order (金币商城, issue 17 rule 6) as an entry of the order book: settled at payment, its amount the
 * coins (a coin is worth 0.01 CNY, so fen), all of it the seller's, with no commission, rewards or points.
 */
final class CoinOrders {
    private static final long[] NO_REWARDS = {};

    private CoinOrders() {
    }

    static Order settled(PayOrder pay, long sequence, int participant, int merchant, Instant now) {
        long coins = pay.amountFen();
        OrderSplit split = new OrderSplit(coins, 0, coins, 0, 0, 0, 0, 0, 0);
        Order order = new Order(pay.id(), sequence, participant, merchant, Channel.COIN, coins, 0, null, split,
                NO_REWARDS, 0, 0, now, now);
        order.status = Order.Status.SETTLED;
        return order;
    }
}

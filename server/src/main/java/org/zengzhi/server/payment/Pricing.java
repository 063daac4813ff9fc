package org.zengzhi.server.payment;

import java.util.List;

import org.zengzhi.engine.order.MallSplitFen;

/**
 * Prices a mall cart from the product catalogue (issue 19, R-2.2): the server, never the paying customer, sets a
 * mall order's amount and split. The catalogue implements it; payments only ask.
 */
public interface Pricing {
    /** At most this many lines in one cart. */
    int ITEMS_MAX = 50;

    /** One line of a cart: a product and how many. */
    record Item(String product, long quantity) {
    }

    /** A cart's cash amount and split; the split is null when every product sells on the plan's mall split. */
    record Priced(long amountFen, MallSplitFen split) {
    }

    /** A coin-mall cart's coins (hundredths) and the store that sells it (金币商城, issue 20 item 1). */
    record CoinPriced(long coinsFen, String merchant) {
    }

    /**
     * A coin-mall cart priced in coins: every line a coin product on the shelf, in stock, of one store; or a
     * refusal naming the line at fault.
     */
    CoinPriced priceInCoins(List<Item> items) throws RefusedException;

    /** The cart's amount and split, or a refusal naming the line at fault (unknown product, off shelf, stock). */
    Priced price(List<Item> items) throws RefusedException;

    /** Takes the cart's quantities from stock, all lines or none; false when a line no longer has enough. */
    boolean take(List<Item> items);

    /** Gives a cart's quantities back to stock (its payment was never made, or was refunded before settlement). */
    void giveBack(List<Item> items);

    /** A cart the catalogue refuses: a stable code and the field at fault, answered as 422. */
    final class RefusedException extends Exception {
        private static final long serialVersionUID = 1L;
        private final String code;
        private final String field;

        public RefusedException(String code, String field, String message) {
            super(message);
            this.code = code;
            this.field = field;
        }

        public String code() {
            return code;
        }

        public String field() {
            return field;
        }
    }
}

package org.zengzhi.server.payment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.zengzhi.engine.Command;
import org.zengzhi.engine.order.Channel;
import org.zengzhi.engine.Limits;
import org.zengzhi.engine.order.MallSplitFen;
import org.zengzhi.engine.Units;

import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/v1/payments}, validated: everything the engine's {@code PayOrder} needs,
 * checked for form before anything is stored or sent to a provider. Whether the merchant is known and
 * active, and the payer holds the deduction points, {@link Payments} asks the engine before the intent exists;
 * the engine judges again when the verified callback arrives.
 */
public record PaymentRequest(String order, String user, String merchant, Channel channel, long amountFen,
        long deductFen, MallSplitFen split, String region, long voucherFen) {
    private static final Set<String> FIELDS = Set.of("order", "user", "merchant", "channel", "amount", "deduct",
            "split", "region", "items", "voucher", "coins");
    private static final Set<String> ITEM_FIELDS = Set.of("product", "quantity");
    static final long QUANTITY_MAX = 10_000;
    private static final Pattern REGION = Pattern.compile("[0-9]{6}");

    /** A payment without a voucher part. */
    public PaymentRequest(String order, String user, String merchant, Channel channel, long amountFen, long deductFen,
            MallSplitFen split, String region) {
        this(order, user, merchant, channel, amountFen, deductFen, split, region, 0);
    }

    /**
     * What the provider collects: the amount less the part paid with vouchers (抵用券, green points, issue 17
     * rule 6; the engine's PayOrder carries the whole amount and the voucher part).
     */
    public long cashFen() {
        return amountFen - voucherFen;
    }

    /** The engine command this payment becomes when its provider confirms it: the order id is the command id. */
    Command.PayOrder payOrder(Instant at) {
        return new Command.PayOrder(order, at, user, merchant, channel, amountFen, deductFen, split, region, voucherFen);
    }

    /** A body without a cart; one with {@code items} is refused, as no catalogue prices it here. */
    public static PaymentRequest parse(byte[] body) throws InvalidFieldException {
        try {
            return parse(body, null);
        } catch (Pricing.RefusedException e) {
            throw new InvalidFieldException(e.field(), e.getMessage());
        }
    }

    /**
     * A body, with a mall cart ({@code items}) priced by {@code pricing}: the amount and the split are then the
     * catalogue's, and the body may name neither (issue 19).
     */
    public static PaymentRequest parse(byte[] body, Pricing pricing) throws InvalidFieldException,
            Pricing.RefusedException {
        JsonNode tree = object(body);
        List<Pricing.Item> items = items(tree.get("items"));
        if (items == null) {
            return parse(tree, null);
        }
        if (pricing == null) {
            throw new InvalidFieldException("items", "this payment cannot be priced from the catalogue");
        }
        if (tree.has("channel") && tree.get("channel").isString() && tree.get("channel").asString().equals("coin")) {
            return coinPurchase(tree, pricing.priceInCoins(items));
        }
        for (String computed : List.of("amount", "split")) {
            if (tree.has(computed)) {
                throw new InvalidFieldException(computed, "is computed from the items; leave it out");
            }
        }
        return parse(tree, pricing.price(items));
    }

    /**
     * A coin-mall purchase (金币商城, issue 20 item 1): the cart's coin products set the coins and the store; the
     * body names neither (or names the same store).
     */
    private static PaymentRequest coinPurchase(JsonNode tree, Pricing.CoinPriced priced) throws InvalidFieldException {
        String order = id(tree, "order", true);
        String user = id(tree, "user", true);
        for (String other : List.of("coins", "amount", "voucher", "deduct", "split", "region")) {
            if (tree.has(other)) {
                throw new InvalidFieldException(other, "is not part of a coin-mall purchase of products");
            }
        }
        String merchant = id(tree, "merchant", false);
        if (merchant != null && !merchant.equals(priced.merchant())) {
            throw new InvalidFieldException("merchant", "the products are sold by " + priced.merchant());
        }
        if (priced.coinsFen() > Limits.AMOUNT_FEN_MAX) {
            throw new InvalidFieldException("items", "costs more than " + Units.formatFen(Limits.AMOUNT_FEN_MAX)
                    + " coins");
        }
        return new PaymentRequest(order, user, priced.merchant(), Channel.COIN, priced.coinsFen(), 0, null, null, 0);
    }

    /** The order of a coin-mall purchase of products (channel "coin" with items), or null for any other body. */
    public static String coinPurchaseOrder(byte[] body) throws InvalidFieldException {
        JsonNode tree = object(body);
        JsonNode channel = tree.get("channel");
        JsonNode order = tree.get("order");
        return channel != null && channel.isString() && channel.asString().equals("coin") && tree.has("items")
                && order != null && order.isString() ? order.asString() : null;
    }

    /** Whether the body names a split itself (as only an operator importing history may). */
    public static boolean namesSplit(byte[] body) throws InvalidFieldException {
        JsonNode split = object(body).get("split");
        return split != null && !split.isNull();
    }

    /** The cart of a body: null when it has none. */
    public static List<Pricing.Item> items(byte[] body) throws InvalidFieldException {
        return items(object(body).get("items"));
    }

    private static JsonNode object(byte[] body) throws InvalidFieldException {
        return JsonBody.object(body, FIELDS, "a payment");
    }

    private static PaymentRequest parse(JsonNode tree, Pricing.Priced priced) throws InvalidFieldException {
        String order = id(tree, "order", true);
        String user = id(tree, "user", true);
        Channel channel = channel(tree);
        if (channel == Channel.COIN) {
            return coins(tree, priced, order, user);
        }
        if (tree.has("coins")) {
            throw new InvalidFieldException("coins", "only a coin-mall payment (channel \"coin\") is paid in coins");
        }
        if (priced != null && channel != Channel.MALL) {
            throw new InvalidFieldException("items", "only a mall payment names products");
        }
        long deduct = fen(tree, "deduct", false);
        long amount = priced != null ? cash(priced, deduct) : fen(tree, "amount", true);
        if (amount <= 0 || amount > Limits.AMOUNT_FEN_MAX) {
            throw new InvalidFieldException("amount", "must be more than 0.00 and at most "
                    + Units.formatFen(Limits.AMOUNT_FEN_MAX));
        }
        String merchant = id(tree, "merchant", channel == Channel.STORE);
        MallSplitFen split = priced != null ? priced.split() : split(tree, amount);
        String region = id(tree, "region", false);
        if (region != null && !REGION.matcher(region).matches()) {
            throw new InvalidFieldException("region", "must be a 6-digit GB/T 2260 code");
        }
        if (channel == Channel.STORE) {
            storeOnly(deduct, split, region);
        }
        long voucher = fen(tree, "voucher", false);
        if (voucher != 0 && channel != Channel.STORE) {
            throw new InvalidFieldException("voucher", "only a store payment can be paid partly with vouchers (抵用券)");
        }
        if (voucher >= amount) {
            throw new InvalidFieldException("voucher", "must be less than the amount " + Units.formatFen(amount)
                    + "; the rest is paid in cash");
        }
        return new PaymentRequest(order, user, merchant, channel, amount, deduct, split, region, voucher);
    }

    /**
     * What a priced cart leaves to pay in cash once deduction points pay {@code deductFen} of it. A
     * product's own split divides its price, so such products are paid in cash only.
     */
    private static long cash(Pricing.Priced priced, long deductFen) throws InvalidFieldException {
        if (deductFen != 0 && priced.split() != null) {
            throw new InvalidFieldException("deduct", "products with their own split are paid in cash only");
        }
        if (deductFen >= priced.amountFen()) {
            throw new InvalidFieldException("deduct", "must be less than the cart's price "
                    + Units.formatFen(priced.amountFen()));
        }
        return priced.amountFen() - deductFen;
    }

    /** A cart: 1 to {@link Pricing#ITEMS_MAX} lines of a product id and a whole quantity; null when absent. */
    private static List<Pricing.Item> items(JsonNode value) throws InvalidFieldException {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray() || value.isEmpty() || value.size() > Pricing.ITEMS_MAX) {
            throw new InvalidFieldException("items", "must be a list of 1 to " + Pricing.ITEMS_MAX + " products");
        }
        List<Pricing.Item> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            items.add(item(value.get(i), "items[" + i + "]"));
        }
        return items;
    }

    private static Pricing.Item item(JsonNode line, String field) throws InvalidFieldException {
        if (!line.isObject()) {
            throw new InvalidFieldException(field, "must be an object with " + ITEM_FIELDS);
        }
        for (Iterator<String> names = line.propertyNames().iterator(); names.hasNext();) {
            String name = names.next();
            if (!ITEM_FIELDS.contains(name)) {
                throw new InvalidFieldException(field + "." + name, "is not a field of a cart line " + ITEM_FIELDS);
            }
        }
        String product;
        try {
            product = id(line, "product", true);
        } catch (InvalidFieldException e) {
            throw new InvalidFieldException(field + ".product", e.getMessage());
        }
        JsonNode quantity = line.get("quantity");
        if (quantity == null || !quantity.isIntegralNumber() || quantity.asLong() < 1
                || quantity.asLong() > QUANTITY_MAX) {
            throw new InvalidFieldException(field + ".quantity", "must be a whole number from 1 to " + QUANTITY_MAX);
        }
        return new Pricing.Item(product, quantity.asLong());
    }

    /**
     * A coin-mall payment (金币商城, issue 17 rule 6): {@code coins} (their CNY value) at {@code merchant}, nothing in
     * cash, so no provider takes part; no amount, voucher, deduction, split, region or cart.
     */
    private static PaymentRequest coins(JsonNode tree, Pricing.Priced priced, String order, String user)
            throws InvalidFieldException {
        if (priced != null) {
            throw new InvalidFieldException("items", "a coin-mall payment names its coins, not products");
        }
        for (String other : List.of("amount", "voucher", "deduct", "split", "region")) {
            if (tree.has(other)) {
                throw new InvalidFieldException(other, "is not part of a coin-mall payment (channel \"coin\")");
            }
        }
        long coins = fen(tree, "coins", true);
        if (coins <= 0 || coins > Limits.AMOUNT_FEN_MAX) {
            throw new InvalidFieldException("coins", "must be more than 0.00 and at most "
                    + Units.formatFen(Limits.AMOUNT_FEN_MAX));
        }
        String merchant = id(tree, "merchant", true);
        return new PaymentRequest(order, user, merchant, Channel.COIN, coins, 0, null, null, 0);
    }

    /** Deduction points, a product split and a delivery region belong to mall orders only. */
    private static void storeOnly(long deduct, MallSplitFen split, String region) throws InvalidFieldException {
        if (deduct != 0) {
            throw new InvalidFieldException("deduct", "only a mall payment can be paid partly with deduction points");
        }
        if (split != null) {
            throw new InvalidFieldException("split", "only a mall payment carries a product split");
        }
        if (region != null) {
            throw new InvalidFieldException("region", "only a mall payment has a delivery region; a store order is "
                    + "in the merchant's region");
        }
    }

    private static Channel channel(JsonNode tree) throws InvalidFieldException {
        String text = id(tree, "channel", true);
        if (text.equals("store")) {
            return Channel.STORE;
        }
        if (text.equals("mall")) {
            return Channel.MALL;
        }
        if (text.equals("coin")) {
            return Channel.COIN;
        }
        throw new InvalidFieldException("channel", "must be \"store\", \"mall\" or \"coin\", not \"" + text + "\"");
    }

    /** A string id of 1 to 128 visible characters; null when absent and not required. */
    private static String id(JsonNode tree, String field, boolean required) throws InvalidFieldException {
        JsonNode value = tree.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new InvalidFieldException(field, "is missing");
            }
            return null;
        }
        if (!value.isString()) {
            throw new InvalidFieldException(field, "must be a string");
        }
        String text = value.asString();
        if (text.isEmpty() || text.length() > Limits.PARTICIPANT_ID_LENGTH_MAX
                || text.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
            throw new InvalidFieldException(field, "must be 1 to " + Limits.PARTICIPANT_ID_LENGTH_MAX
                    + " characters without spaces or control characters");
        }
        return text;
    }

    /** An amount in CNY as a decimal string with at most 2 decimals ("10.00"); 0 when absent and optional. */
    private static long fen(JsonNode tree, String field, boolean required) throws InvalidFieldException {
        JsonNode value = tree.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new InvalidFieldException(field, "is missing");
            }
            return 0;
        }
        if (!value.isString()) {
            throw new InvalidFieldException(field, "must be a decimal string such as \"10.00\" (never a JSON number, "
                    + "which clients may round through binary floating point)");
        }
        return MallSplitField.nonNegativeFen(value.asString(), field);
    }

    /** A mall product's split: four CNY parts that add up to the cash amount. */
    private static MallSplitFen split(JsonNode tree, long amountFen) throws InvalidFieldException {
        JsonNode value = tree.get("split");
        if (value == null || value.isNull()) {
            return null;
        }
        return MallSplitField.parse(value, "", amountFen, "amount", (split, part) -> {
            try {
                return fen(split, part, true);
            } catch (InvalidFieldException e) {
                throw new InvalidFieldException("split." + e.field(), e.getMessage());
            }
        });
    }
}

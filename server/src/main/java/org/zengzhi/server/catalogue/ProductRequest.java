package org.zengzhi.server.catalogue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.zengzhi.engine.Limits;
import org.zengzhi.engine.Units;
import org.zengzhi.engine.order.MallSplitFen;
import org.zengzhi.server.payment.InvalidFieldException;
import org.zengzhi.server.payment.JsonBody;
import org.zengzhi.server.payment.MallSplitField;

import tools.jackson.databind.JsonNode;

/** The body of {@code POST /api/v1/operator/products}, validated field by field. */
final class ProductRequest {
    private static final Set<String> FIELDS = Set.of("product", "name", "price", "split", "merchant", "stock",
            "onShelf", "images", "coinPrice");
    static final int NAME_LENGTH_MAX = 200;
    static final int IMAGES_MAX = 10;
    static final int IMAGE_URL_LENGTH_MAX = 390;
    static final long STOCK_MAX = 1_000_000_000L;

    private ProductRequest() {
    }

    static Product parse(byte[] body) throws InvalidFieldException {
        JsonNode tree = object(body);
        String id = text(tree, "product", 64, true);
        if (!id.matches("[A-Za-z0-9_.-]+")) {
            throw new InvalidFieldException("product", "must use only letters, digits, '_', '.' and '-'");
        }
        String name = text(tree, "name", NAME_LENGTH_MAX, true);
        if (tree.has("coinPrice")) {
            return coinProduct(tree, id, name);
        }
        long price = fen(tree.get("price"), "price");
        if (price <= 0 || price > Limits.AMOUNT_FEN_MAX) {
            throw new InvalidFieldException("price", "must be more than 0.00 and at most "
                    + Units.formatFen(Limits.AMOUNT_FEN_MAX));
        }
        MallSplitFen split = split(tree.get("split"), price);
        String merchant = text(tree, "merchant", Limits.PARTICIPANT_ID_LENGTH_MAX, false);
        JsonNode stock = tree.get("stock");
        if (stock == null || !stock.isIntegralNumber() || stock.asLong() < 0 || stock.asLong() > STOCK_MAX) {
            throw new InvalidFieldException("stock", "must be a whole number from 0 to " + STOCK_MAX);
        }
        JsonNode onShelf = tree.get("onShelf");
        if (onShelf != null && !onShelf.isBoolean()) {
            throw new InvalidFieldException("onShelf", "must be true or false");
        }
        return new Product(id, name, price, split, merchant, stock.asLong(), onShelf == null || onShelf.asBoolean(),
                images(tree.get("images")));
    }

    /**
     * A coin-mall product (金币商城, issue 20 item 1): a coin price instead of a cash price and a split, sold at the
     * store it names (the coin payment's merchant).
     */
    private static Product coinProduct(JsonNode tree, String id, String name) throws InvalidFieldException {
        for (String cash : List.of("price", "split")) {
            if (tree.has(cash)) {
                throw new InvalidFieldException(cash, "a coin-mall product has a coinPrice only");
            }
        }
        long coins = fen(tree.get("coinPrice"), "coinPrice");
        if (coins <= 0 || coins > Limits.AMOUNT_FEN_MAX) {
            throw new InvalidFieldException("coinPrice", "must be more than 0.00 and at most "
                    + Units.formatFen(Limits.AMOUNT_FEN_MAX));
        }
        String merchant = text(tree, "merchant", Limits.PARTICIPANT_ID_LENGTH_MAX, true);
        long stock = stock(tree);
        JsonNode onShelf = tree.get("onShelf");
        if (onShelf != null && !onShelf.isBoolean()) {
            throw new InvalidFieldException("onShelf", "must be true or false");
        }
        return new Product(id, name, 0, null, merchant, stock, onShelf == null || onShelf.asBoolean(),
                images(tree.get("images")), coins);
    }

    private static long stock(JsonNode tree) throws InvalidFieldException {
        JsonNode stock = tree.get("stock");
        if (stock == null || !stock.isIntegralNumber() || stock.asLong() < 0 || stock.asLong() > STOCK_MAX) {
            throw new InvalidFieldException("stock", "must be a whole number from 0 to " + STOCK_MAX);
        }
        return stock.asLong();
    }

    private static JsonNode object(byte[] body) throws InvalidFieldException {
        return JsonBody.object(body, FIELDS, "a product");
    }

    /** Text of 1 to {@code lengthMax} characters, without control or bidirectional override characters. */
    private static String text(JsonNode tree, String field, int lengthMax, boolean required)
            throws InvalidFieldException {
        JsonNode value = tree.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new InvalidFieldException(field, "is missing");
            }
            return null;
        }
        String text = value.isString() ? value.asString() : "";
        if (text.isBlank() || text.length() > lengthMax || text.chars().anyMatch(
                c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            throw new InvalidFieldException(field, "must be a string of 1 to " + lengthMax
                    + " characters without control or formatting characters");
        }
        return text;
    }

    private static long fen(JsonNode value, String field) throws InvalidFieldException {
        if (value == null || !value.isString()) {
            throw new InvalidFieldException(field, "must be a decimal string such as \"10.00\"");
        }
        return MallSplitField.nonNegativeFen(value.asString(), field);
    }

    /** The product's own split, four parts that add up to the price; absent or "plan" for the plan's split. */
    private static MallSplitFen split(JsonNode value, long priceFen) throws InvalidFieldException {
        if (value == null || value.isNull() || (value.isString() && value.asString().equals("plan"))) {
            return null;
        }
        return MallSplitField.parse(value, "\"plan\" or ", priceFen, "price",
                (split, part) -> fen(split.get(part), "split." + part));
    }

    /** Image addresses: at most {@link #IMAGES_MAX} absolute https (or http) URLs. */
    private static List<String> images(JsonNode value) throws InvalidFieldException {
        List<String> urls = new ArrayList<>();
        if (value == null || value.isNull()) {
            return urls;
        }
        if (!value.isArray() || value.size() > IMAGES_MAX) {
            throw new InvalidFieldException("images", "must be a list of at most " + IMAGES_MAX + " URLs");
        }
        for (JsonNode url : value) {
            String text = url.isString() ? url.asString() : "";
            if (text.length() > IMAGE_URL_LENGTH_MAX || !(text.startsWith("https://") || text.startsWith("http://"))
                    || text.contains("\n")) {
                throw new InvalidFieldException("images", "each must be an http(s) URL of at most "
                        + IMAGE_URL_LENGTH_MAX + " characters");
            }
            try {
                URI.create(text);
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException("images", "\"" + text + "\" is not a URL");
            }
            urls.add(text);
        }
        return urls;
    }
}

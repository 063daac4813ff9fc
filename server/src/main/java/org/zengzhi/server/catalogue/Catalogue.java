package org.zengzhi.server.catalogue;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.zengzhi.engine.order.MallSplitFen;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.payment.InvalidFieldException;
import org.zengzhi.server.payment.Pricing;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * The product catalogue's use cases (issue 19 item 1): an operator adds products, anyone signed in lists what is
 * on the shelf, and payments price a cart from it, so a mall order's amount and split are the catalogue's.
 */
public final class Catalogue implements Pricing {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Products products;
    private final EngineGateway gateway;
    private final Clock clock;

    public Catalogue(Products products, EngineGateway gateway, Clock clock) {
        this.products = products;
        this.gateway = gateway;
        this.clock = clock;
    }

    /**
     * Adds a product (201). A retry with the same Idempotency-Key and body gets the first answer; another body
     * under the key, or an id already taken, is 409; a merchant the engine does not know is 422.
     */
    public Response create(String idempotencyKey, byte[] body) {
        Product product;
        try {
            product = ProductRequest.parse(body);
        } catch (InvalidFieldException e) {
            return Problems.badRequest(e.field(), e.field() == null ? e.getMessage()
                    : "field \"" + e.field() + "\": " + e.getMessage());
        }
        String hash = sha256(body);
        String[] known = products.byIdempotencyKey(idempotencyKey);
        if (known != null) {
            return replay(known, hash);
        }
        if (product.merchant() != null && !merchantKnown(product.merchant())) {
            return Problems.rejected("UNKNOWN_MERCHANT", "merchant");
        }
        try {
            products.insert(product, idempotencyKey, hash, clock.instant());
        } catch (DuplicateKeyException e) {
            known = products.byIdempotencyKey(idempotencyKey);
            return known != null ? replay(known, hash)
                    : Problems.conflict("product", "there is already a product " + product.product());
        }
        return new Response(201, JSON.writeValueAsString(products.byId(product.product()).view()));
    }

    private Response replay(String[] known, String hash) {
        return known[1].equals(hash) ? new Response(201, JSON.writeValueAsString(products.byId(known[0]).view()))
                : Problems.conflict("Idempotency-Key", "this key was used with a different request body");
    }

    private boolean merchantKnown(String merchant) {
        return gateway.query(engine -> engine.merchant(merchant) != null).join();
    }

    /** A product, or 404. */
    public Response find(String product) {
        Product found = products.byId(product);
        return found == null ? Problems.problem(404, "Not found", "product", "no product " + product)
                : new Response(200, JSON.writeValueAsString(found.view()));
    }

    /** Products on the shelf, or every product for an operator. */
    public Response list(boolean all) {
        ArrayNode rows = JSON.createArrayNode();
        products.list(all).forEach(product -> rows.add(product.view()));
        return new Response(200, JSON.writeValueAsString(rows));
    }

    @Override
    public Priced price(List<Item> items) throws RefusedException {
        long amount = 0;
        long[] parts = new long[4];
        int ownSplits = 0;
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            Product product = products.byId(item.product());
            String field = "items[" + i + "]";
            if (product == null) {
                throw new RefusedException("UNKNOWN_PRODUCT", field + ".product", "no product " + item.product());
            }
            if (products.supplierOf(item.product()) != null) {
                throw new RefusedException("SUPPLIER_PRODUCT", field + ".product", item.product() + " is a supplier's "
                        + "product, paid at POST /api/v1/me/party/orders");
            }
            if (product.inCoins()) {
                throw new RefusedException("COIN_PRODUCT", field + ".product", item.product() + " is sold for coins "
                        + "in the coin mall (channel \"coin\")");
            }
            onShelfInStock(product, item, field);
            amount = Math.addExact(amount, Math.multiplyExact(product.priceFen(), item.quantity()));
            ownSplits += add(parts, product.split(), item.quantity());
        }
        if (ownSplits != 0 && ownSplits != items.size()) {
            throw new RefusedException("MIXED_SPLITS", "items", "products with their own split and products on the "
                    + "plan's split are paid in separate orders");
        }
        return new Priced(amount, ownSplits == 0 ? null : new MallSplitFen(parts[0], parts[1], parts[2], parts[3]));
    }

    private static void onShelfInStock(Product product, Item item, String field) throws RefusedException {
        if (!product.onShelf()) {
            throw new RefusedException("PRODUCT_OFF_SHELF", field + ".product", item.product() + " is off the shelf");
        }
        if (product.stock() < item.quantity()) {
            throw new RefusedException("OUT_OF_STOCK", field + ".quantity", "only " + product.stock() + " of "
                    + item.product() + " in stock");
        }
    }

    @Override
    public CoinPriced priceInCoins(List<Item> items) throws RefusedException {
        long coins = 0;
        String merchant = null;
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            Product product = products.byId(item.product());
            String field = "items[" + i + "]";
            if (product == null) {
                throw new RefusedException("UNKNOWN_PRODUCT", field + ".product", "no product " + item.product());
            }
            if (!product.inCoins()) {
                throw new RefusedException("NOT_A_COIN_PRODUCT", field + ".product", item.product() + " is not sold "
                        + "for coins");
            }
            if (merchant != null && !merchant.equals(product.merchant())) {
                throw new RefusedException("MIXED_STORES", field + ".product", "one coin purchase buys from one store");
            }
            merchant = product.merchant();
            onShelfInStock(product, item, field);
            coins = Math.addExact(coins, Math.multiplyExact(product.coinPriceFen(), item.quantity()));
        }
        return new CoinPriced(coins, merchant);
    }

    /** Coin-mall products on the shelf (金币商城), for the console. */
    public List<Product> coinMall() {
        return products.coinMall();
    }

    /** Adds a product's split times the quantity to {@code parts}: 1 if the product has its own split, else 0. */
    private static int add(long[] parts, MallSplitFen split, long quantity) {
        if (split == null) {
            return 0;
        }
        parts[0] = Math.addExact(parts[0], Math.multiplyExact(split.costFen(), quantity));
        parts[1] = Math.addExact(parts[1], Math.multiplyExact(split.distributionFen(), quantity));
        parts[2] = Math.addExact(parts[2], Math.multiplyExact(split.platformFen(), quantity));
        parts[3] = Math.addExact(parts[3], Math.multiplyExact(split.poolFen(), quantity));
        return 1;
    }

    @Override
    public boolean take(List<Item> items) {
        for (int i = 0; i < items.size(); i++) {
            if (!products.take(items.get(i).product(), items.get(i).quantity())) {
                giveBack(items.subList(0, i));
                return false;
            }
        }
        return true;
    }

    @Override
    public void giveBack(List<Item> items) {
        items.forEach(item -> products.giveBack(item.product(), item.quantity()));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

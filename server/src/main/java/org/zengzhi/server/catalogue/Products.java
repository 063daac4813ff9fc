package org.zengzhi.server.catalogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.zengzhi.engine.order.MallSplitFen;

/** The {@code products} table (migration V40): the catalogue's SELECTs and its two writes. */
public final class Products {
    private static final String COLUMNS = "product_id, name, price_fen, split_cost_fen, split_distribution_fen, "
            + "split_platform_fen, split_pool_fen, merchant_id, stock, on_shelf, image_urls, coin_price_fen";
    public static final int LISTED_MAX = 500;

    private final JdbcTemplate jdbc;

    public Products(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new product; a duplicate id or Idempotency-Key throws DuplicateKeyException. */
    void insert(Product product, String idempotencyKey, String requestHash, Instant at) {
        MallSplitFen split = product.split();
        jdbc.update("INSERT INTO products (" + COLUMNS + ", idem_key, request_hash, created_at) VALUES (?, ?, ?, ?, ?, "
                + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", product.product(), product.name(), product.priceFen(),
                split == null ? null : split.costFen(), split == null ? null : split.distributionFen(),
                split == null ? null : split.platformFen(), split == null ? null : split.poolFen(), product.merchant(),
                product.stock(), product.onShelf(), String.join("\n", product.imageUrls()),
                product.inCoins() ? product.coinPriceFen() : null, idempotencyKey, requestHash,
                Timestamp.from(at));
    }

    /**
     * Takes {@code quantity} from a product's stock if it is on the shelf and holds that many: one conditional
     * update, so two concurrent buyers can never take the last item twice. False when it could not.
     */
    public boolean take(String product, long quantity) {
        return jdbc.update("UPDATE products SET stock = stock - ? WHERE product_id = ? AND on_shelf AND stock >= ?",
                quantity, product, quantity) == 1;
    }

    /** Puts {@code quantity} back into a product's stock. */
    public void giveBack(String product, long quantity) {
        jdbc.update("UPDATE products SET stock = stock + ? WHERE product_id = ?", quantity, product);
    }

    public Product byId(String product) {
        List<Product> found = jdbc.query("SELECT " + COLUMNS + " FROM products WHERE product_id = ?",
                (rs, i) -> read(rs), product);
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * The four-party supplier that listed a product (server.party, migration V70), or null for the mall's own: a
     * supplier's product is paid through the four-party path, never on the mall split.
     */
    public String supplierOf(String product) {
        return jdbc.queryForList("SELECT supplier_id FROM products WHERE product_id = ?", String.class, product)
                .stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** The idempotency record of a creation: its product id and request hash, or null for an unused key. */
    String[] byIdempotencyKey(String key) {
        List<String[]> found = jdbc.query("SELECT product_id, request_hash FROM products WHERE idem_key = ?",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, key);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Products in id order, at most {@link #LISTED_MAX}; only those on the shelf unless {@code all}. */
    List<Product> list(boolean all) {
        return jdbc.query("SELECT " + COLUMNS + " FROM products" + (all ? "" : " WHERE on_shelf")
                + " ORDER BY product_id LIMIT " + LISTED_MAX, (rs, i) -> read(rs));
    }

    /** Coin-mall products on the shelf (金币商城), in id order, at most {@link #LISTED_MAX}. */
    public List<Product> coinMall() {
        return jdbc.query("SELECT " + COLUMNS + " FROM products WHERE on_shelf AND coin_price_fen > 0"
                + " ORDER BY product_id LIMIT " + LISTED_MAX, (rs, i) -> read(rs));
    }

    private static Product read(ResultSet rs) throws SQLException {
        long cost = rs.getLong("split_cost_fen");
        MallSplitFen split = rs.wasNull() ? null : new MallSplitFen(cost, rs.getLong("split_distribution_fen"),
                rs.getLong("split_platform_fen"), rs.getLong("split_pool_fen"));
        String images = rs.getString("image_urls");
        return new Product(rs.getString("product_id"), rs.getString("name"), rs.getLong("price_fen"), split,
                rs.getString("merchant_id"), rs.getLong("stock"), rs.getBoolean("on_shelf"),
                images.isEmpty() ? List.of() : Arrays.asList(images.split("\n")), rs.getLong("coin_price_fen"));
    }
}

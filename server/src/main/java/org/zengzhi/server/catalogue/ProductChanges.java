package org.zengzhi.server.catalogue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.payment.InvalidFieldException;
import org.zengzhi.server.payment.JsonBody;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An operator changes a listed product (issue 19 item 1): {@code addStock} restocks (positive) or writes off
 * (negative) — a delta, so a purchase taking stock at the same moment is never overwritten — and {@code onShelf}
 * puts it on or takes it off the shelf. One conditional update (stock never below zero) and the change's
 * idempotency record commit in one transaction: a retry with the key answers the first result, another body
 * under the key is 409, and a concurrent duplicate rolls back rather than applying twice.
 */
public final class ProductChanges {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> FIELDS = Set.of("addStock", "onShelf");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Products products;
    private final Clock clock;

    public ProductChanges(JdbcTemplate jdbc, TransactionTemplate transaction, Products products, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.products = products;
        this.clock = clock;
    }

    private record Change(Long addStock, Boolean onShelf) {
    }

    public Response change(String key, String product, byte[] body) {
        Change change;
        try {
            change = parse(body);
        } catch (InvalidFieldException e) {
            return Problems.badRequest(e.field(), e.field() == null ? e.getMessage()
                    : "field \"" + e.field() + "\": " + e.getMessage());
        }
        String hash = sha256(product + "\n" + new String(body, StandardCharsets.UTF_8));
        Response known = replay(key, hash);
        if (known != null) {
            return known;
        }
        try {
            return transaction.execute(status -> apply(key, hash, product, change));
        } catch (DuplicateKeyException e) {
            Response first = replay(key, hash);
            return first != null ? first : Problems.conflict("Idempotency-Key", "this key is in use");
        }
    }

    private Response apply(String key, String hash, String product, Change change) {
        long delta = change.addStock() == null ? 0 : change.addStock();
        int updated = jdbc.update("UPDATE products SET stock = stock + ?, on_shelf = COALESCE(?, on_shelf) "
                + "WHERE product_id = ? AND stock + ? >= 0 AND stock + ? <= ?", delta, change.onShelf(), product, delta,
                delta, ProductRequest.STOCK_MAX);
        Response answer;
        if (updated == 1) {
            answer = new Response(200, JSON.writeValueAsString(products.byId(product).view()));
        } else if (products.byId(product) == null) {
            answer = Problems.problem(404, "Not found", "product", "no product " + product);
        } else {
            answer = Problems.rejected("OUT_OF_STOCK", "addStock");
        }
        jdbc.update("INSERT INTO product_changes (idem_key, request_hash, product_id, status, response, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", key, hash, product, answer.status(), answer.body(),
                Timestamp.from(clock.instant()));
        return answer;
    }

    private Response replay(String key, String hash) {
        List<Response> found = jdbc.query("SELECT request_hash, status, response FROM product_changes WHERE idem_key = ?",
                (rs, i) -> rs.getString(1).equals(hash) ? new Response(rs.getInt(2), rs.getString(3))
                        : Problems.conflict("Idempotency-Key", "this key was used with a different request body"),
                key);
        return found.isEmpty() ? null : found.get(0);
    }

    private static Change parse(byte[] body) throws InvalidFieldException {
        JsonNode tree = JsonBody.object(body, FIELDS, "a product change");
        JsonNode add = tree.get("addStock");
        JsonNode shelf = tree.get("onShelf");
        if (add == null && shelf == null) {
            throw new InvalidFieldException(null, "a product change needs addStock or onShelf");
        }
        if (add != null && (!add.isIntegralNumber() || Math.abs(add.asLong()) > ProductRequest.STOCK_MAX
                || add.asLong() == 0)) {
            throw new InvalidFieldException("addStock", "must be a whole number other than 0, from -"
                    + ProductRequest.STOCK_MAX + " to " + ProductRequest.STOCK_MAX);
        }
        if (shelf != null && !shelf.isBoolean()) {
            throw new InvalidFieldException("onShelf", "must be true or false");
        }
        return new Change(add == null ? null : add.asLong(), shelf == null ? null : shelf.asBoolean());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

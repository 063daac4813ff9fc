package org.zengzhi.server.party;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.zengzhi.engine.Units;

/**
 * Every SELECT of the four-party read model ({@link PartyReadModel} writes it) and of the supplier logins. Public
 * so that the operator's pages (server.partyops) read the same rows. Lists are newest first and bounded.
 */
@Component
public class PartyQueries {
    /** Rows one list returns at most. */
    public static final int ROWS_MAX = 200;
    /** An order's columns with its product's catalogue name (null for a product listed outside the catalogue). */
    private static final String ORDER_COLUMNS = "o.order_id, o.username, o.product, p.name AS product_name, o.supplier, "
            + "o.promoter, o.amount_fen, o.contrib_fen, o.prepaid_fen, o.risk, o.status, o.paid_at, o.settled_at, "
            + "o.refunded_at, o.supplier_settled_fen, o.rebate_fen, o.commission_fen, o.withheld_fen, o.held_fen, "
            + "o.stoken_fen, o.clawed_back_fen FROM party_orders o LEFT JOIN products p ON p.product_id = o.product";

    private final JdbcTemplate jdbc;

    public PartyQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The supplier a login acts for, or null. */
    public String supplierOf(String username) {
        return jdbc.queryForList("SELECT supplier FROM supplier_accounts WHERE username = ?", String.class, username)
                .stream().findFirst().orElse(null);
    }

    /** The login bound to a supplier, or null. */
    public String loginOf(String supplier) {
        return jdbc.queryForList("SELECT username FROM supplier_accounts WHERE supplier = ?", String.class, supplier)
                .stream().findFirst().orElse(null);
    }

    /** The supplier that listed a product in the engine, or null. */
    public String supplierOfProduct(String product) {
        return jdbc.queryForList("SELECT holder FROM party_history WHERE kind = 'LISTED' AND other = ?", String.class,
                product).stream().findFirst().orElse(null);
    }

    /** Suppliers' products on the shelf, for the consumer's page: id, name, price, stock and supplier. */
    public List<Map<String, Object>> shelf() {
        return jdbc.queryForList("SELECT product_id, name, price_fen, stock, supplier_id FROM products "
                + "WHERE supplier_id IS NOT NULL AND on_shelf ORDER BY product_id LIMIT " + ROWS_MAX);
    }

    /** Whether the journal holds a paid order with this id. */
    public boolean paidOrder(String order) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM party_orders WHERE order_id = ?", Integer.class, order);
        return count != null && count > 0;
    }

    /** Whether the user paid an order of the product (only buyers rate). */
    /** A paid order's amount and prepayment as decimals, for the console's notice; null if it is not paid. */
    Map<String, Object> paidAmounts(String order) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT amount_fen, prepaid_fen FROM party_orders "
                + "WHERE order_id = ?", order);
        if (rows.isEmpty()) {
            return null;
        }
        Map<String, Object> paid = new java.util.HashMap<>();
        paid.put("amount", Units.formatFen(((Number) rows.get(0).get("amount_fen")).longValue()));
        paid.put("prepaid", Units.formatFen(((Number) rows.get(0).get("prepaid_fen")).longValue()));
        return paid;
    }

    /** Who bought a four-party order, or null for no such order. */
    String buyerOf(String order) {
        List<String> buyers = jdbc.queryForList("SELECT username FROM party_orders WHERE order_id = ?", String.class,
                order);
        return buyers.isEmpty() ? null : buyers.get(0);
    }

    public boolean bought(String user, String product) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM party_orders WHERE username = ? AND product = ?",
                Integer.class, user, product);
        return count != null && count > 0;
    }

    public List<Map<String, Object>> supplierOrders(String supplier) {
        return jdbc.queryForList("SELECT " + ORDER_COLUMNS + " WHERE o.supplier = ? "
                + "ORDER BY o.command_seq DESC LIMIT " + ROWS_MAX, supplier);
    }

    public List<Map<String, Object>> consumerOrders(String user) {
        return jdbc.queryForList("SELECT " + ORDER_COLUMNS + " WHERE o.username = ? "
                + "ORDER BY o.command_seq DESC LIMIT " + ROWS_MAX, user);
    }

    public List<Map<String, Object>> promotedOrders(String promoter) {
        return jdbc.queryForList("SELECT " + ORDER_COLUMNS + " WHERE o.promoter = ? "
                + "ORDER BY o.command_seq DESC LIMIT " + ROWS_MAX, promoter);
    }

    /** Whether an order's risk leaves it 待审核: flagged (DEVICE or IP) and not yet approved or refused. */
    public static boolean underReview(String risk) {
        return !"CLEAR".equals(risk) && !"APPROVED".equals(risk) && !"REFUSED".equals(risk);
    }

    /** Orders whose rewards wait for an operator's verification (待审核), oldest first: the risk queue. */
    public List<Map<String, Object>> flaggedOrders() {
        return jdbc.queryForList("SELECT " + ORDER_COLUMNS + " WHERE o.risk NOT IN ('CLEAR', 'APPROVED', 'REFUSED') "
                + "ORDER BY o.command_seq LIMIT " + ROWS_MAX);
    }

    /** A holder's movements of the kinds given, newest first. */
    public List<Map<String, Object>> history(String holder, List<String> kinds) {
        String marks = String.join(", ", kinds.stream().map(kind -> "?").toList());
        Object[] arguments = new Object[kinds.size() + 1];
        arguments[0] = holder;
        for (int i = 0; i < kinds.size(); i++) {
            arguments[i + 1] = kinds.get(i);
        }
        return jdbc.queryForList("SELECT command_seq, at, kind, amount_fen, fee_fen, other FROM party_history "
                + "WHERE holder = ? AND kind IN (" + marks + ") ORDER BY command_seq DESC, line DESC LIMIT " + ROWS_MAX,
                arguments);
    }

    /**
     * A supplier's products in listing order: the engine's price and cost, the catalogue's name and stock when the
     * product came through the catalogue, and all ratings so far (count and sum in hundredths of a star).
     */
    public List<Map<String, Object>> supplierProducts(String supplier) {
        return jdbc.queryForList("SELECT l.other AS product, l.amount_fen AS price_fen, l.fee_fen AS cost_fen, "
                + "p.name, p.stock, p.on_shelf, (SELECT COUNT(*) FROM party_history r WHERE r.kind = 'RATING' "
                + "AND r.other = l.other) AS ratings, (SELECT COALESCE(SUM(r.amount_fen), 0) FROM party_history r "
                + "WHERE r.kind = 'RATING' AND r.other = l.other) AS rating_sum FROM party_history l "
                + "LEFT JOIN products p ON p.product_id = l.other WHERE l.holder = ? AND l.kind = 'LISTED' "
                + "ORDER BY l.command_seq LIMIT " + ROWS_MAX, supplier);
    }

    /** Sums of a supplier's orders by status: count, amount, prepaid and settled. */
    public List<Map<String, Object>> supplierTotals(String supplier) {
        return jdbc.queryForList("SELECT status, COUNT(*) AS orders, COALESCE(SUM(amount_fen), 0) AS amount_fen, "
                + "COALESCE(SUM(prepaid_fen), 0) AS prepaid_fen, COALESCE(SUM(supplier_settled_fen), 0) "
                + "AS settled_fen FROM party_orders WHERE supplier = ? GROUP BY status ORDER BY status", supplier);
    }
}

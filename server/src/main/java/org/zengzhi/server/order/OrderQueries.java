package org.zengzhi.server.order;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.zengzhi.server.localize.PlanDays;
import org.zengzhi.server.localize.PlanTime;

/**
 * Every SELECT of the {@code orders} read model ({@link OrderReadModel} writes it), so that its indexes (by user,
 * by merchant, by order id) are read in one place. Rows come back as the database gives them; the views that
 * render them live with the pages and endpoints that show them.
 */
@Component
public class OrderQueries {
    /** At most this many of a user's or a store's orders are listed, newest first. */
    public static final int LIST_ROWS_MAX = 500;
    /** At most this many of a store's orders of today on its console page. */
    public static final int TODAY_ROWS_MAX = 200;
    /** At most this many of a user's pending orders on the wallet page. */
    public static final int PENDING_ROWS_MAX = 50;

    private final JdbcTemplate jdbc;

    OrderQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The buyer and the store of an order (for the object-level checks of ), or null for an unknown order. */
    public Map<String, Object> parties(String order) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT username, merchant FROM orders WHERE order_id = ?", order);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** A user's orders, newest first, with their points and times (the API's /me/orders). */
    public List<Map<String, Object>> ofUser(String user) {
        return jdbc.queryForList("SELECT order_id, merchant, channel, amount, status, points, paid_at, due_at, "
                + "settled_at, refunded_at FROM orders WHERE username = ? ORDER BY command_seq DESC LIMIT " + LIST_ROWS_MAX,
                user);
    }

    /** A user's orders not settled yet, newest first: what is pending in their wallet. */
    public List<Map<String, Object>> pendingOfUser(String user) {
        return jdbc.queryForList("SELECT order_id, merchant, amount, paid_at, due_at FROM orders "
                + "WHERE username = ? AND status = 'PAID' ORDER BY command_seq DESC LIMIT " + PENDING_ROWS_MAX, user);
    }

    /** A store's orders, newest first (the API's /merchants/{merchant}/orders). */
    public List<Map<String, Object>> ofMerchant(String merchant) {
        return jdbc.queryForList("SELECT order_id, username, channel, amount, status, paid_at, "
                + "settled_at FROM orders WHERE merchant = ? ORDER BY command_seq DESC LIMIT " + LIST_ROWS_MAX, merchant);
    }

    /** A store's orders paid today (a calendar day in the plan's zone, not the database's), newest first. */
    public List<Map<String, Object>> ofMerchantToday(String merchant) {
        return jdbc.queryForList("SELECT order_id, username, amount, status, paid_at FROM orders "
                + "WHERE merchant = ? AND paid_at >= ? ORDER BY command_seq DESC LIMIT " + TODAY_ROWS_MAX,
                merchant, startOfDay(0));
    }

    /** The start of the calendar day {@code daysAgo} days before today, in the plan's zone. */
    private static OffsetDateTime startOfDay(int daysAgo) {
        ZoneId zone = PlanTime.zone();
        return LocalDate.now(zone).minusDays(daysAgo).atStartOfDay(zone).toOffsetDateTime();
    }

    /**
     * A store's settled orders per day of settlement over the last {@code days} calendar days (today included),
     * newest first: how many, their amount and what the store received. Days are those of the plan's zone
     * (Asia/Shanghai by default), not the database's, so they match the statements (结算单); days without a
     * settlement are left out. Orders paid before the read model recorded the store's share (migration V9) are
     * not counted.
     */
    public List<Map<String, Object>> settledPerDay(String merchant, int days) {
        ZoneId zone = PlanTime.zone();
        Map<LocalDate, long[]> perDay = new TreeMap<>(Comparator.reverseOrder());
        jdbc.query("SELECT settled_at, amount, merchant_share FROM orders WHERE merchant = ? AND settled_at >= ? "
                + "AND merchant_share IS NOT NULL", (ResultSet row) -> {
                    LocalDate day = row.getObject(1, OffsetDateTime.class).atZoneSameInstant(zone).toLocalDate();
                    long[] sums = perDay.computeIfAbsent(day, d -> new long[3]);
                    sums[0]++;
                    sums[1] = Math.addExact(sums[1], row.getLong(2));
                    sums[2] = Math.addExact(sums[2], row.getLong(3));
                }, merchant, startOfDay(days - 1));
        List<Map<String, Object>> rows = new ArrayList<>();
        perDay.forEach((day, sums) -> rows.add(Map.of("settled_day", day.toString(), "orders", sums[0],
                "amount", sums[1], "received", sums[2])));
        return rows;
    }

    /** GMV and orders per day of payment, newest first, over every store. */
    public List<Map<String, Object>> paidPerDay(int days) {
        String day = PlanDays.sqlDay("paid_at");
        return jdbc.queryForList("SELECT " + day + " AS paid_day, COUNT(*) AS order_count, SUM(amount) AS gmv "
                + "FROM orders GROUP BY " + day + " ORDER BY paid_day DESC LIMIT " + days);
    }

    /**
     * Orders and GMV of the given stores (refunds left out), one grouped query over the merchant index: the cost
     * follows the stores' orders, not the whole table.
     */
    public List<Map<String, Object>> flowsOf(List<String> merchants) {
        if (merchants.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", Collections.nCopies(merchants.size(), "?"));
        return jdbc.queryForList("SELECT merchant, COUNT(*) AS order_count, SUM(amount) AS gmv "
                + "FROM orders WHERE merchant IN (" + marks + ") AND status <> 'REFUNDED' GROUP BY merchant",
                merchants.toArray());
    }
}

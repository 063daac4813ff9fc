package org.zengzhi.server.green;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.zengzhi.engine.Units;
import org.zengzhi.server.localize.PlanTime;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The SELECTs of the green-points history ({@link GreenReadModel}'s tables), as JSON arrays for the views: a
 * holder's dividends, the pools' dividends and a promoter's income by month. Pay days are calendar days of the
 * plan's zone ({@link PlanTime}); amounts are exact decimals of fen and centipoints, rates percentages of ppm.
 */
@Component
public class GreenHistory {
    /** How many rows a history shows, newest first. */
    static final int ROWS_MAX = 120;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    GreenHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What {@code holder} (a user in the consumer pool, a store in the merchant pool) received from each dividend,
     * newest first: pay day, pool, period (or first–last when one tick paid two), scale and vouchers received.
     */
    public ArrayNode dividendsOf(String holder, String pool) {
        ArrayNode rows = JSON.createArrayNode();
        jdbc.query("SELECT MIN(d.due_at) AS due_at, MIN(d.period_no) AS first_period, MAX(d.period_no) AS last_period, "
                + "MIN(d.scale_ppm) AS scale_ppm, r.vouchers FROM green_receipts r JOIN green_dividends d "
                + "ON d.command_seq = r.command_seq AND d.pool = r.pool WHERE r.holder = ? AND r.pool = ? "
                + "GROUP BY r.command_seq, r.vouchers ORDER BY r.command_seq DESC LIMIT " + ROWS_MAX, rs -> {
                    ObjectNode row = rows.addObject();
                    row.put("day", day(rs.getTimestamp("due_at")));
                    row.put("pool", pool.toUpperCase(Locale.ROOT));
                    int first = rs.getInt("first_period");
                    int last = rs.getInt("last_period");
                    row.put("period", first == last ? String.valueOf(first) : first + "–" + last);
                    row.put("scale", percent(rs.getLong("scale_ppm")));
                    row.put("vouchers", Units.formatFen(rs.getLong("vouchers")));
                }, holder, pool);
        return rows;
    }

    /** Every dividend of both pools, newest first: day, pool, period, value, growth, scale, vouchers, lots retired. */
    public ArrayNode pools() {
        ArrayNode rows = JSON.createArrayNode();
        jdbc.query("SELECT pool, period_no, due_at, pool_value, growth_ppm, scale_ppm, vouchers, lots, retired "
                + "FROM green_dividends ORDER BY due_at DESC, command_seq DESC, pool LIMIT " + ROWS_MAX, rs -> {
                    ObjectNode row = rows.addObject();
                    row.put("day", day(rs.getTimestamp("due_at")));
                    row.put("pool", rs.getString("pool").toUpperCase(Locale.ROOT));
                    row.put("period", rs.getInt("period_no"));
                    row.put("value", Units.formatFen(rs.getLong("pool_value")));
                    long growth = rs.getLong("growth_ppm");
                    row.put("growth", growth < 0 ? null : percent(growth));
                    row.put("scale", percent(rs.getLong("scale_ppm")));
                    row.put("vouchers", Units.formatFen(rs.getLong("vouchers")));
                    row.put("lots", rs.getInt("lots"));
                    row.put("retired", rs.getInt("retired"));
                });
        return rows;
    }

    /** A promoter's closed months, newest first: rank, metric, personal, coaching, subsidy and total pay. */
    public ArrayNode incomeOf(String promoter) {
        ArrayNode rows = JSON.createArrayNode();
        jdbc.query("SELECT closed_month, rank_held, next_rank, metric, personal, coaching, subsidy "
                + "FROM green_promoter_months WHERE promoter = ? ORDER BY closed_month DESC LIMIT " + ROWS_MAX, rs -> {
                    ObjectNode row = rows.addObject();
                    row.put("month", rs.getString("closed_month"));
                    row.put("rank", rs.getString("rank_held"));
                    row.put("nextRank", rs.getString("next_rank"));
                    row.put("metric", Units.formatFen(rs.getLong("metric")));
                    long personal = rs.getLong("personal");
                    long coaching = rs.getLong("coaching");
                    long subsidy = rs.getLong("subsidy");
                    row.put("personal", Units.formatFen(personal));
                    row.put("coaching", Units.formatFen(coaching));
                    row.put("subsidy", Units.formatFen(subsidy));
                    row.put("total", Units.formatFen(Math.addExact(Math.addExact(personal, coaching), subsidy)));
                }, promoter);
        return rows;
    }

    /** {@code view} (a JSON object, or null) with {@code rows} set as {@code field}; null stays null. */
    static String with(String view, String field, ArrayNode rows) {
        if (view == null) {
            return null;
        }
        ObjectNode node = (ObjectNode) JSON.readTree(view);
        node.set(field, rows);
        return JSON.writeValueAsString(node);
    }

    /**
     * {@code view} (a consumer's or store's, or null) with its dividend history as {@code dividends}, each row with
     * the rate of its pool when the pool's rate is constant (else null: each lot's rate depends on its own period).
     */
    static String withDividends(String view, ArrayNode rows) {
        if (view == null) {
            return null;
        }
        ObjectNode node = (ObjectNode) JSON.readTree(view);
        java.util.Map<String, tools.jackson.databind.JsonNode> rates = new java.util.HashMap<>();
        node.get("pools").forEach(pool -> rates.put(pool.get("pool").asString(), pool.get("rate")));
        rows.forEach(row -> ((ObjectNode) row).set("rate", rates.get(row.get("pool").asString())));
        node.set("dividends", rows);
        return JSON.writeValueAsString(node);
    }

    private static String day(Timestamp at) {
        return LocalDate.ofInstant(at.toInstant(), PlanTime.zone()).toString();
    }

    private static String percent(long ppm) {
        return Units.format(ppm, 4) + "%";
    }
}

package org.zengzhi.server.partyops;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.zengzhi.engine.Units;
import org.zengzhi.server.localize.PlanTime;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every SELECT of the four-party operator's read models ({@link PartyOpsReadModel} writes them): the risk
 * queue, sums of settled sales and withheld commission, month closes and escrow statements. Times are shown
 * in the plan's zone ({@link PlanTime}); amounts as exact decimals of fen.
 */
@Component
class PartyOpsQueries {
    /** At most this many rows of the risk queue, statements or months are listed. */
    static final int ROWS_MAX = 500;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    PartyOpsQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Flagged orders, those waiting for a decision first, then the decided ones, newest first. */
    ArrayNode riskQueue() {
        ArrayNode rows = JSON.createArrayNode();
        jdbc.query("SELECT order_id, consumer, product, supplier, device, ip, amount, risk, settled, held, status, "
                + "released, cancelled, paid_at, decided_at FROM party_risk_orders "
                + "ORDER BY CASE WHEN status = 'FLAGGED' THEN 0 ELSE 1 END, paid_at DESC, order_id "
                + "FETCH FIRST " + ROWS_MAX + " ROWS ONLY", (java.sql.ResultSet row) -> {
                    ObjectNode node = rows.addObject();
                    node.put("order", row.getString("order_id"));
                    node.put("consumer", row.getString("consumer"));
                    node.put("product", row.getString("product"));
                    node.put("supplier", row.getString("supplier"));
                    node.put("device", row.getString("device"));
                    node.put("ip", row.getString("ip"));
                    node.put("amount", Units.formatFen(row.getLong("amount")));
                    node.put("risk", row.getString("risk"));
                    node.put("settled", row.getBoolean("settled"));
                    node.put("held", Units.formatFen(row.getLong("held")));
                    node.put("status", row.getString("status"));
                    node.put("released", Units.formatFen(row.getLong("released")));
                    node.put("cancelled", Units.formatFen(row.getLong("cancelled")));
                    node.put("paidAt", time(row.getObject("paid_at", OffsetDateTime.class)));
                    node.put("decidedAt", time(row.getObject("decided_at", OffsetDateTime.class)));
                });
        return rows;
    }

    /** Settled sales by supplier, in fen. */
    Map<String, Long> salesBySupplier() {
        return sums("SELECT supplier, SUM(amount) FROM party_settlements GROUP BY supplier");
    }

    /** Commission and allowance withheld (credit score below the minimum) by the order's promoter, in fen. */
    Map<String, Long> withheldByPromoter() {
        return sums("SELECT promoter, SUM(withheld) FROM party_settlements WHERE promoter IS NOT NULL GROUP BY promoter");
    }

    private Map<String, Long> sums(String sql) {
        Map<String, Long> sums = new HashMap<>();
        jdbc.query(sql, (java.sql.ResultSet row) -> {
            sums.put(row.getString(1), row.getLong(2));
        });
        return sums;
    }

    /** Closed months, newest first: the month, when it closed, and the engine's P&L and burn in fen. */
    List<MonthRow> months() {
        return jdbc.query("SELECT close_month, closed_at, close_json FROM party_month_closes ORDER BY close_month DESC FETCH FIRST "
                + ROWS_MAX + " ROWS ONLY", (row, n) -> new MonthRow(row.getString("close_month"),
                time(row.getObject("closed_at", OffsetDateTime.class)), JSON.readTree(row.getString("close_json"))));
    }

    record MonthRow(String month, String closedAt, JsonNode close) {
    }

    /** Escrow statements, newest first, with the ledger's escrow at that point and the difference (a finding). */
    ArrayNode statements() {
        ArrayNode rows = JSON.createArrayNode();
        jdbc.query("SELECT stated_at, statement, ledger, difference FROM party_escrow_statements "
                + "ORDER BY command_seq DESC FETCH FIRST " + ROWS_MAX + " ROWS ONLY", (java.sql.ResultSet row) -> {
                    ObjectNode node = rows.addObject();
                    node.put("at", time(row.getObject("stated_at", OffsetDateTime.class)));
                    node.put("statement", Units.formatFen(row.getLong("statement")));
                    node.put("ledger", Units.formatFen(row.getLong("ledger")));
                    long difference = row.getLong("difference");
                    node.put("difference", Units.formatFen(difference));
                    node.put("finding", difference != 0);
                });
        return rows;
    }

    private static String time(OffsetDateTime at) {
        return at == null ? null : PlanTime.format(at.toInstant());
    }
}

package org.zengzhi.server.storewallet;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The SELECT of a store's settlement statements (结算单, issue 19 item 2): every posting to the store's settled
 * cash, {@code MERCHANT_CASH}, with the time and type of the journal row it belongs to, oldest first. The
 * statements are sums of these rows, so they reconcile to the ledger to the fen by construction.
 */
@Component
class StatementQueries {
    private final JdbcTemplate jdbc;

    StatementQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Map<String, Object>> cashPostings(String merchant) {
        return jdbc.queryForList("SELECT j.at, j.command_type, p.amount FROM postings p JOIN journal j "
                + "ON j.seq = p.command_seq WHERE p.owner = ? AND p.account_type = 'MERCHANT_CASH' "
                + "ORDER BY p.command_seq, p.posting_index", merchant);
    }

    /** The store's settled orders with their amount A and the store's share A − C (read model since V9). */
    List<Map<String, Object>> settledOrders(String merchant) {
        return jdbc.queryForList("SELECT settled_at, amount, merchant_share FROM orders WHERE merchant = ? "
                + "AND settled_at IS NOT NULL AND merchant_share IS NOT NULL", merchant);
    }

    /** The statements of the store's newest {@code days} days, with each day's gross and commission. */
    List<Statements.Day> statements(String merchant, java.time.ZoneId zone, int days) {
        return Statements.daily(cashPostings(merchant), Statements.takingsPerDay(settledOrders(merchant), zone), zone,
                days);
    }

    /**
     * Every posting to a supplier's cash and to its cash being withdrawn ({@code SUPPLIER_CASH},
     * {@code SUPPLIER_CASH_WITHDRAWING}), with the time and type of its journal row, oldest first.
     */
    List<Map<String, Object>> supplierPostings(String supplier) {
        return jdbc.queryForList("SELECT j.at, j.command_type, p.account_type, p.amount FROM postings p JOIN journal j "
                + "ON j.seq = p.command_seq WHERE p.owner = ? AND p.account_type IN ('SUPPLIER_CASH', "
                + "'SUPPLIER_CASH_WITHDRAWING') ORDER BY p.command_seq, p.posting_index", supplier);
    }

    /** The statements of the supplier's newest {@code days} days (供应商结算单). */
    List<SupplierStatements.Day> supplierStatements(String supplier, java.time.ZoneId zone, int days) {
        return SupplierStatements.daily(supplierPostings(supplier), zone, days);
    }
}

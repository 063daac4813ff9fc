package org.zengzhi.server.storewallet;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.zengzhi.engine.Units;
import org.zengzhi.server.console.ConsoleCalls;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.withdrawal.Payees;


import org.zengzhi.server.withdrawal.WithdrawalQueries;

/**
 * The figures of the store wallet section of the merchant's console page (门店钱包, issue 19 item 2): balance and
 * cash being withdrawn, the last daily statements (结算单), the store's payee accounts (masked), its recent
 * withdrawals, and fresh idempotency keys for the forms {@link StoreWalletPages} handles.
 */
@Component
public class StoreWalletView {
    private static final int STATEMENT_DAYS_SHOWN = 7;
    private static final int WITHDRAWALS_SHOWN = 10;

    private final EngineGateway gateway;
    private final StatementQueries statements;
    private final Payees payees;
    private final WithdrawalQueries withdrawalRows;

    StoreWalletView(EngineGateway gateway, StatementQueries statements, Payees payees, WithdrawalQueries withdrawalRows) {
        this.gateway = gateway;
        this.statements = statements;
        this.payees = payees;
        this.withdrawalRows = withdrawalRows;
    }

    /** Puts the section's figures on the page's model, as {@code storeWallet}; nothing for an unknown store. */
    public void show(String merchant, Model model) {
        show(WalletHolder.STORE, merchant, model);
    }

    /**
     * The same section on the supplier's console page (供应商钱包), as {@code storeWallet}: its cash, what is being
     * withdrawn, its last statements (prepayments and settlements as takings, clawbacks as refunds), its payees
     * and withdrawals; the forms post to {@link StoreWalletPages}. Nothing for an unknown supplier.
     */
    public void showSupplier(String supplier, Model model) {
        show(WalletHolder.SUPPLIER, supplier, model);
    }

    private void show(WalletHolder holder, String id, Model model) {
        Wallet wallet = ConsoleCalls.await(gateway.query(engine -> holder.known(engine, id).exists()
                ? new Wallet(holder.cashAndWithdrawing(engine, id), WalletHolder.zone(engine)) : null));
        if (wallet == null) {
            return;
        }
        boolean store = holder == WalletHolder.STORE;
        model.addAttribute("storeWallet", section(wallet, days(holder, id, wallet.zone()), holder.payeeOwner(id),
                withdrawals(store ? withdrawalRows.ofStore(id) : withdrawalRows.ofSupplier(id)),
                store ? "/console/merchant" : "/console/supplier", store ? "storeWallet" : "supplierWallet"));
    }

    private record Wallet(long[] cashAndWithdrawing, ZoneId zone) {
    }

    /** The last statements, a supplier's prepayments and settlements shown as takings, its clawbacks as refunds. */
    private List<Map<String, Object>> days(WalletHolder holder, String id, ZoneId zone) {
        if (holder == WalletHolder.STORE) {
            return statements.statements(id, zone, STATEMENT_DAYS_SHOWN).stream()
                    .map(day -> row(day.date(), day.openingFen(), day.settledFen(), day.refundsFen(),
                            day.withdrawnFen(), day.closingFen()))
                    .toList();
        }
        return statements.supplierStatements(id, zone, STATEMENT_DAYS_SHOWN).stream()
                .map(day -> row(day.date(), day.openingFen(), day.prepaymentsFen() + day.settlementsFen(),
                        day.clawbacksFen(), day.withdrawnFen(), day.closingFen()))
                .toList();
    }

    private Map<String, Object> section(Wallet wallet, List<Map<String, Object>> days, String payeeOwner,
            List<Map<String, Object>> withdrawals, String actions, String messages) {
        return Map.ofEntries(Map.entry("cash", Units.formatFen(wallet.cashAndWithdrawing()[0])),
                Map.entry("withdrawing", Units.formatFen(wallet.cashAndWithdrawing()[1])),
                Map.entry("timeZone", wallet.zone().getId()), Map.entry("statements", days),
                Map.entry("payees", ConsoleCalls.list(payees.list(payeeOwner).body())),
                Map.entry("withdrawals", withdrawals), Map.entry("withdrawKey", UUID.randomUUID().toString()),
                Map.entry("payeeKey", UUID.randomUUID().toString()), Map.entry("actions", actions),
                Map.entry("messages", messages));
    }

    private static Map<String, Object> row(java.time.LocalDate date, long opening, long settled, long refunds,
            long withdrawn, long closing) {
        return Map.of("date", date.toString(), "opening", Units.formatFen(opening), "settled", Units.formatFen(settled),
                "refunds", Units.formatFen(refunds), "withdrawn", Units.formatFen(withdrawn),
                "closing", Units.formatFen(closing));
    }

    /**
     * The wallet's withdrawals, newest first, by the read model's store or supplier column (migration V90): also
     * those the API made without a payee, which the owner's own wallet page no longer lists.
     */
    private static List<Map<String, Object>> withdrawals(List<Map<String, Object>> rows) {
        return rows.stream().limit(WITHDRAWALS_SHOWN)
                .map(row -> Map.<String, Object>of("id", row.get("withdrawal_id"),
                        "amount", Units.formatFen(((Number) row.get("amount")).longValue()),
                        "payout", Units.formatFen(((Number) row.get("payout")).longValue()),
                        "state", row.get("state"), "requestedAt", ConsoleCalls.time(row.get("requested_at"))))
                .toList();
    }
}

package org.zengzhi.server.storewallet;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.zengzhi.engine.Units;
import org.zengzhi.engine.green.GreenRules;
import org.zengzhi.engine.ledger.AccountType;
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

    private record Store(String owner, long cashFen, long withdrawingFen, ZoneId zone) {
    }

    /** Puts the section's figures on the page's model, as {@code storeWallet}; nothing for an unknown store. */
    public void show(String merchant, Model model) {
        Store store = ConsoleCalls.await(gateway.query(engine -> {
            GreenRules green = engine.plan().greenPoints();
            return new Store(engine.merchantOwner(merchant), engine.balance(AccountType.MERCHANT_CASH, merchant),
                    engine.balance(AccountType.MERCHANT_CASH_WITHDRAWING, merchant),
                    green == null ? GreenRules.SHANGHAI : green.timeZone());
        }));
        if (store.owner() == null) {
            return;
        }
        String payeeOwner = StoreWalletController.payeeOwner(merchant);
        model.addAttribute("storeWallet", Map.of(
                "cash", Units.formatFen(store.cashFen()),
                "withdrawing", Units.formatFen(store.withdrawingFen()),
                "timeZone", store.zone().getId(),
                "statements", statements.statements(merchant, store.zone(), STATEMENT_DAYS_SHOWN)
                        .stream().map(day -> Map.of("date", day.date().toString(),
                                "opening", Units.formatFen(day.openingFen()), "settled", Units.formatFen(day.settledFen()),
                                "refunds", Units.formatFen(day.refundsFen()), "withdrawn", Units.formatFen(day.withdrawnFen()),
                                "closing", Units.formatFen(day.closingFen())))
                        .toList(),
                "payees", ConsoleCalls.list(payees.list(payeeOwner).body()),
                "withdrawals", withdrawalsOf(merchant),
                "withdrawKey", UUID.randomUUID().toString(),
                "payeeKey", UUID.randomUUID().toString()));
    }

    /**
     * The store's withdrawals, newest first, by the read model's store column (migration V90): also those the API
     * made without a payee, which the owner's own wallet page no longer lists.
     */
    private List<Map<String, Object>> withdrawalsOf(String merchant) {
        return withdrawalRows.ofStore(merchant).stream().limit(WITHDRAWALS_SHOWN)
                .map(row -> Map.<String, Object>of("id", row.get("withdrawal_id"),
                        "amount", Units.formatFen(((Number) row.get("amount")).longValue()),
                        "payout", Units.formatFen(((Number) row.get("payout")).longValue()),
                        "state", row.get("state"), "requestedAt", ConsoleCalls.time(row.get("requested_at"))))
                .toList();
    }
}

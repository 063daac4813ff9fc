package org.zengzhi.server.storewallet;

import java.time.ZoneId;

import org.zengzhi.engine.Engine;
import org.zengzhi.engine.Units;
import org.zengzhi.engine.green.GreenRules;
import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Whose wallet (issue 19 item 2): a store's (门店钱包, {@code /merchants/{merchant}}) or a supplier's (供应商钱包,
 * {@code /suppliers/{supplier}}, four-party plans). The wallet API, its statements and the console's wallet forms
 * are one implementation for both; what differs is named here: the field errors name, the accounts of the wallet's
 * figures, and who the engine says owns it.
 */
enum WalletHolder {
    STORE("merchant", "store", "merchants"),
    SUPPLIER("supplier", "supplier", "suppliers");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The field a problem names and the wallet view's first key. */
    final String field;
    private final String noun;
    private final String path;

    WalletHolder(String field, String noun, String path) {
        this.field = field;
        this.noun = noun;
        this.path = path;
    }

    /** A holder the engine knows (or not), with its owner (a supplier may have none; a store always has one). */
    record Known(boolean exists, String owner) {
    }

    Known known(Engine engine, String id) {
        if (this == STORE) {
            String owner = engine.merchantOwner(id);
            return new Known(owner != null, owner);
        }
        return new Known(engine.knowsSupplier(id), engine.supplierOwner(id));
    }

    /** The owner of the holder's payee accounts in the payee table: the store or supplier, not any one user. */
    String payeeOwner(String id) {
        return field + ":" + id;
    }

    /** The API path of the holder's withdrawals, the request's identity under its Idempotency-Key. */
    String withdrawalsPath(String id) {
        return "/" + path + "/" + id + "/withdrawals";
    }

    /** What the withdrawal body is called in its errors. */
    String withdrawalNoun() {
        return "a " + noun + " withdrawal";
    }

    Response forbidden() {
        return Problems.problem(403, "Forbidden", field, "only the " + noun + "'s owner may do this");
    }

    Response unknown(String id) {
        return Problems.problem(404, "Not found", field, "no " + noun + " " + id);
    }

    /** The wallet's figures (its balances in yuan) with its id and owner; null for a holder the engine does not know. */
    ObjectNode view(Engine engine, String id) {
        Known known = known(engine, id);
        if (!known.exists()) {
            return null;
        }
        ObjectNode view = JSON.createObjectNode();
        view.put(field, id);
        view.put("owner", known.owner());
        if (this == STORE) {
            view.put("cash", yuan(engine.balance(AccountType.MERCHANT_CASH, id)));
            view.put("withdrawing", yuan(engine.balance(AccountType.MERCHANT_CASH_WITHDRAWING, id)));
            view.put("pending", yuan(engine.balance(AccountType.MERCHANT_PENDING, id)));
            view.put("debt", yuan(-engine.balance(AccountType.MERCHANT_DEBT, id)));
        } else {
            view.put("cash", yuan(engine.supplierBalance(AccountType.SUPPLIER_CASH, id)));
            view.put("withdrawing", yuan(engine.supplierBalance(AccountType.SUPPLIER_CASH_WITHDRAWING, id)));
            view.put("owed", yuan(-engine.supplierBalance(AccountType.SUPPLIER_RECEIVABLE, id)));
            view.put("deposit", yuan(engine.supplierBalance(AccountType.SUPPLIER_DEPOSIT, id)));
        }
        return view;
    }

    /** The cash the wallet holds and the cash frozen for its withdrawals, in fen. */
    long[] cashAndWithdrawing(Engine engine, String id) {
        return this == STORE
                ? new long[] {engine.balance(AccountType.MERCHANT_CASH, id),
                    engine.balance(AccountType.MERCHANT_CASH_WITHDRAWING, id)}
                : new long[] {engine.supplierBalance(AccountType.SUPPLIER_CASH, id),
                    engine.supplierBalance(AccountType.SUPPLIER_CASH_WITHDRAWING, id)};
    }

    /** The days of statements and pages: the plan's time zone, Asia/Shanghai unless it says otherwise. */
    static ZoneId zone(Engine engine) {
        GreenRules green = engine.plan().greenPoints();
        return green == null ? GreenRules.SHANGHAI : green.timeZone();
    }

    private static String yuan(long fen) {
        return Units.formatFen(fen);
    }
}

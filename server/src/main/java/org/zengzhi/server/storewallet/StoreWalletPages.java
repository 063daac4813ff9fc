package org.zengzhi.server.storewallet;

import java.security.Principal;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zengzhi.server.account.AccountStore;
import org.zengzhi.server.account.Role;
import org.zengzhi.server.console.ConsoleCalls;
import org.zengzhi.server.gateway.EngineGateway;

/**
 * The forms of the wallet section of the merchant's and the supplier's console pages (门店钱包, 供应商钱包, issue 19
 * item 2; its figures: {@link StoreWalletView}): add a payee account and withdraw to one ({@link WalletForms}),
 * through the API's use case ({@link WalletApi#request}) with the Idempotency-Key the page put in a hidden field,
 * so a double submit acts once. Only the store's own account, or the login bound to the supplier, acts; an
 * operator opening the page with {@code ?merchant=} or {@code ?id=} does not.
 */
@Controller
class StoreWalletPages {
    private final AccountStore accounts;
    private final SupplierLogins logins;
    private final EngineGateway gateway;
    private final WalletForms forms;
    private final WalletApi api;

    StoreWalletPages(AccountStore accounts, SupplierLogins logins, EngineGateway gateway, WalletForms forms, WalletApi api) {
        this.accounts = accounts;
        this.logins = logins;
        this.gateway = gateway;
        this.forms = forms;
        this.api = api;
    }

    /** Adds a payee account (收款账户) for the store or supplier, through the API's use case and its key scope. */
    @PostMapping("/console/{page:merchant|supplier}/payees")
    String addPayee(@PathVariable String page, @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String account, @RequestParam(defaultValue = "") String verifiedName,
            @RequestParam String key, Principal me, RedirectAttributes flash) {
        WalletHolder holder = holder(page);
        forms.addPayee(holder.payeeOwner(own(holder, me)), kind, account, verifiedName, key, flash);
        return back(page);
    }

    /** A withdrawal from the holder's cash to one of its payees: the API's use case, the form's key. */
    @PostMapping("/console/{page:merchant|supplier}/withdraw")
    String withdraw(@PathVariable String page, @RequestParam(defaultValue = "") String amount,
            @RequestParam(defaultValue = "") String payee, @RequestParam String key, Principal me,
            RedirectAttributes flash) {
        WalletHolder holder = holder(page);
        String id = own(holder, me);
        forms.withdraw(holder.payeeOwner(id), amount, payee, flash, (amountFen, account, body) -> {
            String owner = ConsoleCalls.await(gateway.query(engine -> holder.known(engine, id).owner()));
            return api.request(holder, owner, id, amountFen, account, key, body);
        });
        return back(page);
    }

    private static WalletHolder holder(String page) {
        return "merchant".equals(page) ? WalletHolder.STORE : WalletHolder.SUPPLIER;
    }

    private static String back(String page) {
        return "redirect:/console/" + page + "#store-wallet";
    }

    /** The holder the signed-in login is; nobody else (operators included) acts for a store's or supplier's cash. */
    private String own(WalletHolder holder, Principal me) {
        if (holder == WalletHolder.SUPPLIER) {
            String supplier = logins.supplierOf(me.getName());
            if (supplier == null) {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                        "only the supplier's own login acts for its wallet");
            }
            return supplier;
        }
        AccountStore.Login login = accounts.login(me.getName());
        if (login == null || login.account().role() != Role.MERCHANT || login.account().merchant() == null) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only the store's own account acts for its wallet");
        }
        return login.account().merchant();
    }
}

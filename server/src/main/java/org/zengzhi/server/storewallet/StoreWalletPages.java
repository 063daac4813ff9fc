package org.zengzhi.server.storewallet;

import java.security.Principal;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zengzhi.server.account.AccountStore;
import org.zengzhi.server.account.Role;
import org.zengzhi.server.console.ConsoleCalls;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.withdrawal.Withdrawals;


/**
 * The forms of the store wallet section of the merchant's console page (its figures: {@link StoreWalletView}) (门店钱包, issue 19 item 2): balance and cash being
 * withdrawn, the last daily statements (结算单), the store's payee accounts (masked) and a withdrawal form. The
 * forms go through the API's use cases ({@link WalletForms}, {@link Withdrawals#requestForStore}) with the
 * Idempotency-Key the page put in a hidden field, so a double submit acts once. Only the store's own account sees
 * and uses it; an operator opening the store with {@code ?merchant=} does not.
 */
@Controller
public class StoreWalletPages {
    private final AccountStore accounts;
    private final EngineGateway gateway;
    private final WalletForms forms;
    private final Withdrawals withdrawals;

    StoreWalletPages(AccountStore accounts, EngineGateway gateway, WalletForms forms, Withdrawals withdrawals) {
        this.accounts = accounts;
        this.gateway = gateway;
        this.forms = forms;
        this.withdrawals = withdrawals;
    }

    /** Adds a payee account (收款账户) for the store, through the API's use case and its key scope. */
    @PostMapping("/console/merchant/payees")
    String addPayee(@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String account,
            @RequestParam(defaultValue = "") String verifiedName, @RequestParam String key, Principal me,
            RedirectAttributes flash) {
        forms.addPayee(StoreWalletController.payeeOwner(ownStore(me)), kind, account, verifiedName, key, flash);
        return "redirect:/console/merchant#store-wallet";
    }

    /** A withdrawal from the store's settled cash to one of its payees: the API's use case, the form's key. */
    @PostMapping("/console/merchant/withdraw")
    String withdraw(@RequestParam(defaultValue = "") String amount, @RequestParam(defaultValue = "") String payee,
            @RequestParam String key, Principal me, RedirectAttributes flash) {
        String merchant = ownStore(me);
        forms.withdraw(StoreWalletController.payeeOwner(merchant), amount, payee, flash, (amountFen, account, body) -> {
            String owner = ConsoleCalls.await(gateway.query(engine -> engine.merchantOwner(merchant)));
            return withdrawals.requestForStore(owner, merchant, amountFen, account, key,
                    "/merchants/" + merchant + "/withdrawals", body);
        });
        return "redirect:/console/merchant#store-wallet";
    }

    /** The store of the signed-in merchant account; nobody else (operators included) acts for a store's cash. */
    private String ownStore(Principal me) {
        AccountStore.Login login = accounts.login(me.getName());
        if (login == null || login.account().role() != Role.MERCHANT || login.account().merchant() == null) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only the store's own account acts for its wallet");
        }
        return login.account().merchant();
    }
}

package org.zengzhi.server.storewallet;

import java.security.Principal;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zengzhi.server.console.ConsoleCalls;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.web.GatewayCalls;
import org.zengzhi.server.withdrawal.Withdrawals;

/**
 * The forms of the wallet section of the supplier's console page (供应商钱包, issue 19 item 2; its figures:
 * {@link StoreWalletView#showSupplier}): add a payee account and withdraw to one, as the store's section does
 * ({@link WalletForms}), through {@link Withdrawals#requestForSupplier} with the form's Idempotency-Key. Only the
 * login bound to the supplier acts; an operator opening the page with {@code ?id=} does not.
 */
@Controller
class SupplierWalletPages {
    private static final String BACK = "redirect:/console/supplier#store-wallet";

    private final SupplierLogins logins;
    private final EngineGateway gateway;
    private final WalletForms forms;
    private final Withdrawals withdrawals;

    SupplierWalletPages(SupplierLogins logins, EngineGateway gateway, WalletForms forms, Withdrawals withdrawals) {
        this.logins = logins;
        this.gateway = gateway;
        this.forms = forms;
        this.withdrawals = withdrawals;
    }

    @PostMapping("/console/supplier/payees")
    String addPayee(@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String account,
            @RequestParam(defaultValue = "") String verifiedName, @RequestParam String key, Principal me,
            RedirectAttributes flash) {
        forms.addPayee(SupplierWalletController.payeeOwner(ownSupplier(me)), kind, account, verifiedName, key, flash);
        return BACK;
    }

    @PostMapping("/console/supplier/withdraw")
    String withdraw(@RequestParam(defaultValue = "") String amount, @RequestParam(defaultValue = "") String payee,
            @RequestParam String key, Principal me, RedirectAttributes flash) {
        String supplier = ownSupplier(me);
        forms.withdraw(SupplierWalletController.payeeOwner(supplier), amount, payee, flash, (amountFen, account, body) -> {
            String owner = ConsoleCalls.await(gateway.query(engine -> engine.supplierOwner(supplier)));
            if (owner == null) {
                return GatewayCalls.done(Problems.rejected("NOT_SUPPLIER_OWNER", "supplier"));
            }
            return withdrawals.requestForSupplier(owner, supplier, amountFen, account, key,
                    "/suppliers/" + supplier + "/withdrawals", body);
        });
        return BACK;
    }

    /** The supplier the signed-in login is bound to; nobody else (operators included) acts for its cash. */
    private String ownSupplier(Principal me) {
        String supplier = logins.supplierOf(me.getName());
        if (supplier == null) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only the supplier's own login acts for its wallet");
        }
        return supplier;
    }
}

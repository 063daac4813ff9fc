package org.zengzhi.server.storewallet;

import java.nio.charset.StandardCharsets;
import java.security.Principal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zengzhi.engine.Units;
import org.zengzhi.server.account.AccountStore;
import org.zengzhi.server.account.Role;
import org.zengzhi.server.console.ConsoleCalls;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.withdrawal.PayeeAccount;
import org.zengzhi.server.withdrawal.Payees;
import org.zengzhi.server.withdrawal.Withdrawals;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The forms of the store wallet section of the merchant's console page (its figures: {@link StoreWalletView}) (门店钱包, issue 19 item 2): balance and cash being
 * withdrawn, the last daily statements (结算单), the store's payee accounts (masked) and a withdrawal form. The
 * forms go through the API's use cases ({@link Payees#create}, {@link Withdrawals#requestForStore}) with the
 * Idempotency-Key the page put in a hidden field, so a double submit acts once. Only the store's own account sees
 * and uses it; an operator opening the store with {@code ?merchant=} does not.
 */
@Controller
public class StoreWalletPages {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AccountStore accounts;
    private final EngineGateway gateway;
    private final Payees payees;
    private final Withdrawals withdrawals;

    StoreWalletPages(AccountStore accounts, EngineGateway gateway, Payees payees, Withdrawals withdrawals) {
        this.accounts = accounts;
        this.gateway = gateway;
        this.payees = payees;
        this.withdrawals = withdrawals;
    }

    /** Adds a payee account (收款账户) for the store, through the API's use case and its key scope. */
    @PostMapping("/console/merchant/payees")
    String addPayee(@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String account,
            @RequestParam(defaultValue = "") String verifiedName, @RequestParam String key, Principal me,
            RedirectAttributes flash) {
        String merchant = ownStore(me);
        ObjectNode body = JSON.createObjectNode();
        body.put("kind", kind);
        body.put("account", account.replace(" ", ""));
        body.put("verifiedName", verifiedName.strip());
        ConsoleCalls.flash(flash, payees.create(StoreWalletController.payeeOwner(merchant), key,
                JSON.writeValueAsBytes(body)), "payeeAdded", true, "payeeError");
        return "redirect:/console/merchant#store-wallet";
    }

    /** A withdrawal from the store's settled cash to one of its payees: the API's use case, the form's key. */
    @PostMapping("/console/merchant/withdraw")
    String withdraw(@RequestParam(defaultValue = "") String amount, @RequestParam(defaultValue = "") String payee,
            @RequestParam String key, Principal me, RedirectAttributes flash) {
        String merchant = ownStore(me);
        long amountFen;
        try {
            amountFen = Units.parseFen(amount.strip());
        } catch (RuntimeException e) {
            flash.addFlashAttribute("storeWithdrawInvalid", true);
            return "redirect:/console/merchant#store-wallet";
        }
        PayeeAccount account = payees.owned(StoreWalletController.payeeOwner(merchant), payee);
        if (account == null) {
            ConsoleCalls.flash(flash, Problems.rejected("UNKNOWN_PAYEE", "payee"), "storeWithdrawn", null,
                    "storeWithdrawError");
            return "redirect:/console/merchant#store-wallet";
        }
        String owner = ConsoleCalls.await(gateway.query(engine -> engine.merchantOwner(merchant)));
        ObjectNode body = JSON.createObjectNode();
        body.put("amount", Units.formatFen(amountFen));
        body.put("payee", payee);
        ResponseEntity<String> answer = ConsoleCalls.await(withdrawals.requestForStore(owner, merchant, amountFen,
                account, key, "/merchants/" + merchant + "/withdrawals", JSON.writeValueAsString(body)
                        .getBytes(StandardCharsets.UTF_8)));
        if (answer.getStatusCode().value() >= 400
                && "INSUFFICIENT_CASH".equals(ConsoleCalls.map(answer.getBody()).get("code"))) {
            // The wallet's "零钱余额不足" speaks of a consumer's change; a store reads of its own balance.
            flash.addFlashAttribute("storeWithdrawTooMuch", Units.formatFen(amountFen));
        } else {
            ConsoleCalls.flash(flash, answer, "storeWithdrawn", Units.formatFen(amountFen), "storeWithdrawError");
        }
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

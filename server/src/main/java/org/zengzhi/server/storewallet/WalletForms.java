package org.zengzhi.server.storewallet;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zengzhi.engine.Units;
import org.zengzhi.server.console.ConsoleCalls;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.withdrawal.PayeeAccount;
import org.zengzhi.server.withdrawal.Payees;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The wallet section's two forms, for a store and a supplier alike ({@link StoreWalletPages}): add a payee account
 * (收款账户) and withdraw to one, through the API's use cases with the Idempotency-Key the page put in a hidden
 * field, the outcome flashed for the page.
 */
@Component
class WalletForms {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Payees payees;

    WalletForms(Payees payees) {
        this.payees = payees;
    }

    /** What the API's withdrawal use case is asked: the amount, the payee account, the request body for its key. */
    interface Request {
        CompletableFuture<ResponseEntity<String>> send(long amountFen, PayeeAccount payee, byte[] body);
    }

    void addPayee(String payeeOwner, String kind, String account, String verifiedName, String key,
            RedirectAttributes flash) {
        ObjectNode body = JSON.createObjectNode();
        body.put("kind", kind);
        body.put("account", account.replace(" ", ""));
        body.put("verifiedName", verifiedName.strip());
        ConsoleCalls.flash(flash, payees.create(payeeOwner, key, JSON.writeValueAsBytes(body)), "payeeAdded", true,
                "payeeError");
    }

    void withdraw(String payeeOwner, String amount, String payee, RedirectAttributes flash, Request request) {
        long amountFen;
        try {
            amountFen = Units.parseFen(amount.strip());
        } catch (RuntimeException e) {
            flash.addFlashAttribute("storeWithdrawInvalid", true);
            return;
        }
        PayeeAccount account = payees.owned(payeeOwner, payee);
        if (account == null) {
            ConsoleCalls.flash(flash, Problems.rejected("UNKNOWN_PAYEE", "payee"), "storeWithdrawn", null,
                    "storeWithdrawError");
            return;
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("amount", Units.formatFen(amountFen));
        body.put("payee", payee);
        ResponseEntity<String> answer = ConsoleCalls.await(request.send(amountFen, account,
                JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8)));
        if (answer.getStatusCode().value() >= 400
                && "INSUFFICIENT_CASH".equals(ConsoleCalls.map(answer.getBody()).get("code"))) {
            // The wallet's "零钱余额不足" speaks of a consumer's change; a store or supplier reads of its own balance.
            flash.addFlashAttribute("storeWithdrawTooMuch", Units.formatFen(amountFen));
        } else {
            ConsoleCalls.flash(flash, answer, "storeWithdrawn", Units.formatFen(amountFen), "storeWithdrawError");
        }
    }
}

package org.zengzhi.server.withdrawal;

import java.security.Principal;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zengzhi.engine.Units;
import org.zengzhi.server.console.ConsoleCalls;

/**
 * The console's withdrawal forms: 提现 on the consumer's wallet page and the decision in the operator's review
 * queue. Both are the same use cases the API calls ({@link Withdrawals}); the pages that show the forms
 * are the wallet's and the operator's dashboard.
 */
@Controller
class WithdrawalPages {
    private final Withdrawals withdrawals;

    WithdrawalPages(Withdrawals withdrawals) {
        this.withdrawals = withdrawals;
    }

    /**
     * A withdrawal from the cash wallet, one journaled command; above the plan's review threshold it waits for an
     * operator. The key comes with the form, so a double submit asks once.
     */
    @PostMapping("/console/wallet/withdraw")
    String withdraw(@RequestParam String amount, @RequestParam String key, Principal me, RedirectAttributes flash) {
        long amountFen;
        try {
            amountFen = Units.parseFen(amount);
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("withdrawError", ConsoleCalls.says(e.getMessage()));
            return "redirect:/console/wallet";
        }
        ResponseEntity<String> answer = ConsoleCalls.await(withdrawals.requestFromConsole(me.getName(), amountFen, key));
        ConsoleCalls.flash(flash, answer, "withdrawn", Units.formatFen(amountFen), "withdrawError");
        return "redirect:/console/wallet";
    }

    /** The review queue's decision on one withdrawal: approve, or reject with the funds back. */
    @PostMapping("/console/operator/withdrawals/{id}")
    String review(@PathVariable String id, @RequestParam boolean approve, @RequestParam(defaultValue = "") String reason,
            @RequestParam String key, RedirectAttributes flash) {
        ResponseEntity<String> answer = ConsoleCalls.await(withdrawals.reviewFromConsole(id, approve, reason, key));
        ConsoleCalls.flash(flash, answer, "reviewed", id, "reviewError");
        return "redirect:/console/operator";
    }
}

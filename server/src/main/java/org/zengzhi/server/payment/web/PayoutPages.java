package org.zengzhi.server.payment.web;

import java.net.http.HttpResponse;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zengzhi.server.console.ConsoleCalls;
import org.zengzhi.server.payment.SandboxProvider;

/**
 * The sandbox's bank, played from the operator's dashboard in development and staging: a payout the sandbox
 * holds is answered paid or failed, and the sandbox sends its signed payout callback, exactly as the API's
 * {@code POST /api/v1/payouts/sandbox/{transfer}/complete} does (docs/payments.md).
 */
@Controller
class PayoutPages {
    private final SandboxProvider sandbox;

    PayoutPages(SandboxProvider sandbox) {
        this.sandbox = sandbox;
    }

    @PostMapping("/console/operator/payouts/{transfer}")
    String answer(@PathVariable String transfer, @RequestParam boolean paid, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes flash) {
        HttpResponse<String> callback = ConsoleCalls.await(sandbox.completeTransfer(transfer, paid,
                reason.isBlank() ? null : reason));
        if (callback == null) {
            flash.addFlashAttribute("payoutError", "the sandbox has no transfer " + transfer);
        } else if (callback.statusCode() != 200) {
            flash.addFlashAttribute("payoutError", ConsoleCalls.detail(callback.body()));
        } else {
            flash.addFlashAttribute("payoutDone", transfer);
        }
        return "redirect:/console/operator";
    }
}

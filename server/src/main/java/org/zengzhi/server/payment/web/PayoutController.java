package org.zengzhi.server.payment.web;

import java.util.concurrent.CompletableFuture;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.payment.Payouts;
import org.zengzhi.server.payment.SandboxProvider;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Payouts over HTTP (docs/payments.md): the providers' signed payout callbacks, and the sandbox's "bank
 * answers" action, which the operator plays in development and staging. Thin: the rules live in
 * {@link Payouts}.
 */
@RestController
@RequestMapping("/api/v1/payouts")
class PayoutController {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Payouts payouts;
    private final SandboxProvider sandbox;

    private final SandboxCompletions completions;

    PayoutController(Payouts payouts, SandboxProvider sandbox, SandboxCompletions completions) {
        this.completions = completions;
        this.payouts = payouts;
        this.sandbox = sandbox;
    }

    /** A provider's payout callback. No Idempotency-Key: the provider transfer is the callback's idempotency. */
    @PostMapping("/callback/{provider}")
    CompletableFuture<ResponseEntity<String>> callback(@PathVariable String provider, @RequestBody byte[] body,
            HttpServletRequest request) {
        return payouts.callback(provider, PaymentController.headers(request), body).thenApply(PaymentController::entity);
    }

    /**
     * The sandbox's bank answers a transfer: {@code {"status":"SUCCESS"}} or {@code {"status":"FAILED",
     * "reason":"…"}}; the sandbox sends its signed callback to this server over HTTP, and this answers with
     * what the callback got. Repeating it is harmless: the first answer for a transfer stands; a retry under the
     * same Idempotency-Key gets the first answer, the key with another body a 409 ({@link SandboxCompletions}).
     */
    @PostMapping("/sandbox/{providerTransfer}/complete")
    CompletableFuture<ResponseEntity<String>> complete(@PathVariable String providerTransfer,
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        Response missing = PaymentController.keyProblem(key);
        if (missing != null) {
            return CompletableFuture.completedFuture(PaymentController.entity(missing));
        }
        return completions.once(key, "/payouts/sandbox/" + providerTransfer + "/complete", body,
                () -> completeNow(providerTransfer, body));
    }

    private CompletableFuture<ResponseEntity<String>> completeNow(String providerTransfer, byte[] body) {
        JsonNode fields;
        try {
            fields = body == null || body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (JacksonException e) {
            return CompletableFuture.completedFuture(PaymentController.entity(Problems.badRequest(null,
                    "the body is not valid JSON")));
        }
        JsonNode status = fields.get("status");
        JsonNode reason = fields.get("reason");
        if (status == null || !status.isString() || !status.asString().matches("SUCCESS|FAILED")) {
            return CompletableFuture.completedFuture(PaymentController.entity(Problems.badRequest("status",
                    "must be \"SUCCESS\" or \"FAILED\"")));
        }
        if (reason != null && !reason.isNull() && (!reason.isString() || reason.asString().length() > 500)) {
            return CompletableFuture.completedFuture(PaymentController.entity(Problems.badRequest("reason",
                    "must be a string of at most 500 characters")));
        }
        boolean paid = "SUCCESS".equals(status.asString());
        String why = reason == null || reason.isNull() ? null : reason.asString();
        return sandbox.completeTransfer(providerTransfer, paid, why).thenApply(callback -> {
            if (callback == null) {
                return PaymentController.entity(Problems.problem(404, "Not found", "providerTransfer",
                        "the sandbox has no transfer " + providerTransfer));
            }
            if (callback.statusCode() != 200) {
                return PaymentController.entity(Problems.problem(502, "Bad gateway", null, "the server answered the "
                        + "sandbox's payout callback with " + callback.statusCode() + ": " + callback.body()));
            }
            ObjectNode answer = JSON.createObjectNode();
            answer.put("providerTransfer", providerTransfer);
            answer.put("callbackStatus", callback.statusCode());
            answer.set("callback", JSON.readTree(callback.body()));
            return PaymentController.entity(new Response(200, JSON.writeValueAsString(answer)));
        });
    }
}

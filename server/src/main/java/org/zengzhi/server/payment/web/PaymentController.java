package org.zengzhi.server.payment.web;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.zengzhi.server.account.Access;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.payment.InvalidFieldException;
import org.zengzhi.server.payment.PaymentRequest;
import org.zengzhi.server.payment.Payments;
import org.zengzhi.server.payment.Pricing;
import org.zengzhi.server.payment.SandboxProvider;
import org.zengzhi.server.web.GatewayCalls;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Payments over HTTP (docs/payments.md): create a payment, read it, the providers' callback endpoint, and
 * the sandbox's "customer pays" action. Thin: the rules live in {@link Payments} and the providers.
 */
@RestController
@RequestMapping("/api/v1/payments")
class PaymentController {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int IDEMPOTENCY_KEY_LENGTH_MAX = 200;

    private final Payments payments;
    private final SandboxProvider sandbox;

    private final SandboxCompletions completions;

    PaymentController(Payments payments, SandboxProvider sandbox, SandboxCompletions completions) {
        this.completions = completions;
        this.payments = payments;
        this.sandbox = sandbox;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> create(@RequestBody byte[] body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        Response missing = keyProblem(key);
        if (missing != null) {
            return entity(missing);
        }
        Response forbidden = Access.isOperator(me) ? null : consumerProblem(me, payments, body);
        // The key is the caller's own: two callers who happen to send the same key are two payments, and
        // neither ever sees the other's answer or a conflict with it.
        return entity(forbidden != null ? forbidden : payments.create("api:" + me.getName() + ":" + key, body));
    }

    /**
     * a consumer pays for themselves; an operator or integrator account may pay for anyone. R-2.2 (issue
     * 19): a mall order's split is the product's or the plan's, so only an operator, importing history, may name
     * one. A body that does not parse is left to {@link Payments#create} to answer with its field.
     */
    private static Response consumerProblem(OAuth2AuthenticatedPrincipal me, Payments payments, byte[] body) {
        PaymentRequest request;
        boolean namesSplit;
        try {
            request = payments.parse(body);
            namesSplit = PaymentRequest.namesSplit(body);
        } catch (InvalidFieldException | Pricing.RefusedException e) {
            return null;
        }
        if (!me.getName().equals(request.user())) {
            return Problems.problem(403, "Forbidden", "user", "you may create payments only for yourself");
        }
        if (namesSplit) {
            return Problems.problem(403, "Forbidden", "split", "the split of a mall order is the product's or the "
                    + "plan's; only an operator importing history may name one");
        }
        return null;
    }

    /** A payment: its payer's or an operator's; anyone else is told it does not exist. */
    @GetMapping("/{payment}")
    ResponseEntity<String> find(@PathVariable String payment, @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        String payer = payments.payer(payment);
        if (payer == null || !Access.mayActFor(me, payer)) {
            return entity(Problems.problem(404, "Not found", "payment", "no payment " + payment));
        }
        return entity(payments.find(payment));
    }

    /** A provider's callback. No Idempotency-Key: the provider transaction is the callback's idempotency. */
    @PostMapping("/callback/{provider}")
    CompletableFuture<ResponseEntity<String>> callback(@PathVariable String provider, @RequestBody byte[] body,
            HttpServletRequest request) {
        return payments.callback(provider, headers(request), body).thenApply(PaymentController::entity);
    }

    /** A request's headers, looked up case-insensitively, for a provider to verify its signature. */
    static Map<String, String> headers(HttpServletRequest request) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, request.getHeader(name));
        }
        return headers;
    }

    /**
     * The sandbox's pay URL: the customer pays, and the sandbox sends its signed callback to this server over
     * HTTP. Answers with what the callback got. Repeating it is harmless: the callback is idempotent by
     * transaction, so a retry reports the same outcome. Only the payer (or an operator) may pay: anyone else
     * holding the transaction id is told it does not exist, as for any other id that is not theirs.
     */
    @PostMapping("/sandbox/{providerTransaction}/complete")
    CompletableFuture<ResponseEntity<String>> complete(@PathVariable String providerTransaction,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        Response missing = keyProblem(key);
        if (missing != null) {
            return CompletableFuture.completedFuture(entity(missing));
        }
        String payer = payments.payerOfTransaction(SandboxProvider.NAME, providerTransaction);
        if (payer == null || !Access.mayActFor(me, payer)) {
            return CompletableFuture.completedFuture(entity(Problems.problem(404, "Not found", "providerTransaction",
                    "the sandbox has no transaction " + providerTransaction)));
        }
        return completions.once(key, "/payments/sandbox/" + providerTransaction + "/complete", null,
                () -> completeNow(providerTransaction));
    }

    private CompletableFuture<ResponseEntity<String>> completeNow(String providerTransaction) {
        return sandbox.complete(providerTransaction).thenApply(callback -> {
            if (callback == null) {
                return entity(Problems.problem(404, "Not found", "providerTransaction", "the sandbox has no transaction "
                        + providerTransaction));
            }
            if (callback.statusCode() != 200) {
                return entity(Problems.problem(502, "Bad gateway", null, "the server answered the sandbox's callback "
                        + "with " + callback.statusCode() + ": " + callback.body()));
            }
            ObjectNode body = JSON.createObjectNode();
            body.put("providerTransaction", providerTransaction);
            body.put("callbackStatus", callback.statusCode());
            body.set("callback", JSON.readTree(callback.body()));
            return entity(new Response(200, JSON.writeValueAsString(body)));
        });
    }

    static Response keyProblem(String key) {
        if (key == null || key.isBlank() || key.length() > IDEMPOTENCY_KEY_LENGTH_MAX) {
            return Problems.badRequest("Idempotency-Key", "every state-changing call needs an Idempotency-Key header "
                    + "of 1 to " + IDEMPOTENCY_KEY_LENGTH_MAX + " characters");
        }
        return null;
    }

    static ResponseEntity<String> entity(Response response) {
        MediaType type = response.status() >= 400 ? GatewayCalls.PROBLEM : MediaType.APPLICATION_JSON;
        return ResponseEntity.status(response.status()).contentType(type).body(response.body());
    }
}

package org.zengzhi.server.withdrawal;

import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zengzhi.engine.Units;
import org.zengzhi.engine.withdrawal.WithdrawalState;
import org.zengzhi.server.account.Access;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.payment.Payouts;
import org.zengzhi.server.web.GatewayCalls;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Withdrawals from the CNY wallet: a user's request, the operator's review queue and decision, and
 * the payout provider's callback. Each state-changing call is one engine command through the gateway, so it
 * is journaled and replayable, and needs an Idempotency-Key; a retry gets the first answer. A second
 * payout callback with a new key is refused by the engine (WITHDRAWAL_NOT_AWAITING_PAYOUT): never paid twice.
 */
@RestController
@RequestMapping("/api/v1")
class WithdrawalController {
    static final int LIST_LIMIT_MAX = 1_000;
    /** Decimals stay exact: a JSON number such as 10.10 reaches us as a BigDecimal, never a double. */
    private static final JsonMapper BODY = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final EngineGateway gateway;
    private final Withdrawals withdrawals;
    private final WithdrawalQueries queries;
    private final Payouts payouts;
    private final Payees payees;

    WithdrawalController(EngineGateway gateway, Withdrawals withdrawals, WithdrawalQueries queries, Payouts payouts,
            Payees payees) {
        this.gateway = gateway;
        this.withdrawals = withdrawals;
        this.queries = queries;
        this.payouts = payouts;
        this.payees = payees;
    }

    @PostMapping("/withdrawals")
    CompletableFuture<ResponseEntity<String>> request(@RequestBody(required = false) byte[] body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        try {
            ObjectNode fields = object(body, Set.of("user", "amount", "payee"));
            String user = text(fields, "user", true);
            if (!Access.mayActFor(me, user)) {
                return GatewayCalls.done(Problems.problem(403, "Forbidden", "user", "you may withdraw only your own cash"));
            }
            String payeeId = text(fields, "payee", false);
            PayeeAccount payee = payeeId == null ? null : payees.owned(user, payeeId);
            if (payeeId != null && payee == null) {
                return GatewayCalls.done(Problems.rejected("UNKNOWN_PAYEE", "payee"));
            }
            return withdrawals.request(user, fen(fields, "amount"), payee, key, "/withdrawals", body);
        } catch (BadField e) {
            return GatewayCalls.done(e.problem());
        }
    }

    @PostMapping("/operator/withdrawals/{id}/approve")
    CompletableFuture<ResponseEntity<String>> approve(@PathVariable String id,
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return review(id, true, body, key);
    }

    @PostMapping("/operator/withdrawals/{id}/reject")
    CompletableFuture<ResponseEntity<String>> reject(@PathVariable String id,
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return review(id, false, body, key);
    }

    private CompletableFuture<ResponseEntity<String>> review(String id, boolean approve, byte[] body, String key) {
        try {
            String reason = text(object(body, Set.of("reason")), "reason", false);
            String path = "/operator/withdrawals/" + id + (approve ? "/approve" : "/reject");
            return withdrawals.review(id, approve, reason, key, path, body);
        } catch (BadField e) {
            return GatewayCalls.done(e.problem());
        }
    }

    /**
     * A payout settled by hand, for money paid outside a provider (operators only). Payouts sent through the
     * provider are settled by its signed callback ({@code /payouts/callback/{provider}}, {@link Payouts}); the
     * engine settles a withdrawal once, whichever comes first.
     */
    @PostMapping("/payouts/callback")
    CompletableFuture<ResponseEntity<String>> callback(@RequestBody(required = false) byte[] body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        try {
            ObjectNode fields = object(body, Set.of("withdrawal", "paid", "reference"));
            String withdrawal = text(fields, "withdrawal", true);
            boolean paid = flag(fields, "paid");
            String reference = text(fields, "reference", false);
            return withdrawals.settle(withdrawal, paid, reference, key, "/payouts/callback", body);
        } catch (BadField e) {
            return GatewayCalls.done(e.problem());
        }
    }

    @GetMapping("/operator/withdrawals")
    CompletableFuture<ResponseEntity<String>> queue(@RequestParam(defaultValue = "REQUESTED") String state,
            @RequestParam(defaultValue = "100") int limit) {
        WithdrawalState wanted = WithdrawalJson.state(state);
        if (wanted == null) {
            return GatewayCalls.done(Problems.badRequest("state", "must be one of REQUESTED, APPROVED, PAID, "
                    + "REJECTED, FAILED: \"" + state + "\""));
        }
        if (limit < 1 || limit > LIST_LIMIT_MAX) {
            return GatewayCalls.done(Problems.badRequest("limit", "must be from 1 to " + LIST_LIMIT_MAX));
        }
        return GatewayCalls.json(gateway.query(engine -> WithdrawalJson.list(engine, wanted, limit)));
    }

    /** The caller's withdrawals, newest first, with their state as they are reviewed and paid out. */
    @GetMapping("/me/withdrawals")
    ResponseEntity<String> mine(@AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return GatewayCalls.json(WithdrawalJson.ofUser(queries.ofUser(me.getName())));
    }

    /**
     * One withdrawal with its payout at the provider (null before it is sent): its owner's, its store account's or an operator's;
     * anyone else is told it does not exist.
     */
    @GetMapping("/withdrawals/{id}")
    CompletableFuture<ResponseEntity<String>> one(@PathVariable String id,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return gateway.query(engine -> {
            org.zengzhi.engine.withdrawal.Withdrawal withdrawal = engine.withdrawal(id);
            return withdrawal == null || !mayRead(me, withdrawal) ? null : WithdrawalJson.one(engine, id);
        }).thenApply(body -> body == null
                ? GatewayCalls.entity(Problems.problem(404, "Not found", "withdrawal", "no withdrawal " + id))
                : GatewayCalls.entity(new Response(200, withPayout(body, id))));
    }

    /** Its requester, an operator, or for a store's withdrawal the store's own account (issue 19 item 2). */
    private static boolean mayRead(OAuth2AuthenticatedPrincipal me, org.zengzhi.engine.withdrawal.Withdrawal withdrawal) {
        return Access.mayActFor(me, withdrawal.user())
                || withdrawal.merchant() != null && withdrawal.merchant().equals(me.getAttribute("merchant"))
                || withdrawal.supplier() != null && withdrawal.supplier().equals(me.getAttribute("supplier"));
    }

    private String withPayout(String body, String id) {
        ObjectNode view = (ObjectNode) WithdrawalJson.JSON.readTree(body);
        view.set("providerPayout", payouts.view(id));
        PayeeAccount payee = payees.ofWithdrawal(id);
        if (payee != null) {
            view.set("payee", payee.view());
        }
        return WithdrawalJson.JSON.writeValueAsString(view);
    }

    // ----- reading bodies: each problem names its field (R-8.5) -----

    /** The body as one JSON object with only the given fields; an empty body is an empty object. */
    private static ObjectNode object(byte[] body, Set<String> allowed) throws BadField {
        if (body == null || body.length == 0) {
            return WithdrawalJson.JSON.createObjectNode();
        }
        JsonNode tree;
        try {
            tree = BODY.readTree(body);
        } catch (JacksonException e) {
            throw new BadField(null, "the body is not valid JSON: " + e.getOriginalMessage());
        }
        if (!(tree instanceof ObjectNode fields)) {
            throw new BadField(null, "the body must be one JSON object");
        }
        for (Iterator<String> names = fields.propertyNames().iterator(); names.hasNext();) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new BadField(name, "is not a field of this request (it takes " + String.join(", ",
                        allowed.stream().sorted().toList()) + ")");
            }
        }
        return fields;
    }

    private static String text(ObjectNode fields, String name, boolean required) throws BadField {
        JsonNode value = fields.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                throw new BadField(name, "is missing");
            }
            return null;
        }
        if (!value.isString() || (required && value.asString().isBlank())) {
            throw new BadField(name, "must be a non-empty string");
        }
        return value.asString();
    }

    /** CNY with at most 2 decimals, as a string ("100.00") or a number (100, 100.5). */
    private static long fen(ObjectNode fields, String name) throws BadField {
        JsonNode value = fields.get(name);
        if (value == null || value.isNull()) {
            throw new BadField(name, "is missing");
        }
        String text = value.isString() ? value.asString() : value.isNumber() ? value.decimalValue().toPlainString() : null;
        if (text == null) {
            throw new BadField(name, "must be a decimal string such as \"100.00\" or a number");
        }
        try {
            return Units.parseFixed(text, Units.CNY_DECIMALS);
        } catch (IllegalArgumentException e) {
            throw new BadField(name, e.getMessage());
        }
    }

    private static boolean flag(ObjectNode fields, String name) throws BadField {
        JsonNode value = fields.get(name);
        if (value == null || !value.isBoolean()) {
            throw new BadField(name, value == null ? "is missing" : "must be true or false");
        }
        return value.asBoolean();
    }

    /** A request field that is missing or malformed: a 400 naming it, and nothing reaches the engine. */
    private static final class BadField extends Exception {
        private static final long serialVersionUID = 1L;
        private final String field;

        BadField(String field, String message) {
            super(message);
            this.field = field;
        }

        Response problem() {
            return Problems.badRequest(field, field == null ? getMessage() : "field \"" + field + "\": " + getMessage());
        }
    }
}

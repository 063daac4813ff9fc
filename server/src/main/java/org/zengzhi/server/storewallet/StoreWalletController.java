package org.zengzhi.server.storewallet;

import java.util.Set;
import java.util.concurrent.CompletableFuture;

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
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.Units;
import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.server.account.Access;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.payment.InvalidFieldException;
import org.zengzhi.server.payment.JsonBody;
import org.zengzhi.server.web.GatewayCalls;
import org.zengzhi.server.withdrawal.PayeeAccount;
import org.zengzhi.server.withdrawal.Payees;
import org.zengzhi.server.withdrawal.WithdrawalJson;
import org.zengzhi.server.withdrawal.WithdrawalQueries;
import org.zengzhi.server.withdrawal.Withdrawals;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A store's wallet (门店钱包, issue 19 item 2): its settled cash (门店实收, A − C), the cash frozen for its
 * withdrawals and the takings not yet settled; its payee accounts (收款账户); and withdrawals from its cash by
 * its owner, through the engine's journal under the users' review rules, with an Idempotency-Key.
 * The store's own account and its owner act for the store; operators read it and review its withdrawals.
 */
@RestController
@RequestMapping("/api/v1/merchants/{merchant}")
class StoreWalletController {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> WITHDRAWAL_FIELDS = Set.of("amount", "payee");

    private final EngineGateway gateway;
    private final Withdrawals withdrawals;
    private final Payees payees;
    private final WithdrawalQueries queries;

    StoreWalletController(EngineGateway gateway, Withdrawals withdrawals, Payees payees, WithdrawalQueries queries) {
        this.gateway = gateway;
        this.withdrawals = withdrawals;
        this.payees = payees;
        this.queries = queries;
    }

    /** The store's withdrawals, newest first (the read model's merchant column, migration V90). */
    @GetMapping("/withdrawals")
    CompletableFuture<ResponseEntity<String>> listWithdrawals(@PathVariable String merchant,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return owner(merchant).thenApply(owner -> {
            if (owner == null) {
                return entity(unknown(merchant));
            }
            if (!Access.isOperator(me) && !actsFor(me, merchant, owner)) {
                return entity(forbidden());
            }
            return GatewayCalls.json(WithdrawalJson.ofUser(queries.ofStore(merchant)));
        });
    }

    /** The owner of a store's payee accounts in the payee table: the store, not any one user. */
    static String payeeOwner(String merchant) {
        return "merchant:" + merchant;
    }

    @GetMapping("/wallet")
    CompletableFuture<ResponseEntity<String>> wallet(@PathVariable String merchant,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return gateway.query(engine -> view(engine, merchant)).thenApply(view -> {
            if (view == null) {
                return GatewayCalls.entity(unknown(merchant));
            }
            if (!Access.isOperator(me) && !actsFor(me, merchant, view.get("owner").asString())) {
                return GatewayCalls.entity(forbidden());
            }
            return GatewayCalls.json(JSON.writeValueAsString(view));
        });
    }

    private static ObjectNode view(Engine engine, String merchant) {
        String owner = engine.merchantOwner(merchant);
        if (owner == null) {
            return null;
        }
        ObjectNode view = JSON.createObjectNode();
        view.put("merchant", merchant);
        view.put("owner", owner);
        view.put("cash", Units.formatFen(engine.balance(AccountType.MERCHANT_CASH, merchant)));
        view.put("withdrawing", Units.formatFen(engine.balance(AccountType.MERCHANT_CASH_WITHDRAWING, merchant)));
        view.put("pending", Units.formatFen(engine.balance(AccountType.MERCHANT_PENDING, merchant)));
        view.put("debt", Units.formatFen(-engine.balance(AccountType.MERCHANT_DEBT, merchant)));
        return view;
    }

    @PostMapping("/payees")
    CompletableFuture<ResponseEntity<String>> addPayee(@PathVariable String merchant,
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return owner(merchant).thenApply(owner -> {
            Response refused = refusedToAct(me, merchant, owner);
            return entity(refused != null ? refused : payees.create(payeeOwner(merchant), key, body));
        });
    }

    @GetMapping("/payees")
    CompletableFuture<ResponseEntity<String>> listPayees(@PathVariable String merchant,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return owner(merchant).thenApply(owner -> {
            if (owner == null) {
                return entity(unknown(merchant));
            }
            if (!Access.isOperator(me) && !actsFor(me, merchant, owner)) {
                return entity(forbidden());
            }
            return entity(payees.list(payeeOwner(merchant)));
        });
    }

    @PostMapping("/withdrawals")
    CompletableFuture<ResponseEntity<String>> withdraw(@PathVariable String merchant,
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return owner(merchant).thenCompose(owner -> {
            Response refused = refusedToAct(me, merchant, owner);
            if (refused != null) {
                return GatewayCalls.done(refused);
            }
            try {
                JsonNode fields = JsonBody.object(body == null ? new byte[0] : body, WITHDRAWAL_FIELDS,
                        "a store withdrawal");
                long amountFen = WithdrawalAmount.of(fields);
                PayeeAccount payee = null;
                JsonNode payeeField = fields.get("payee");
                if (payeeField != null && !payeeField.isNull()) {
                    payee = payeeField.isString() ? payees.owned(payeeOwner(merchant), payeeField.asString()) : null;
                    if (payee == null) {
                        return GatewayCalls.done(Problems.rejected("UNKNOWN_PAYEE", "payee"));
                    }
                }
                return withdrawals.requestForStore(owner, merchant, amountFen, payee, key,
                        "/merchants/" + merchant + "/withdrawals", body);
            } catch (InvalidFieldException e) {
                return GatewayCalls.done(Problems.badRequest(e.field(), e.getMessage()));
            }
        });
    }

    private CompletableFuture<String> owner(String merchant) {
        return gateway.query(engine -> engine.merchantOwner(merchant));
    }

    /** Null when the caller may act for the store: its own account or its owner. Operators review, not withdraw. */
    private static Response refusedToAct(OAuth2AuthenticatedPrincipal me, String merchant, String owner) {
        if (owner == null) {
            return unknown(merchant);
        }
        return actsFor(me, merchant, owner) ? null : forbidden();
    }

    private static boolean actsFor(OAuth2AuthenticatedPrincipal me, String merchant, String owner) {
        return merchant.equals(me.getAttribute("merchant")) || (owner.equals(me.getName()) && !Access.isOperator(me));
    }

    private static Response forbidden() {
        return Problems.problem(403, "Forbidden", "merchant", "only the store's owner may do this");
    }

    private static Response unknown(String merchant) {
        return Problems.problem(404, "Not found", "merchant", "no store " + merchant);
    }

    private static ResponseEntity<String> entity(Response response) {
        MediaType type = response.status() >= 400 ? MediaType.APPLICATION_PROBLEM_JSON : MediaType.APPLICATION_JSON;
        return ResponseEntity.status(response.status()).contentType(type).body(response.body());
    }
}

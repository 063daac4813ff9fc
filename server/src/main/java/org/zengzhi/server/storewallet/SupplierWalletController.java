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
 * A supplier's wallet (供应商钱包, issue 19 item 2, four-party plans): its cash (prepayments and settlements of
 * its orders), the cash frozen for its withdrawals, its payee accounts (收款账户) and withdrawals to them under the
 * users' review rules, each through the journal with an Idempotency-Key. The supplier's owner in
 * the engine and a login bound to the supplier ({@link SupplierLogins}) act for it; operators read it and review
 * its withdrawals in the common queue. The same payee and withdrawal use cases as a store's wallet.
 */
@RestController
@RequestMapping("/api/v1/suppliers/{supplier}")
class SupplierWalletController {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> WITHDRAWAL_FIELDS = Set.of("amount", "payee");

    private final EngineGateway gateway;
    private final Withdrawals withdrawals;
    private final Payees payees;
    private final WithdrawalQueries queries;
    private final SupplierAccess access;

    SupplierWalletController(EngineGateway gateway, Withdrawals withdrawals, Payees payees, WithdrawalQueries queries,
            SupplierAccess access) {
        this.gateway = gateway;
        this.withdrawals = withdrawals;
        this.payees = payees;
        this.queries = queries;
        this.access = access;
    }

    /** The owner of a supplier's payee accounts in the payee table: the supplier, not any one user. */
    static String payeeOwner(String supplier) {
        return "supplier:" + supplier;
    }

    @GetMapping("/wallet")
    CompletableFuture<ResponseEntity<String>> wallet(@PathVariable String supplier,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return gateway.query(engine -> view(engine, supplier)).thenApply(view -> {
            if (view == null) {
                return entity(SupplierAccess.unknown(supplier));
            }
            String owner = view.get("owner").isNull() ? null : view.get("owner").asString();
            if (!Access.isOperator(me) && !access.actsFor(me, supplier, owner)) {
                return entity(SupplierAccess.forbidden());
            }
            return GatewayCalls.json(JSON.writeValueAsString(view));
        });
    }

    private static ObjectNode view(Engine engine, String supplier) {
        if (!engine.knowsSupplier(supplier)) {
            return null;
        }
        ObjectNode view = JSON.createObjectNode();
        view.put("supplier", supplier);
        view.put("owner", engine.supplierOwner(supplier));
        view.put("cash", Units.formatFen(engine.supplierBalance(AccountType.SUPPLIER_CASH, supplier)));
        view.put("withdrawing", Units.formatFen(engine.supplierBalance(AccountType.SUPPLIER_CASH_WITHDRAWING,
                supplier)));
        view.put("owed", Units.formatFen(-engine.supplierBalance(AccountType.SUPPLIER_RECEIVABLE, supplier)));
        view.put("deposit", Units.formatFen(engine.supplierBalance(AccountType.SUPPLIER_DEPOSIT, supplier)));
        return view;
    }

    @PostMapping("/payees")
    CompletableFuture<ResponseEntity<String>> addPayee(@PathVariable String supplier,
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return access.known(supplier).thenApply(known -> {
            Response refused = access.refusedToAct(me, supplier, known);
            return entity(refused != null ? refused : payees.create(payeeOwner(supplier), key, body));
        });
    }

    @GetMapping("/payees")
    CompletableFuture<ResponseEntity<String>> listPayees(@PathVariable String supplier,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return access.known(supplier).thenApply(known -> {
            Response refused = access.refusedToRead(me, supplier, known);
            return entity(refused != null ? refused : payees.list(payeeOwner(supplier)));
        });
    }

    @GetMapping("/withdrawals")
    CompletableFuture<ResponseEntity<String>> listWithdrawals(@PathVariable String supplier,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return access.known(supplier).thenApply(known -> {
            Response refused = access.refusedToRead(me, supplier, known);
            return refused != null ? entity(refused)
                    : GatewayCalls.json(WithdrawalJson.ofUser(queries.ofSupplier(supplier)));
        });
    }

    @PostMapping("/withdrawals")
    CompletableFuture<ResponseEntity<String>> withdraw(@PathVariable String supplier,
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return access.known(supplier).thenCompose(known -> {
            Response refused = access.refusedToAct(me, supplier, known);
            if (refused != null) {
                return GatewayCalls.done(refused);
            }
            if (known.owner() == null) {
                return GatewayCalls.done(Problems.rejected("NOT_SUPPLIER_OWNER", "supplier"));
            }
            try {
                JsonNode fields = JsonBody.object(body == null ? new byte[0] : body, WITHDRAWAL_FIELDS,
                        "a supplier withdrawal");
                long amountFen = WithdrawalAmount.of(fields);
                PayeeAccount payee = null;
                JsonNode payeeField = fields.get("payee");
                if (payeeField != null && !payeeField.isNull()) {
                    payee = payeeField.isString() ? payees.owned(payeeOwner(supplier), payeeField.asString()) : null;
                    if (payee == null) {
                        return GatewayCalls.done(Problems.rejected("UNKNOWN_PAYEE", "payee"));
                    }
                }
                return withdrawals.requestForSupplier(known.owner(), supplier, amountFen, payee, key,
                        "/suppliers/" + supplier + "/withdrawals", body);
            } catch (InvalidFieldException e) {
                return GatewayCalls.done(Problems.badRequest(e.field(), e.getMessage()));
            }
        });
    }

    private static ResponseEntity<String> entity(Response response) {
        MediaType type = response.status() >= 400 ? MediaType.APPLICATION_PROBLEM_JSON : MediaType.APPLICATION_JSON;
        return ResponseEntity.status(response.status()).contentType(type).body(response.body());
    }
}

package org.zengzhi.server.income;

import java.util.concurrent.CompletableFuture;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zengzhi.server.account.Access;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.web.GatewayCalls;

/**
 * A store's income from the ledger (门店收入明细, issue 20 item 2), in the shape of GET /me/income: read by the
 * store's own login or its owner, and by operators (the store wallet's rule, R-8.4); an unknown store is 404.
 */
@RestController
@RequestMapping("/api/v1/merchants/{merchant}")
class StoreIncomeController {
    private final EngineGateway gateway;
    private final IncomeHistory history;

    StoreIncomeController(EngineGateway gateway, IncomeHistory history) {
        this.gateway = gateway;
        this.history = history;
    }

    @GetMapping("/income")
    CompletableFuture<ResponseEntity<String>> income(@PathVariable String merchant,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return gateway.query(engine -> engine.merchantOwner(merchant)).thenApply(owner -> {
            if (owner == null) {
                return GatewayCalls.entity(Problems.problem(404, "Not found", "merchant", "no store " + merchant));
            }
            if (!Access.isOperator(me) && !actsFor(me, merchant, owner)) {
                return GatewayCalls.entity(Problems.problem(403, "Forbidden", "merchant",
                        "only the store's owner may do this"));
            }
            if (page < 0 || size < 1 || size > IncomeController.PAGE_SIZE_MAX) {
                return GatewayCalls.entity(Problems.badRequest(page < 0 ? "page" : "size",
                        "page ≥ 0 and 1 ≤ size ≤ " + IncomeController.PAGE_SIZE_MAX));
            }
            return GatewayCalls.json(history.of(merchant, IncomeHistory.STORE, page, size));
        });
    }

    /** The store wallet's rule: the store's own login, or its owner when not an operator. */
    private static boolean actsFor(OAuth2AuthenticatedPrincipal me, String merchant, String owner) {
        return merchant.equals(me.getAttribute("merchant")) || (owner.equals(me.getName()) && !Access.isOperator(me));
    }
}

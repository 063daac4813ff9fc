package org.zengzhi.server.order;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.zengzhi.server.account.Access;
import org.zengzhi.server.coinmall.CoinOrders;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.web.GatewayCalls;

/**
 * What happens to an order after payment: the consumer confirms receipt of mall goods; the store
 * (or an operator) refunds, a coin-mall order (金币商城) too. Ownership comes from the orders read model; each action is a journaled command.
 */
@RestController
@RequestMapping("/api/v1")
class OrderController {
    private final OrderActions actions;
    private final OrderQueries queries;
    private final CoinOrders coinOrders;

    OrderController(OrderActions actions, OrderQueries queries, CoinOrders coinOrders) {
        this.actions = actions;
        this.queries = queries;
        this.coinOrders = coinOrders;
    }

    /** The caller's orders, newest first, with the points each minted and its times. */
    @GetMapping("/me/orders")
    ResponseEntity<String> mine(@AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        return GatewayCalls.json(OrderJson.ofUser(queries.ofUser(me.getName())));
    }

    /** 确认收货: the return window of a mall order starts now. The buyer or an operator. */
    @PostMapping("/orders/{order}/receipt")
    CompletableFuture<ResponseEntity<String>> receipt(@PathVariable String order,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        Map<String, Object> row = queries.parties(order);
        if (row == null) {
            return GatewayCalls.done(Problems.problem(404, "Not found", "order", "no order " + order));
        }
        if (!Access.mayActFor(me, (String) row.get("username"))) {
            return GatewayCalls.done(Problems.problem(403, "Forbidden", "order", "only the buyer confirms receipt"));
        }
        return actions.confirmReceipt(order, key);
    }

    /** 退款: before settlement nothing of the order remains; after, the merchant funds it. The store or an operator. */
    @PostMapping("/orders/{order}/refund")
    CompletableFuture<ResponseEntity<String>> refund(@PathVariable String order,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        Map<String, Object> row = queries.parties(order);
        if (row == null) {
            row = coinOrders.parties(order);
        }
        if (row == null) {
            return GatewayCalls.done(Problems.problem(404, "Not found", "order", "no order " + order));
        }
        Object merchant = row.get("merchant");
        if (!Access.isOperator(me) && (merchant == null || !merchant.equals(me.getAttribute("merchant")))) {
            return GatewayCalls.done(Problems.problem(403, "Forbidden", "order", "only the order's store or an operator refunds"));
        }
        return actions.refund(order, key);
    }
}

package org.zengzhi.server.merchant;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.zengzhi.engine.Units;
import org.zengzhi.server.account.Access;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.gateway.Response;
import org.zengzhi.server.order.OrderQueries;
import org.zengzhi.server.wallet.PostingQueries;
import org.zengzhi.server.web.GatewayCalls;
import org.zengzhi.server.web.ReadTimes;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A merchant's own pages: the pay code a QR code encodes, the store's orders, its postings
 * (settlements, mall rebates), settlements per day, bound customers, the owner's rewards and the store's
 * settings. A merchant account sees and changes its own store only; operators see all.
 */
@RestController
@RequestMapping("/api/v1/merchants/{merchant}")
class MerchantController {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The longest settlement history one request reads: a leap year of days. */
    static final int SETTLEMENT_DAYS_MAX = 366;

    private static final Response FORBIDDEN = Problems.problem(403, "Forbidden", "merchant",
            "you may read only your own store");

    private final StoreQueries queries;
    private final EngineGateway gateway;
    private final StoreSettings settings;
    private final OrderQueries orders;
    private final PostingQueries postingQueries;

    MerchantController(StoreQueries queries, EngineGateway gateway, StoreSettings settings, OrderQueries orders,
            PostingQueries postingQueries) {
        this.postingQueries = postingQueries;
        this.queries = queries;
        this.gateway = gateway;
        this.settings = settings;
        this.orders = orders;
    }

    /** The store's pay code: the path a QR code encodes; paying through it binds new customers (锁定会员). */
    @GetMapping("/pay-code")
    ResponseEntity<String> payCode(@PathVariable String merchant, @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        if (!mayRead(me, merchant)) {
            return forbidden();
        }
        ObjectNode view = JSON.createObjectNode();
        view.put("merchant", merchant);
        view.put("path", "/pay/" + merchant);
        return GatewayCalls.json(JSON.writeValueAsString(view));
    }

    @GetMapping("/orders")
    ResponseEntity<String> orders(@PathVariable String merchant, @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        if (!mayRead(me, merchant)) {
            return forbidden();
        }
        List<Map<String, Object>> rows = orders.ofMerchant(merchant);
        ArrayNode orders = JSON.createArrayNode();
        for (Map<String, Object> row : rows) {
            ObjectNode order = orders.addObject();
            order.put("order", (String) row.get("order_id"));
            order.put("user", (String) row.get("username"));
            order.put("channel", (String) row.get("channel"));
            order.put("amount", Units.formatFen(((Number) row.get("amount")).longValue()));
            order.put("status", (String) row.get("status"));
            order.put("paidAt", ReadTimes.iso(row.get("paid_at")));
        }
        return GatewayCalls.json(JSON.writeValueAsString(orders));
    }

    /** Customers this store's pay code bound (锁定会员, R-4.1): they earn the owner rewards wherever they pay. */
    @GetMapping("/customers")
    ResponseEntity<String> customers(@PathVariable String merchant,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        if (!mayRead(me, merchant)) {
            return forbidden();
        }
        return GatewayCalls.json(queries.customers(merchant));
    }

    /** Settled orders per day: how many, their amount, the commission kept and what the store received. */
    @GetMapping("/settlements")
    ResponseEntity<String> settlements(@PathVariable String merchant, @RequestParam(defaultValue = "30") int days,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        if (!mayRead(me, merchant)) {
            return forbidden();
        }
        if (days < 1 || days > SETTLEMENT_DAYS_MAX) {
            return GatewayCalls.entity(Problems.badRequest("days", "1 to " + SETTLEMENT_DAYS_MAX + " days"));
        }
        return GatewayCalls.json(StoreViews.settlements(orders, merchant, days));
    }

    /** The rewards the store's owner earned, at this store and across stores (跨店收益), recruitment included. */
    @GetMapping("/rewards")
    CompletableFuture<ResponseEntity<String>> rewards(@PathVariable String merchant,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        if (!mayRead(me, merchant)) {
            return GatewayCalls.done(FORBIDDEN);
        }
        return gateway.query(engine -> engine.merchantOwner(merchant)).thenApply(owner -> owner == null ? unknown(merchant)
                : GatewayCalls.json(queries.rewards(merchant, owner)));
    }

    record Settings(String displayName, String address) {
    }

    /** The store's display name and address, as its pay page shows them. */
    @GetMapping("/settings")
    ResponseEntity<String> settings(@PathVariable String merchant, @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        if (!mayRead(me, merchant)) {
            return forbidden();
        }
        return GatewayCalls.json(settings.find(merchant).json());
    }

    /**
     * Sets the display name and address (both; a blank one is cleared) under an Idempotency-Key like every
     * state-changing call: journaled as a Tick named after the store, since nothing of the economy
     * depends on it.
     */
    @PutMapping(path = "/settings", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<String>> changeSettings(@PathVariable String merchant, @RequestBody Settings body,
            @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        if (!mayRead(me, merchant)) {
            return GatewayCalls.done(FORBIDDEN);
        }
        Response keyProblem = GatewayCalls.keyProblem(key);
        if (keyProblem != null) {
            return GatewayCalls.done(keyProblem);
        }
        return gateway.query(engine -> engine.merchantIds().contains(merchant)).thenCompose(known -> {
            if (!known) {
                return CompletableFuture.completedFuture(unknown(merchant));
            }
            try {
                return settings.saveOnce(gateway, merchant, body.displayName(), body.address(), me.getName(), key)
                        .thenApply(GatewayCalls::entity);
            } catch (StoreSettings.InvalidSetting e) {
                return GatewayCalls.done(Problems.badRequest(e.field(), e.getMessage()));
            }
        });
    }

    /** The store's money movements: settlements into its cash, pending shares, mall rebates, refunds. */
    @GetMapping("/postings")
    ResponseEntity<String> postings(@PathVariable String merchant, @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        if (!mayRead(me, merchant)) {
            return forbidden();
        }
        List<Map<String, Object>> rows = postingQueries.ofMerchant(merchant);
        ArrayNode postings = JSON.createArrayNode();
        for (Map<String, Object> row : rows) {
            ObjectNode posting = postings.addObject();
            posting.put("command", (String) row.get("command_id"));
            posting.put("commandType", (String) row.get("command_type"));
            posting.put("account", (String) row.get("account_type"));
            posting.put("amount", Units.formatFen(((Number) row.get("amount")).longValue()));
        }
        return GatewayCalls.json(JSON.writeValueAsString(postings));
    }

    private static boolean mayRead(OAuth2AuthenticatedPrincipal me, String merchant) {
        return Access.isOperator(me) || merchant.equals(me.getAttribute("merchant"));
    }

    private static ResponseEntity<String> forbidden() {
        return GatewayCalls.entity(FORBIDDEN);
    }

    private static ResponseEntity<String> unknown(String merchant) {
        return GatewayCalls.entity(Problems.problem(404, "Not found", "merchant", "no store " + merchant));
    }
}

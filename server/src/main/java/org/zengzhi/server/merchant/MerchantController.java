package org.zengzhi.server.merchant;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.zengzhi.engine.Units;
import org.zengzhi.server.account.Access;
import org.zengzhi.server.consumer.ConsumerViews;
import org.zengzhi.server.gateway.Problems;
import org.zengzhi.server.web.GatewayCalls;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A merchant's own pages: the pay code a QR code encodes, the store's orders, and its
 * postings (settlements, mall rebates). A merchant account sees its own store only; operators see all.
 */
@RestController
@RequestMapping("/api/v1/merchants/{merchant}")
class MerchantController {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    MerchantController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT order_id, username, channel, amount, status, paid_at, "
                + "settled_at FROM orders WHERE merchant = ? ORDER BY command_seq DESC LIMIT 500", merchant);
        ArrayNode orders = JSON.createArrayNode();
        for (Map<String, Object> row : rows) {
            ObjectNode order = orders.addObject();
            order.put("order", (String) row.get("order_id"));
            order.put("user", (String) row.get("username"));
            order.put("channel", (String) row.get("channel"));
            order.put("amount", Units.formatFen(((Number) row.get("amount")).longValue()));
            order.put("status", (String) row.get("status"));
            order.put("paidAt", ConsumerViews.instant(row.get("paid_at")));
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
        ArrayNode customers = JSON.createArrayNode();
        for (Map<String, Object> row : jdbc.queryForList("SELECT username, referrer, bound_at FROM bindings WHERE merchant = ? "
                + "ORDER BY command_seq DESC LIMIT 1000", merchant)) {
            ObjectNode customer = customers.addObject();
            customer.put("user", (String) row.get("username"));
            customer.put("referrer", (String) row.get("referrer"));
            customer.put("boundAt", ConsumerViews.instant(row.get("bound_at")));
        }
        return GatewayCalls.json(JSON.writeValueAsString(customers));
    }

    /** The store's money movements: settlements into its cash, pending shares, mall rebates, refunds. */
    @GetMapping("/postings")
    ResponseEntity<String> postings(@PathVariable String merchant, @AuthenticationPrincipal OAuth2AuthenticatedPrincipal me) {
        if (!mayRead(me, merchant)) {
            return forbidden();
        }
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT p.command_seq, p.account_type, p.amount, j.command_id, "
                + "j.command_type FROM postings p JOIN journal j ON j.seq = p.command_seq WHERE p.owner = ? "
                + "AND p.account_type LIKE 'MERCHANT_%' ORDER BY p.command_seq DESC, p.posting_index DESC LIMIT 500", merchant);
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
        return GatewayCalls.entity(Problems.problem(403, "Forbidden", "merchant", "you may read only your own store"));
    }
}

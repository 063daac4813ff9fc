package org.zengzhi.server.order;

import java.util.List;
import java.util.Map;

import org.zengzhi.engine.Units;
import org.zengzhi.server.web.ReadTimes;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Orders as JSON, from rows of {@link OrderQueries}. */
final class OrderJson {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OrderJson() {
    }

    /**
     * A user's orders ({@link OrderQueries#ofUser}): status, amount, the points the order minted (null until it
     * settles) and its times; the API's /me/orders and the console's orders page.
     */
    static String ofUser(List<Map<String, Object>> rows) {
        ArrayNode orders = JSON.createArrayNode();
        for (Map<String, Object> row : rows) {
            ObjectNode order = orders.addObject();
            order.put("order", (String) row.get("order_id"));
            order.put("merchant", (String) row.get("merchant"));
            order.put("channel", (String) row.get("channel"));
            order.put("amount", Units.formatFen(((Number) row.get("amount")).longValue()));
            order.put("status", (String) row.get("status"));
            Object points = row.get("points");
            order.put("points", points == null ? null : Units.formatPoints(((Number) points).longValue()));
            order.put("paidAt", ReadTimes.iso(row.get("paid_at")));
            order.put("dueAt", ReadTimes.iso(row.get("due_at")));
            order.put("settledAt", ReadTimes.iso(row.get("settled_at")));
            order.put("refundedAt", ReadTimes.iso(row.get("refunded_at")));
        }
        return JSON.writeValueAsString(orders);
    }
}

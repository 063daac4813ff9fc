package org.zengzhi.server.merchant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.zengzhi.engine.order.RewardKind;
import org.zengzhi.engine.order.RewardStatus;
import org.zengzhi.engine.Units;
import org.zengzhi.server.order.OrderQueries;
import org.zengzhi.server.web.ReadTimes;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A store's views over the read models, shared by the API's {@code /merchants/{merchant}/…} and the console's
 * merchant page: settlements per day, the customers its pay code bound, and the rewards its owner earned. The
 * caller checks who may read which store.
 */
public final class StoreViews {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    public static final int SETTLEMENT_DAYS_MAX = 90;
    public static final int CUSTOMERS_MAX = 1000;
    public static final int REWARDS_LISTED_MAX = 200;

    private StoreViews() {
    }

    /**
     * Settled orders per day of settlement (calendar days of the plan's zone), newest first: how many, their amount, the
     * commission the platform kept (A − what the store receives) and what the store received. Orders paid before
     * the read model recorded the store's share (migration V9) are not counted.
     */
    public static String settlements(OrderQueries queries, String merchant, int days) {
        ObjectNode view = JSON.createObjectNode();
        view.put("merchant", merchant);
        ArrayNode rows = view.putArray("days");
        long[] total = new long[4];
        for (Map<String, Object> row : queries.settledPerDay(merchant,
                Math.max(1, Math.min(days, SETTLEMENT_DAYS_MAX)))) {
            long orders = ((Number) row.get("orders")).longValue();
            long amount = ((Number) row.get("amount")).longValue();
            long received = ((Number) row.get("received")).longValue();
            ObjectNode day = rows.addObject();
            day.put("day", String.valueOf(row.get("settled_day")));
            day.put("orders", orders);
            day.put("amount", Units.formatFen(amount));
            day.put("commission", Units.formatFen(amount - received));
            day.put("received", Units.formatFen(received));
            total[0] += orders;
            total[1] += amount;
            total[2] += received;
        }
        ObjectNode sum = view.putObject("total");
        sum.put("orders", total[0]);
        sum.put("amount", Units.formatFen(total[1]));
        sum.put("commission", Units.formatFen(total[1] - total[2]));
        sum.put("received", Units.formatFen(total[2]));
        return JSON.writeValueAsString(view);
    }

    /** Customers this store's pay code bound (锁定会员, R-4.1): they earn the owner rewards wherever they pay. */
    public static String customers(JdbcTemplate jdbc, String merchant) {
        ArrayNode customers = JSON.createArrayNode();
        for (Map<String, Object> row : jdbc.queryForList("SELECT username, referrer, bound_at FROM bindings WHERE merchant = ? "
                + "ORDER BY command_seq DESC LIMIT " + CUSTOMERS_MAX, merchant)) {
            ObjectNode customer = customers.addObject();
            customer.put("user", (String) row.get("username"));
            customer.put("referrer", (String) row.get("referrer"));
            customer.put("boundAt", ReadTimes.iso(row.get("bound_at")));
        }
        return JSON.writeValueAsString(customers);
    }

    /**
     * The rewards the store's owner earned (direct, indirect, first order, recruitment, agent) and the store's own
     * mall rebates: totals per kind, split into those from orders at this store and those from anywhere else; the
     * sums of four groups — referral rewards from orders at this store ({@code thisStore}), from orders anywhere
     * else ({@code crossStore}, 跨店收益: a bound customer paying at another store or in the mall, R-4.2),
     * {@code recruitment} (from the stores the owner recruited, R-4.4) and {@code mallRebate}; and the
     * newest rewards one by one. Rewards of orders refunded before settlement are left out.
     */
    public static String rewards(JdbcTemplate jdbc, String merchant, String owner) {
        String mine = "((r.kind <> 'MALL_REBATE' AND r.recipient = ?) OR (r.kind = 'MALL_REBATE' AND r.recipient = ?))";
        Map<String, long[]> totals = new LinkedHashMap<>();
        for (RewardKind kind : RewardKind.values()) {
            totals.put(kind.name() + "|false", new long[3]);
            totals.put(kind.name() + "|true", new long[3]);
        }
        jdbc.query("SELECT kind, status, cross_store, COUNT(*) AS rewards, SUM(amount) AS amount FROM (SELECT r.kind, r.status, "
                + "CASE WHEN o.merchant = ? THEN 0 ELSE 1 END AS cross_store, r.amount - r.clawed_back AS amount FROM rewards r "
                + "JOIN orders o ON o.order_id = r.order_id WHERE " + mine + " AND r.status <> 'CANCELLED') mine "
                + "GROUP BY kind, status, cross_store", row -> {
                    long[] total = totals.get(row.getString("kind") + "|" + (row.getInt("cross_store") == 1));
                    total[0] += row.getLong("rewards");
                    total[RewardStatus.valueOf(row.getString("status")) == RewardStatus.PENDING ? 2 : 1] += row.getLong("amount");
                }, merchant, owner, merchant);
        ObjectNode view = JSON.createObjectNode();
        view.put("merchant", merchant);
        view.put("owner", owner);
        ArrayNode kinds = view.putArray("totals");
        Map<String, long[]> groups = new LinkedHashMap<>();
        for (String group : List.of("thisStore", "crossStore", "recruitment", "mallRebate")) {
            groups.put(group, new long[2]);
        }
        for (Map.Entry<String, long[]> entry : totals.entrySet()) {
            long[] total = entry.getValue();
            if (total[0] == 0) {
                continue;
            }
            RewardKind kind = RewardKind.valueOf(entry.getKey().substring(0, entry.getKey().indexOf('|')));
            boolean elsewhere = entry.getKey().endsWith("|true");
            ObjectNode row = kinds.addObject();
            row.put("kind", kind.name());
            row.put("crossStore", elsewhere);
            row.put("rewards", total[0]);
            row.put("paid", Units.formatFen(total[1]));
            row.put("pending", Units.formatFen(total[2]));
            long[] group = groups.get(kind == RewardKind.RECRUITMENT ? "recruitment" : kind == RewardKind.MALL_REBATE
                    ? "mallRebate" : elsewhere ? "crossStore" : "thisStore");
            group[0] += total[1];
            group[1] += total[2];
        }
        for (Map.Entry<String, long[]> group : groups.entrySet()) {
            ObjectNode sum = view.putObject(group.getKey());
            sum.put("paid", Units.formatFen(group.getValue()[0]));
            sum.put("pending", Units.formatFen(group.getValue()[1]));
        }
        latest(jdbc, merchant, owner, mine, view.putArray("rewards"));
        return JSON.writeValueAsString(view);
    }

    /** The newest rewards of the owner (and the store's mall rebates), one by one. */
    private static void latest(JdbcTemplate jdbc, String merchant, String owner, String mine, ArrayNode list) {
        for (Map<String, Object> row : jdbc.queryForList("SELECT r.order_id, r.kind, r.amount, r.clawed_back, r.status, "
                + "r.changed_at, o.merchant, o.username FROM rewards r JOIN orders o ON o.order_id = r.order_id WHERE " + mine
                + " AND r.status <> 'CANCELLED' ORDER BY r.command_seq DESC, r.order_id, r.reward_index LIMIT "
                + REWARDS_LISTED_MAX, owner, merchant)) {
            ObjectNode reward = list.addObject();
            reward.put("order", (String) row.get("order_id"));
            reward.put("kind", (String) row.get("kind"));
            reward.put("store", (String) row.get("merchant"));
            reward.put("customer", (String) row.get("username"));
            reward.put("crossStore", !merchant.equals(row.get("merchant")));
            reward.put("amount", Units.formatFen(((Number) row.get("amount")).longValue()
                    - ((Number) row.get("clawed_back")).longValue()));
            reward.put("status", (String) row.get("status"));
            reward.put("at", ReadTimes.iso(row.get("changed_at")));
        }
    }
}

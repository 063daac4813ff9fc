package org.zengzhi.server.operator;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.zengzhi.engine.order.RewardKind;
import org.zengzhi.engine.order.RewardStatus;
import org.zengzhi.engine.Units;
import org.zengzhi.server.localize.PlanDays;
import org.zengzhi.server.web.ReadTimes;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operator's view of what the economy paid out, from the {@code rewards} and {@code exits} read models: the
 * distribution rewards per kind and the forced exits per day. The API's
 * {@code /operator/rewards} and {@code /operator/exits} and the dashboard render these same views.
 */
public final class RewardsAndExits {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    public static final int DAYS_MAX = 90;
    public static final int MARKS_MAX = 200;

    private RewardsAndExits() {
    }

    /**
     * Every reward kind in the order the engine draws them from an order's budget: {@code paid} is what became
     * effective (less what a refund took back), {@code pending} what waits for settlement, {@code cut} what the
     * budget could not pay, {@code rewards} how many were computed and not cancelled.
     */
    public static String byKind(JdbcTemplate jdbc) {
        Map<RewardKind, long[]> totals = new EnumMap<>(RewardKind.class);
        for (RewardKind kind : RewardKind.values()) {
            totals.put(kind, new long[4]);
        }
        jdbc.query("SELECT kind, status, COUNT(*) AS rewards, SUM(amount) AS amount, SUM(clawed_back) AS clawed_back, "
                + "SUM(nominal - amount) AS cut FROM rewards GROUP BY kind, status", row -> {
                    long[] total = totals.get(RewardKind.valueOf(row.getString("kind")));
                    RewardStatus status = RewardStatus.valueOf(row.getString("status"));
                    if (status == RewardStatus.CANCELLED) {
                        return;
                    }
                    total[0] += row.getLong("rewards");
                    if (status == RewardStatus.PENDING) {
                        total[2] += row.getLong("amount");
                    } else {
                        total[1] += row.getLong("amount") - row.getLong("clawed_back");
                    }
                    total[3] += row.getLong("cut");
                });
        ObjectNode view = JSON.createObjectNode();
        ArrayNode kinds = view.putArray("kinds");
        long paid = 0;
        long pending = 0;
        for (Map.Entry<RewardKind, long[]> entry : totals.entrySet()) {
            long[] total = entry.getValue();
            ObjectNode kind = kinds.addObject();
            kind.put("kind", entry.getKey().name());
            kind.put("rewards", total[0]);
            kind.put("paid", Units.formatFen(total[1]));
            kind.put("pending", Units.formatFen(total[2]));
            kind.put("cut", Units.formatFen(total[3]));
            paid += total[1];
            pending += total[2];
        }
        view.put("paid", Units.formatFen(paid));
        view.put("pending", Units.formatFen(pending));
        return JSON.writeValueAsString(view);
    }

    /**
     * Forced exits per day (in the plan's zone), newest first, at most {@code days} days that had any: how many,
     * the points sold, their gross value and what the exits paid out at β; and the totals of every exit.
     */
    public static String perDay(JdbcTemplate jdbc, int days) {
        ObjectNode view = JSON.createObjectNode();
        Map<String, Object> all = jdbc.queryForMap("SELECT COUNT(*) AS exits, SUM(payout) AS payout FROM exits");
        view.put("exits", ((Number) all.get("exits")).longValue());
        view.put("payout", Units.formatFen(all.get("payout") == null ? 0 : ((Number) all.get("payout")).longValue()));
        ArrayNode rows = view.putArray("days");
        String exitDay = PlanDays.sqlDay("exited_at");
        for (Map<String, Object> row : jdbc.queryForList("SELECT " + exitDay + " AS exit_day, COUNT(*) AS exits, "
                + "SUM(points) AS points, SUM(gross) AS gross, SUM(payout) AS payout FROM exits "
                + "GROUP BY " + exitDay + " ORDER BY exit_day DESC LIMIT " + Math.max(1, Math.min(days, DAYS_MAX)))) {
            ObjectNode day = rows.addObject();
            day.put("day", String.valueOf(row.get("exit_day")));
            day.put("exits", ((Number) row.get("exits")).longValue());
            day.put("points", Units.formatPoints(((Number) row.get("points")).longValue()));
            day.put("gross", Units.formatFen(((Number) row.get("gross")).longValue()));
            day.put("payout", Units.formatFen(((Number) row.get("payout")).longValue()));
        }
        return JSON.writeValueAsString(view);
    }

    /**
     * When exits happened, for marks on the price curve, oldest first: one mark per command that set exits off (a
     * cascade is one moment) with how many exited then; the newest {@link #MARKS_MAX} such moments, as a JSON array.
     */
    public static String marks(JdbcTemplate jdbc) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT MIN(exited_at) AS at, COUNT(*) AS exits FROM exits "
                + "GROUP BY command_seq ORDER BY command_seq DESC LIMIT " + MARKS_MAX);
        ArrayNode marks = JSON.createArrayNode();
        for (int i = rows.size() - 1; i >= 0; i--) {
            ObjectNode mark = marks.addObject();
            mark.put("at", ReadTimes.iso(rows.get(i).get("at")));
            mark.put("exits", ((Number) rows.get(i).get("exits")).longValue());
        }
        return JSON.writeValueAsString(marks);
    }
}

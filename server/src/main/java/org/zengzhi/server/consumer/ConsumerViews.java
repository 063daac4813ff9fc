package org.zengzhi.server.consumer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.Exact;
import org.zengzhi.engine.Limits;
import org.zengzhi.engine.ExitEstimate;
import org.zengzhi.engine.Holder;
import org.zengzhi.engine.Plan;
import org.zengzhi.engine.PoolMath;
import org.zengzhi.engine.Price;
import org.zengzhi.engine.Units;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** JSON views for the consumer endpoints and the console's wallet; engine views run on the gateway's thread. */
public final class ConsumerViews {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long TYPICAL_ORDER_FEN = 100_000;

    private ConsumerViews() {
    }

    public static String preview(Engine engine, String user, long pointsMicro) {
        Holder holder = engine.holder(user);
        long held = holder == null ? 0 : holder.pointsMicro();
        ObjectNode view = JSON.createObjectNode();
        view.put("points", Units.formatPoints(pointsMicro));
        view.put("held", Units.formatPoints(held));
        view.put("price", engine.price().display());
        boolean possible = pointsMicro > 0 && pointsMicro <= held;
        view.put("possible", possible);
        if (possible) {
            long gross = PoolMath.grossValue(pointsMicro, engine.poolCash(), engine.circulatingPoints());
            long payout = PoolMath.salePayout(pointsMicro, engine.poolCash(), engine.circulatingPoints(),
                    engine.rules().payoutRatioPpm());
            view.put("gross", Units.formatFen(gross));
            view.put("payout", Units.formatFen(payout));
            view.put("staysInPool", Units.formatFen(gross - payout));
        }
        view.put("payoutRatio", Units.format(engine.rules().payoutRatioPpm(), Units.RATE_DECIMALS));
        return JSON.writeValueAsString(view);
    }

    public static String exit(Engine engine, String user) {
        Holder holder = engine.holder(user);
        ObjectNode view = JSON.createObjectNode();
        view.put("price", engine.price().display());
        Plan.StoreSplit store = engine.plan().store();
        // A typical 1000.00 store order at the plan's default commission: C = ⌊A·r⌋, pool ⌊C·ss⌋.
        long commission = Exact.mulDivFloor(TYPICAL_ORDER_FEN, store.defaultCommissionPpm(), Limits.PPM);
        long poolShare = Exact.mulDivFloor(commission, store.poolPpm(), Limits.PPM);
        ExitEstimate estimate = holder == null ? null : ExitEstimate.of(engine.rules(), engine.price(), holder.pointsMicro(),
                holder.cycleSpendFen(), holder.cycleRealizedFen(), TYPICAL_ORDER_FEN, poolShare);
        if (estimate == null) {
            view.put("pending", false);
        } else {
            view.put("pending", true);
            view.put("exitPrice", estimate.threshold().display());
            view.put("dueNow", estimate.dueNow());
            view.put("typicalOrder", Units.formatFen(TYPICAL_ORDER_FEN));
            view.put("typicalOrdersNeeded", estimate.orders());
            view.put("newConsumptionNeeded", estimate.consumptionFen() < 0 ? null : Units.formatFen(estimate.consumptionFen()));
        }
        view.put("disclaimer", "The price depends on future consumption on the platform and is not a promise; this is an "
                + "estimate assuming nobody sells and nobody else exits. 价格取决于平台未来的消费，并非承诺。");
        return JSON.writeValueAsString(view);
    }

    public static String prices(List<Map<String, Object>> rows) {
        ArrayNode series = JSON.createArrayNode();
        for (int i = rows.size() - 1; i >= 0; i--) {
            Map<String, Object> row = rows.get(i);
            long cash = ((Number) row.get("pool_cash")).longValue();
            long points = ((Number) row.get("circulating_points")).longValue();
            ObjectNode point = series.addObject();
            point.put("at", instant(row.get("at")));
            point.put("price", new Price(cash, points).display());
            point.put("poolCash", Units.formatFen(cash));
            point.put("circulatingPoints", Units.formatPoints(points));
        }
        return JSON.writeValueAsString(series);
    }

    /**
     * A participant's ledger postings (their USER_* accounts), newest first, one page: the API's /me/postings,
     * and the operator's participant page. {@code size} is checked by the caller.
     */
    public static String postings(JdbcTemplate jdbc, String user, int page, int size) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT p.command_seq, p.account_type, p.asset, p.amount, j.at, "
                + "j.command_type, j.command_id FROM postings p JOIN journal j ON j.seq = p.command_seq "
                + "WHERE p.owner = ? AND p.account_type LIKE 'USER_%' ORDER BY p.command_seq DESC, p.posting_index DESC "
                + "LIMIT " + size + " OFFSET " + ((long) page * size), user);
        return postings(rows, page, size);
    }

    static String postings(List<Map<String, Object>> rows, int page, int size) {
        ObjectNode view = JSON.createObjectNode();
        view.put("page", page);
        view.put("size", size);
        ArrayNode items = view.putArray("postings");
        for (Map<String, Object> row : rows) {
            ObjectNode item = items.addObject();
            String asset = (String) row.get("asset");
            item.put("at", instant(row.get("at")));
            item.put("command", (String) row.get("command_id"));
            item.put("commandType", (String) row.get("command_type"));
            item.put("account", (String) row.get("account_type"));
            item.put("asset", asset);
            item.put("amount", Units.format(((Number) row.get("amount")).longValue(),
                    org.zengzhi.engine.Asset.valueOf(asset).decimals()));
        }
        return JSON.writeValueAsString(view);
    }

    /** The invite code is the username; the join path carries it, so a link or QR code of it binds new users. */
    public static String invite(String user) {
        ObjectNode view = JSON.createObjectNode();
        view.put("invite", user);
        view.put("path", "/join?invite=" + URLEncoder.encode(user, StandardCharsets.UTF_8));
        return JSON.writeValueAsString(view);
    }

    /** A read-model time as an ISO-8601 instant, whatever type the database driver returns; null stays null. */
    public static String instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp) {
            return ((Timestamp) value).toInstant().toString();
        }
        if (value instanceof java.time.OffsetDateTime) {
            return ((java.time.OffsetDateTime) value).toInstant().toString();
        }
        return value.toString();
    }
}

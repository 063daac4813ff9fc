package org.zengzhi.server.income;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.zengzhi.engine.Units;
import org.zengzhi.engine.ledger.Asset;
import org.zengzhi.server.localize.PlanTime;
import org.zengzhi.server.web.ReadTimes;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every kind of income an owner got, from the ledger (收入明细, issue 20 item 1): referral and agent rewards,
 * dividends in vouchers, coins, points, deduction points, contribution value, green points, a promoter's monthly
 * pay, bonuses, a store's sales; each with its kind, the command (order, dividend tick, month close) it came from,
 * and the time in the plan's zone; one page at a time, with the totals per asset, whose balance is the ledger's.
 */
@Component
public class IncomeHistory {
    /** A consumer's, a promoter's or an agent's accounts. */
    public static final String USER = "USER_";
    /** A store's accounts. */
    public static final String STORE = "MERCHANT_";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final IncomeQueries queries;

    IncomeHistory(IncomeQueries queries) {
        this.queries = queries;
    }

    /** One page in the shape of GET /me/income; {@code page} and {@code size} are checked by the caller. */
    public String of(String owner, String accounts, int page, int size) {
        ObjectNode view = JSON.createObjectNode();
        view.put("owner", owner);
        view.put("page", page);
        view.put("size", size);
        view.put("total", queries.incomeCount(owner, accounts));
        view.put("zone", PlanTime.zone().getId());
        ArrayNode totals = view.putArray("totals");
        for (Map<String, Object> row : queries.totals(owner, accounts)) {
            Asset asset = Asset.valueOf((String) row.get("asset"));
            long received = number(row.get("received"));
            long spent = number(row.get("spent"));
            ObjectNode total = totals.addObject();
            total.put("asset", asset.name());
            total.put("received", Units.format(received, asset.decimals()));
            total.put("spent", Units.format(-spent, asset.decimals()));
            total.put("balance", Units.format(received + spent, asset.decimals()));
        }
        ArrayNode items = view.putArray("income");
        List<Map<String, Object>> rows = queries.income(owner, accounts, page, size);
        for (Map<String, Object> row : rows) {
            Asset asset = Asset.valueOf((String) row.get("asset"));
            ObjectNode item = items.addObject();
            item.put("kind", IncomeKind.of((String) row.get("command_type"), asset.name(),
                    (String) row.get("reward_kind"), STORE.equals(accounts)));
            item.put("asset", asset.name());
            item.put("amount", Units.format(number(row.get("net")), asset.decimals()));
            item.put("command", (String) row.get("command_type"));
            item.put("from", (String) row.get("command_id"));
            item.put("seq", number(row.get("command_seq")));
            item.put("at", ReadTimes.iso(row.get("at")));
            item.put("atLocal", local(row.get("at")));
        }
        return JSON.writeValueAsString(view);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static String local(Object time) {
        Instant instant = time instanceof Timestamp timestamp ? timestamp.toInstant()
                : time instanceof OffsetDateTime offset ? offset.toInstant() : null;
        return PlanTime.format(instant);
    }
}

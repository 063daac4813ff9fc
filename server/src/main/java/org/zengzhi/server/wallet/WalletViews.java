package org.zengzhi.server.wallet;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.Engine;
import org.zengzhi.engine.Exact;
import org.zengzhi.engine.Limits;
import org.zengzhi.engine.pool.ExitEstimate;
import org.zengzhi.engine.pool.Holder;
import org.zengzhi.engine.plan.Plan;
import org.zengzhi.engine.pool.PoolMath;
import org.zengzhi.engine.Price;
import org.zengzhi.engine.Units;
import org.zengzhi.server.console.ConsoleViews;
import org.zengzhi.server.web.ReadTimes;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** JSON views for the consumer endpoints and the console's wallet; engine views run on the gateway's thread. */
public final class WalletViews {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long TYPICAL_ORDER_FEN = 100_000;
    /** The console's price charts (the wallet's and the dashboard's) show at most this many prices. */
    public static final int CHART_PRICES_MAX = 2_000;

    private WalletViews() {
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

    /** The price series as the API's /prices renders it, for the console's charts. */
    /** The whole history, downsampled (first, lowest, highest, last of each run: every rise stays; issue 20 item 7). */
    public static String chartPrices(PriceQueries prices) {
        return chart(prices.chart(CHART_PRICES_MAX / 4));
    }

    /** Downsampled prices, oldest first, in the shape of {@link #prices}. */
    public static String chart(List<org.zengzhi.server.prices.PricePoint> points) {
        ArrayNode series = JSON.createArrayNode();
        for (org.zengzhi.server.prices.PricePoint row : points) {
            ObjectNode point = series.addObject();
            point.put("seq", PriceQueries.cursor(row.seq(), row.eventIndex()));
            point.put("at", ReadTimes.iso(row.at()));
            point.put("price", row.price().display());
            point.put("poolCash", Units.formatFen(row.poolCashFen()));
            point.put("circulatingPoints", Units.formatPoints(row.circulatingPointsMicro()));
        }
        return JSON.writeValueAsString(series);
    }

    public static String prices(List<Map<String, Object>> rows) {
        ArrayNode series = JSON.createArrayNode();
        for (int i = rows.size() - 1; i >= 0; i--) {
            Map<String, Object> row = rows.get(i);
            long cash = ((Number) row.get("pool_cash")).longValue();
            long points = ((Number) row.get("circulating_points")).longValue();
            ObjectNode point = series.addObject();
            if (row.get("command_seq") != null) {
                point.put("seq", PriceQueries.cursor(((Number) row.get("command_seq")).longValue(),
                        ((Number) row.get("event_index")).intValue()));
            }
            point.put("at", ReadTimes.iso(row.get("at")));
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
    public static String postings(List<Map<String, Object>> rows, int page, int size) {
        ObjectNode view = JSON.createObjectNode();
        view.put("page", page);
        view.put("size", size);
        ArrayNode items = view.putArray("postings");
        for (Map<String, Object> row : rows) {
            ObjectNode item = items.addObject();
            String asset = (String) row.get("asset");
            item.put("at", ReadTimes.iso(row.get("at")));
            item.put("command", (String) row.get("command_id"));
            item.put("commandType", (String) row.get("command_type"));
            item.put("account", (String) row.get("account_type"));
            item.put("asset", asset);
            item.put("amount", Units.format(((Number) row.get("amount")).longValue(),
                    org.zengzhi.engine.ledger.Asset.valueOf(asset).decimals()));
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

    /** A consumer's wallet: cash, points, what they are worth and would pay now, and what is still pending. */
    public record Wallet(String user, String cash, String points, String price, String value, String payoutNow,
            String payoutRatio, String pendingCash, String withdrawing, String deduct, String pendingDeduct,
            String referrer) {
    }

    /** The user's balances and pool position, or null for an unknown user. */
    public static String json(Engine engine, String user) {
        Holder holder = engine.holder(user);
        if (holder == null) {
            return null;
        }
        ObjectNode view = JSON.createObjectNode();
        view.put("user", user);
        view.put("points", Units.formatPoints(holder.pointsMicro()));
        view.put("price", engine.price().display());
        view.put("cycleSpend", Units.formatFen(holder.cycleSpendFen()));
        view.put("cycleRealized", Units.formatFen(holder.cycleRealizedFen()));
        view.put("exits", holder.exits());
        view.put("paidOut", Units.formatFen(holder.paidOutFen()));
        ArrayNode balances = view.putArray("balances");
        for (AccountType type : AccountType.values()) {
            if (type.perParticipant() && engine.balance(type, user) != 0) {
                ObjectNode balance = balances.addObject();
                balance.put("account", type.name());
                balance.put("asset", type.asset().name());
                balance.put("kind", type.kind().name().toLowerCase(Locale.ROOT));
                balance.put("amount", Units.format(engine.balance(type, user), type.asset().decimals()));
            }
        }
        return JSON.writeValueAsString(view);
    }

    public static Wallet page(Engine engine, String user) {
        Holder holder = engine.holder(user);
        long points = holder == null ? 0 : holder.pointsMicro();
        long value = 0;
        long payout = 0;
        if (points > 0) {
            value = PoolMath.grossValue(points, engine.poolCash(), engine.circulatingPoints());
            payout = PoolMath.salePayout(points, engine.poolCash(), engine.circulatingPoints(),
                    engine.rules().payoutRatioPpm());
        }
        return new Wallet(user, fen(engine, AccountType.USER_CASH, user), Units.formatPoints(points),
                engine.price().display(), Units.formatFen(value), Units.formatFen(payout),
                ConsoleViews.percent(engine.rules().payoutRatioPpm()),
                fen(engine, AccountType.USER_CASH_PENDING, user), fen(engine, AccountType.USER_CASH_WITHDRAWING, user),
                amount(engine, AccountType.USER_DEDUCT, user), amount(engine, AccountType.USER_DEDUCT_PENDING, user),
                engine.referrerOf(user));
    }

    private static String fen(Engine engine, AccountType type, String user) {
        return Units.formatFen(engine.balance(type, user));
    }

    private static String amount(Engine engine, AccountType type, String user) {
        return Units.format(engine.balance(type, user), type.asset().decimals());
    }
}

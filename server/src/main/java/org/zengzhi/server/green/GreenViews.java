package org.zengzhi.server.green;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;

import org.zengzhi.engine.Engine;
import org.zengzhi.engine.Exact;
import org.zengzhi.engine.Limits;
import org.zengzhi.engine.Units;
import org.zengzhi.engine.green.DividendPool;
import org.zengzhi.engine.green.GreenPool;
import org.zengzhi.engine.green.RateSchedule;
import org.zengzhi.engine.greenflow.GreenFlow;
import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.rank.PromoterBoard;
import org.zengzhi.engine.rank.Rank;
import org.zengzhi.engine.rank.RankLadder;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON views of the green-points model (SPEC R-6, issue 17; issue 20 items 1–3 and 6), computed on the
 * gateway's read replica. Amounts are exact decimals of the smallest unit (fen, centipoints); rates are ppm;
 * days are in the rules' time zone. A view is null when the plan has no green points or the owner is unknown.
 */
final class GreenViews {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GreenViews() {
    }

    /** Issue 20 item 1: the consumer's green wallet: lots with periods and cap progress, vouchers, coins, pools. */
    static String consumer(Engine engine, String user) {
        GreenFlow green = engine.models().green();
        if (green == null) {
            return null;
        }
        int handle = engine.models().network().participants().find(user);
        ObjectNode view = JSON.createObjectNode();
        view.put("user", user);
        view.put("timeZone", green.rules().timeZone().getId());
        view.put("vouchers", Units.formatFen(engine.balance(AccountType.USER_VOUCHER, user)));
        view.put("coins", Units.formatFen(engine.balance(AccountType.USER_COIN, user)));
        view.put("greenPoints", Units.formatFen(engine.balance(AccountType.USER_GREEN, user)));
        view.set("lots", lots(green.model().pool(GreenPool.CONSUMER), handle));
        view.set("pools", pools(green));
        return JSON.writeValueAsString(view);
    }

    /** Issue 20 item 2: a store's green points and vouchers (own dividends and the share of bound customers). */
    static String merchant(Engine engine, String merchant) {
        GreenFlow green = engine.models().green();
        if (green == null) {
            return null;
        }
        int handle = engine.models().network().merchants().find(merchant);
        if (handle < 0) {
            return null;
        }
        ObjectNode view = JSON.createObjectNode();
        view.put("merchant", merchant);
        view.put("timeZone", green.rules().timeZone().getId());
        view.put("vouchers", Units.formatFen(engine.balance(AccountType.MERCHANT_VOUCHER, merchant)));
        view.put("greenPoints", Units.formatFen(engine.balance(AccountType.MERCHANT_GREEN, merchant)));
        view.put("boundCustomerSharePpm", green.rules().boundMerchantSharePpm());
        view.set("lots", lots(green.model().pool(GreenPool.MERCHANT), handle));
        view.set("pools", pools(green));
        return JSON.writeValueAsString(view);
    }

    /** Issue 20 item 3: the promoter's month, rank, what promotion and demotion take, coach and coachees. */
    static String promoter(Engine engine, String user) {
        GreenFlow green = engine.models().green();
        if (green == null) {
            return null;
        }
        PromoterBoard board = green.board();
        int handle = engine.models().network().participants().find(user);
        int rankIndex = handle < 0 ? -1 : board.rankIndexOf(handle);
        ObjectNode view = JSON.createObjectNode();
        view.put("user", user);
        view.put("promoter", rankIndex >= 0);
        if (rankIndex < 0) {
            return JSON.writeValueAsString(view);
        }
        RankLadder ladder = board.ladder();
        Rank rank = ladder.rank(rankIndex);
        Optional<YearMonth> month = board.nextMonthToClose();
        view.put("month", month.map(YearMonth::toString).orElse(null));
        view.put("metric", Units.formatFen(month.map(m -> board.metricOf(handle, m)).orElse(0L)));
        view.put("rank", rank.name());
        view.put("rankIndex", rankIndex);
        view.put("personalRatePpm", rank.personalRatePpm());
        view.put("coachingRatePpm", rank.coachingRatePpm());
        if (rankIndex + 1 < ladder.size() && ladder.rank(rankIndex + 1).promoteAfter() != null) {
            Rank next = ladder.rank(rankIndex + 1);
            ObjectNode promotion = view.putObject("promotion");
            promotion.put("to", next.name());
            promotion.put("months", next.promoteAfter().months());
            promotion.put("monthsSoFar", board.upStreakOf(handle));
            promotion.put("atLeast", Units.formatFen(next.promoteAfter().atLeastFen()));
            promotion.put("orOneMonth", Units.formatFen(next.promoteAfter().orOneMonthFen()));
        }
        if (rank.demoteAfter() != null) {
            ObjectNode demotion = view.putObject("demotion");
            demotion.put("months", rank.demoteAfter().months());
            demotion.put("monthsSoFar", board.downStreakOf(handle));
            demotion.put("below", Units.formatFen(rank.demoteAfter().belowFen()));
            demotion.put("atRisk", board.downStreakOf(handle) > 0);
        }
        int coach = board.coachOf(handle);
        view.put("coach", coach == PromoterBoard.NO_COACH ? null : engine.models().network().externalId(coach));
        ArrayNode coachees = view.putArray("coachees");
        for (int slot = 0; slot < board.promoters(); slot++) {
            int other = board.promoterAt(slot);
            if (board.coachOf(other) == handle) {
                ObjectNode row = coachees.addObject();
                row.put("user", engine.models().network().externalId(other));
                row.put("rank", board.rankOf(other).map(Rank::name).orElse(null));
                row.put("metric", Units.formatFen(month.map(m -> board.metricOf(other, m)).orElse(0L)));
            }
        }
        return JSON.writeValueAsString(view);
    }

    /**
     * Issue 20 item 6: both pools, vouchers and coins outstanding against the settlement centre's cash, and
     * the coverage ratio (cash / outstanding, ppm, ⌊⌋; absent when nothing is outstanding); the promoter board.
     */
    static String operator(Engine engine) {
        GreenFlow green = engine.models().green();
        if (green == null) {
            return null;
        }
        long vouchers = -engine.balance(AccountType.VOUCHER_ISSUANCE, null);
        long coins = -engine.balance(AccountType.COIN_ISSUANCE, null);
        long cash = engine.balance(AccountType.SETTLEMENT_CENTRE, null);
        ObjectNode view = JSON.createObjectNode();
        view.put("timeZone", green.rules().timeZone().getId());
        view.set("pools", pools(green));
        view.put("vouchersOutstanding", Units.formatFen(vouchers));
        view.put("voucherEscrow", Units.formatFen(engine.balance(AccountType.VOUCHER_ESCROW, null)));
        view.put("coinsOutstanding", Units.formatFen(coins));
        view.put("settlementCentre", Units.formatFen(cash));
        long outstanding = vouchers + coins;
        if (outstanding > 0) {
            long coverage = Exact.mulDivFloor(cash, Limits.PPM, outstanding);
            view.put("coveragePpm", coverage);
            view.put("coverage", percent(coverage));
        } else {
            view.putNull("coveragePpm");
            view.putNull("coverage");
        }
        PromoterBoard board = green.board();
        Optional<YearMonth> month = board.nextMonthToClose();
        view.put("monthToClose", month.map(YearMonth::toString).orElse(null));
        ArrayNode promoters = view.putArray("promoters");
        for (int slot = 0; slot < board.promoters(); slot++) {
            int handle = board.promoterAt(slot);
            ObjectNode row = promoters.addObject();
            row.put("user", engine.models().network().externalId(handle));
            row.put("rank", board.rankOf(handle).map(Rank::name).orElse(null));
            row.put("metric", Units.formatFen(month.map(m -> board.metricOf(handle, m)).orElse(0L)));
            int coach = board.coachOf(handle);
            row.put("coach", coach == PromoterBoard.NO_COACH ? null : engine.models().network().externalId(coach));
        }
        return JSON.writeValueAsString(view);
    }

    /** A ppm figure as a percentage for people, exact to 0.0001% (ppm / 10⁴). */
    private static String percent(long ppm) {
        return Units.format(ppm, 4) + "%";
    }

    private static ArrayNode lots(DividendPool pool, int holder) {
        ArrayNode lots = JSON.createArrayNode();
        if (holder < 0) {
            return lots;
        }
        for (int slot = 0; slot < pool.lotCount(); slot++) {
            if (pool.lotHolder(slot) != holder) {
                continue;
            }
            long points = pool.lotCentipoints(slot);
            long cap = pool.terms().capFen(points);
            long paid = pool.lotVouchersFen(slot);
            ObjectNode lot = lots.addObject();
            lot.put("points", Units.formatFen(points));
            lot.put("periodsPaid", pool.lotPeriods(slot));
            lot.put("periodsMax", pool.terms().periodsMax());
            lot.put("vouchersPaid", Units.formatFen(paid));
            lot.put("cap", Units.formatFen(cap));
            long progress = cap == 0 ? 0 : Exact.mulDivFloor(paid, Limits.PPM, cap);
            lot.put("capProgressPpm", progress);
            lot.put("capProgress", percent(progress));
        }
        return lots;
    }

    /** Each pool: value, dividends paid, growth since the last one against its target, and the next pay day. */
    private static ArrayNode pools(GreenFlow green) {
        ZoneId zone = green.rules().timeZone();
        ArrayNode pools = JSON.createArrayNode();
        for (GreenPool kind : GreenPool.values()) {
            DividendPool pool = green.model().pool(kind);
            ObjectNode row = pools.addObject();
            row.put("pool", kind.name());
            row.put("value", Units.formatFen(pool.valueCentipoints()));
            row.put("startValue", Units.formatFen(pool.terms().startValueCentipoints()));
            row.put("dividendsPaid", pool.period());
            row.put("activeLots", pool.lotCount());
            long last = pool.lastDividendValueCentipoints();
            if (pool.period() > 0 && last > 0) {
                long growth = Exact.mulDivFloor(pool.valueCentipoints() - last, Limits.PPM, last);
                row.put("growthPpm", growth);
                row.put("growth", percent(growth));
            } else {
                row.putNull("growthPpm");
                row.putNull("growth");
            }
            RateSchedule rates = pool.terms().rates();
            row.put("rate", rates.isConstant() ? percent(rates.ratePpm(1)) : null);
            row.put("targetGrowthPpm", pool.terms().growthPpm());
            row.put("targetGrowth", percent(pool.terms().growthPpm()));
            Optional<Instant> due = pool.nextDueAt();
            row.put("nextPayDay", due.map(at -> LocalDate.ofInstant(at, zone).toString()).orElse(null));
            row.put("nextPayAt", due.map(Instant::toString).orElse(null));
        }
        return pools;
    }
}

package org.zengzhi.server.party;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.zengzhi.engine.Engine;
import org.zengzhi.engine.Units;
import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.party.PartyCommands;
import org.zengzhi.engine.partyrules.PartyRules;
import org.zengzhi.engine.rank.PromoterBoard;
import org.zengzhi.engine.rank.Rank;
import org.zengzhi.engine.rank.RankLadder;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The engine's half of the four-party views (issue 20 items 1–5), computed on the gateway's read replica:
 * balances, the plan's rates and the promoter ladder. {@link PartyService} adds the read model's rows. Amounts
 * are decimal strings of fen; rates ppm with a percentage beside them. Null when the plan has no four-party section.
 */
final class PartyViews {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private PartyViews() {
    }

    /** A supplier's money: cash (prepayments and settlements), what it owes, its deposit and its tokens. */
    static ObjectNode supplier(Engine engine, String supplier) {
        PartyCommands party = engine.party();
        if (party == null || party.ids().supplier(supplier) < 0) {
            return null;
        }
        PartyRules rules = party.model().rules();
        ObjectNode view = JSON.createObjectNode();
        view.put("supplier", supplier);
        view.put("cash", Units.formatFen(engine.balance(AccountType.SUPPLIER_CASH, supplier)));
        view.put("owed", Units.formatFen(engine.balance(AccountType.SUPPLIER_RECEIVABLE, supplier)));
        view.put("deposit", Units.formatFen(engine.balance(AccountType.SUPPLIER_DEPOSIT, supplier)));
        view.put("tokens", Units.formatFen(engine.balance(AccountType.SUPPLIER_STOKEN, supplier)));
        rate(view, "supplierShare", rules.supplierSharePpm());
        rate(view, "prepay", rules.prepayPpm());
        rate(view, "depositPenalty", rules.depositPenaltyPpm());
        view.put("ratingMin", Units.format(rules.ratingMinCenti(), 2));
        view.put("settlementDays", rules.settlementDelay().toDays());
        ArrayNode items = view.putArray("tokenItems");
        for (PartyRules.TrafficPackage item : rules.trafficPackages()) {
            ObjectNode row = items.addObject();
            row.put("item", item.name());
            row.put("price", Units.formatFen(item.priceStoken()));
        }
        ObjectNode discount = items.addObject();
        discount.put("item", org.zengzhi.engine.party.PartyIds.FEE_DISCOUNT);
        discount.put("price", Units.formatFen(rules.feeDiscountPriceStoken()));
        discount.put("feeDiscount", percent(rules.feeDiscountPpm()));
        return view;
    }

    /** A consumer's 贡献值 and 零钱, with the transfer fee the wallet shows before a transfer is confirmed. */
    static ObjectNode consumer(Engine engine, String user) {
        PartyCommands party = engine.party();
        if (party == null) {
            return null;
        }
        ObjectNode view = JSON.createObjectNode();
        view.put("user", user);
        view.put("contrib", Units.formatFen(engine.balance(AccountType.USER_CONTRIB, user)));
        view.put("cash", Units.formatFen(engine.balance(AccountType.USER_CASH, user)));
        rate(view, "transferFee", party.model().rules().contribTransferFeePpm());
        return view;
    }

    /**
     * The seed-000 ladder for a promoter: rank, credit score against the minimum, this month's promoted
     * sales, the team (every promoter whose coach chain reaches this one) and its sales against the next rank's
     * thresholds. Months are the board's, which closes in UTC months.
     */
    static ObjectNode promoter(Engine engine, String user) {
        PartyCommands party = engine.party();
        if (party == null) {
            return null;
        }
        PromoterBoard board = party.closes().board();
        int handle = engine.models().network().participants().find(user);
        int rankIndex = handle < 0 ? -1 : board.rankIndexOf(handle);
        ObjectNode view = JSON.createObjectNode();
        view.put("user", user);
        view.put("promoter", rankIndex >= 0);
        RankLadder ladder = board.ladder();
        ArrayNode ranks = view.putArray("ladder");
        for (int i = 0; i < ladder.size(); i++) {
            ObjectNode row = ranks.addObject();
            row.put("rank", ladder.rank(i).name());
            row.put("teamSize", ladder.rank(i).teamSizeAtLeast());
            row.put("teamSales", Units.formatFen(ladder.rank(i).teamSalesAtLeastFen()));
        }
        int minimum = party.model().rules().creditScoreMin();
        view.put("creditScoreMin", minimum);
        if (rankIndex < 0) {
            return view;
        }
        int score = party.model().creditScoreOf(handle);
        view.put("creditScore", score);
        view.put("earning", score >= minimum);
        view.put("rank", ladder.rank(rankIndex).name());
        view.put("rankIndex", rankIndex);
        Optional<YearMonth> month = board.nextMonthToClose();
        view.put("month", month.map(YearMonth::toString).orElse(null));
        view.put("sales", Units.formatFen(month.map(m -> board.metricOf(handle, m)).orElse(0L)));
        long[] team = team(board, handle, month.orElse(null));
        view.put("teamSize", team[0]);
        view.put("teamSales", Units.formatFen(team[1]));
        if (rankIndex + 1 < ladder.size()) {
            Rank next = ladder.rank(rankIndex + 1);
            ObjectNode promotion = view.putObject("next");
            promotion.put("rank", next.name());
            promotion.put("teamSize", next.teamSizeAtLeast());
            promotion.put("teamSales", Units.formatFen(next.teamSalesAtLeastFen()));
        }
        return view;
    }

    /** Team size and the team's sales in the month: promoters whose coach chain reaches {@code handle}. */
    private static long[] team(PromoterBoard board, int handle, YearMonth month) {
        long size = 0;
        long sales = 0;
        for (int slot = 0; slot < board.promoters(); slot++) {
            int other = board.promoterAt(slot);
            if (other != handle && coachedBy(board, other, handle)) {
                size++;
                sales = Math.addExact(sales, month == null ? 0 : board.metricOf(other, month));
            }
        }
        return new long[] {size, sales};
    }

    private static boolean coachedBy(PromoterBoard board, int user, int coach) {
        int current = board.coachOf(user);
        for (int step = 0; step < PromoterBoard.COACH_CHAIN_MAX && current != PromoterBoard.NO_COACH; step++) {
            if (current == coach) {
                return true;
            }
            current = board.coachOf(current);
        }
        return false;
    }

    static void rate(ObjectNode view, String name, long ppm) {
        view.put(name + "Ppm", ppm);
        view.put(name, percent(ppm));
    }

    /** A ppm figure as a percentage, exact to 0.0001%, trailing zeros dropped (6%, 1%, 12.5%). */
    static String percent(long ppm) {
        String text = Units.format(ppm, 4);
        if (text.contains(".")) {
            text = text.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return text + "%";
    }

    static String fen(Object value) {
        return value == null ? null : Units.formatFen(((Number) value).longValue());
    }

    static List<String> kinds(String... kinds) {
        return List.of(kinds);
    }

}

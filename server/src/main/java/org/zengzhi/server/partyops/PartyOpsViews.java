package org.zengzhi.server.partyops;

import java.util.List;

import org.zengzhi.engine.Engine;
import org.zengzhi.engine.Units;
import org.zengzhi.engine.party.PartyCommands;
import org.zengzhi.engine.party.PartyModel;
import org.zengzhi.engine.partyrules.PartyRules;
import org.zengzhi.engine.rank.PromoterBoard;
import org.zengzhi.engine.rank.Rank;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The four-party model's state as the operator reads it (issue 20 item 6, issue 18 rules 3, 5, 6), computed
 * on the gateway's read replica: escrow, the contribution-value reserve against what is outstanding, tokens
 * outstanding, held rewards, promoters with their credit scores and suppliers with deposit, tokens and
 * ratings. Amounts are exact decimals of fen. Null when the plan has no four-party model.
 */
final class PartyOpsViews {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PartyOpsViews() {
    }

    static ObjectNode operator(Engine engine) {
        PartyCommands party = engine.party();
        if (party == null) {
            return null;
        }
        PartyModel model = party.model();
        PartyRules rules = model.rules();
        ObjectNode view = JSON.createObjectNode();
        ObjectNode money = view.putObject("money");
        money.put("escrow", Units.formatFen(model.escrowFen()));
        money.put("contribReserve", Units.formatFen(model.contribReserveFen()));
        money.put("contribOutstanding", Units.formatFen(model.contribOutstandingFen()));
        money.put("reserveCovers", model.contribReserveFen() == model.contribOutstandingFen());
        money.put("stokenOutstanding", Units.formatFen(model.stokenOutstandingFen()));
        money.put("heldOrders", model.heldOrders());
        money.put("held", Units.formatFen(model.heldFen()));
        money.put("openOrders", model.openOrders());
        view.put("burnMode", rules.burnMode().name());
        view.put("creditScoreMin", rules.creditScoreMin());
        view.set("promoters", promoters(engine, party));
        view.set("suppliers", suppliers(party));
        return view;
    }

    private static ArrayNode promoters(Engine engine, PartyCommands party) {
        ArrayNode rows = JSON.createArrayNode();
        PromoterBoard board = party.closes().board();
        int minimum = party.model().rules().creditScoreMin();
        for (int slot = 0; slot < board.promoters(); slot++) {
            int handle = board.promoterAt(slot);
            ObjectNode row = rows.addObject();
            row.put("user", engine.models().network().externalId(handle));
            row.put("rank", board.rankOf(handle).map(Rank::name).orElse(null));
            int score = party.model().creditScoreOf(handle);
            row.put("creditScore", score);
            row.put("belowMinimum", score < minimum);
        }
        return rows;
    }

    private static ArrayNode suppliers(PartyCommands party) {
        ArrayNode rows = JSON.createArrayNode();
        PartyModel model = party.model();
        List<String> ids = party.ids().supplierIds();
        for (int handle = 0; handle < ids.size(); handle++) {
            ObjectNode row = rows.addObject();
            row.put("supplier", ids.get(handle));
            row.put("products", model.productsOf(handle));
            row.put("deposit", Units.formatFen(model.depositOf(handle)));
            row.put("tokens", Units.formatFen(model.stokenOf(handle)));
            row.put("owes", Units.formatFen(model.owedBy(handle)));
            row.put("baseline", Units.formatFen(model.baselineOf(handle)));
            row.put("monthSales", Units.formatFen(model.monthSalesOf(handle)));
            long[] ratings = model.ratingsOf(handle);
            row.put("ratings", ratings[1]);
            // Stars to two decimals, ⌊sum/count⌋ hundredths of a star; absent without ratings this month.
            row.put("rating", ratings[1] == 0 ? null : Units.format(ratings[0] / ratings[1], 2));
        }
        return rows;
    }
}

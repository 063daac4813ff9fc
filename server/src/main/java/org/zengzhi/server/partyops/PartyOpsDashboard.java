package org.zengzhi.server.partyops;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.zengzhi.engine.Units;
import org.zengzhi.server.console.ConsoleCalls;
import org.zengzhi.server.gateway.EngineGateway;
import org.zengzhi.server.localize.PlanTime;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operator's four-party dashboard and monthly P&L as JSON, for the API and the console alike (so every
 * number on the page is the API's): the engine's state from the replica joined with the read models' history.
 */
@Component
class PartyOpsDashboard {
    /** The waterfall's parts in the order seed 000 lists them; they add up to the month's GMV. */
    private static final List<String> WATERFALL = List.of("fee", "rebate", "commission", "teamAllowance",
            "inviteReward", "supplierShare", "margin", "rounding");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EngineGateway gateway;
    private final PartyOpsQueries queries;

    PartyOpsDashboard(EngineGateway gateway, PartyOpsQueries queries) {
        this.gateway = gateway;
        this.queries = queries;
    }

    /** The dashboard, or null when the plan has no four-party model. */
    String overview() {
        ObjectNode view = ConsoleCalls.await(gateway.query(PartyOpsViews::operator));
        if (view == null) {
            return null;
        }
        view.put("timeZone", PlanTime.zone().getId());
        Map<String, Long> withheld = queries.withheldByPromoter();
        for (JsonNode promoter : view.get("promoters")) {
            ((ObjectNode) promoter).put("withheld", Units.formatFen(withheld.getOrDefault(promoter.get("user").asString(), 0L)));
        }
        Map<String, Long> sales = queries.salesBySupplier();
        for (JsonNode supplier : view.get("suppliers")) {
            ((ObjectNode) supplier).put("sales", Units.formatFen(sales.getOrDefault(supplier.get("supplier").asString(), 0L)));
        }
        ArrayNode queue = queries.riskQueue();
        long waiting = 0;
        for (JsonNode row : queue) {
            waiting += "FLAGGED".equals(row.get("status").asString()) ? 1 : 0;
        }
        view.put("waiting", waiting);
        view.set("riskQueue", queue);
        view.set("statements", queries.statements());
        ArrayNode burns = view.putArray("burns");
        ArrayNode months = view.putArray("months");
        for (PartyOpsQueries.MonthRow month : queries.months()) {
            months.add(month.month());
            burns.add(burn(month));
        }
        return JSON.writeValueAsString(view);
    }

    /**
     * A closed month's P&L (月度损益) as the engine computed it, the waterfall of its GMV and its burn; the latest
     * closed month when {@code month} is null; null when that month is not closed.
     */
    String pnl(String month) {
        for (PartyOpsQueries.MonthRow row : queries.months()) {
            if (month == null || month.equals(row.month())) {
                ObjectNode view = JSON.createObjectNode();
                view.put("month", row.month());
                view.put("closedAt", row.closedAt());
                ObjectNode pnl = amounts(row.close().get("pnl"));
                pnl.put("platformResult", Units.formatFen(row.close().get("platformResultFen").asLong()));
                view.set("pnl", pnl);
                ArrayNode waterfall = view.putArray("waterfall");
                for (String part : WATERFALL) {
                    ObjectNode line = waterfall.addObject();
                    line.put("part", part);
                    line.put("amount", pnl.get(part).asString());
                }
                view.set("burn", burn(row));
                return JSON.writeValueAsString(view);
            }
        }
        return null;
    }

    /** A month's burn (销毁): a pro-rata burn pays nobody and is shown as the haircut (折损) it is. */
    private static ObjectNode burn(PartyOpsQueries.MonthRow month) {
        JsonNode burn = month.close().get("burn");
        ObjectNode row = amounts(burn);
        row.put("month", month.month());
        row.put("mode", burn.get("mode").asString());
        row.put("haircut", burn.get("haircut").asBoolean());
        row.put("haircutAmount", Units.formatFen(month.close().get("pnl").get("haircutFen").asLong()));
        return row;
    }

    /** Every {@code xxxFen} field as {@code xxx}, an exact decimal of yuan. */
    private static ObjectNode amounts(JsonNode fen) {
        ObjectNode out = JSON.createObjectNode();
        for (Map.Entry<String, JsonNode> field : fen.properties()) {
            if (field.getKey().endsWith("Fen")) {
                out.put(field.getKey().substring(0, field.getKey().length() - 3), Units.formatFen(field.getValue().asLong()));
            }
        }
        return out;
    }
}

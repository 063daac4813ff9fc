package org.zengzhi.log;

import java.util.List;

import org.zengzhi.engine.Event;
import org.zengzhi.engine.Units;
import org.zengzhi.engine.party.BurnReport;
import org.zengzhi.engine.party.MonthClose;
import org.zengzhi.engine.party.PartyPnl;

import tools.jackson.core.JsonGenerator;

/**
 * The JSON lines of the four-party model's events (seed 000, issue 18; docs/replay.md). Field order is fixed;
 * absent values are JSON null; CNY, contribution value and tokens have 2 decimals.
 */
final class PartyEventWriter {
    private final JsonGenerator json;

    PartyEventWriter(JsonGenerator json) {
        this.json = json;
    }

    void write(Event event) {
        if (event instanceof Event.SupplierRegistered e) {
            start("supplier", e.command());
            json.writeStringProperty("supplier", e.supplier());
            fen("baseline", e.baselineFen());
            fen("deposit", e.depositFen());
            if (e.owner() != null) {
                json.writeStringProperty("owner", e.owner());
            }
        } else if (event instanceof Event.ProductListed e) {
            start("product", e.command());
            json.writeStringProperty("product", e.product());
            json.writeStringProperty("supplier", e.supplier());
            fen("price", e.priceFen());
            fen("cost", e.costFen());
        } else if (event instanceof Event.PartyOrderPaid e) {
            paid(e);
        } else if (event instanceof Event.PartyOrderSettled e) {
            settled(e);
        } else if (event instanceof Event.PartyOrderRefunded e) {
            start("partyRefunded", e.command());
            json.writeStringProperty("order", e.order());
            fen("amount", e.amountFen());
            fen("clawedBack", e.clawedBackFen());
            fen("advanced", e.advancedFen());
            fen("cash", e.cashRefundedFen());
            fen("contrib", e.contribRefundedFen());
        } else if (event instanceof Event.ProductRated e) {
            start("rated", e.command());
            json.writeStringProperty("product", e.product());
            json.writeStringProperty("user", e.user());
            json.writeStringProperty("rating", Units.format(e.ratingCenti(), 2));
        } else {
            holders(event);
        }
    }

    private void holders(Event event) {
        if (event instanceof Event.ContribTransferred e) {
            start("contribTransferred", e.command());
            json.writeStringProperty("user", e.user());
            json.writeStringProperty("to", e.to());
            fen("amount", e.amountFen());
            fen("fee", e.feeFen());
            fen("received", e.receivedFen());
        } else if (event instanceof Event.ContribRedeemed e) {
            start("contribRedeemed", e.command());
            json.writeStringProperty("user", e.user());
            fen("amount", e.amountFen());
        } else if (event instanceof Event.TokensRedeemed e) {
            start("tokensRedeemed", e.command());
            json.writeStringProperty("supplier", e.supplier());
            json.writeStringProperty("item", e.item());
            fen("tokens", e.stokenFen());
        } else if (event instanceof Event.OrderVerified e) {
            start("verified", e.command());
            json.writeStringProperty("order", e.order());
            json.writeBooleanProperty("approved", e.approved());
            json.writeBooleanProperty("settled", e.settled());
            fen("released", e.releasedFen());
            fen("cancelled", e.cancelledFen());
        } else if (event instanceof Event.CreditScoreSet e) {
            start("creditScore", e.command());
            json.writeStringProperty("user", e.user());
            json.writeNumberProperty("score", e.score());
        } else {
            operator(event);
        }
    }

    private void operator(Event event) {
        if (event instanceof Event.EscrowReconciled e) {
            start("escrowReconciled", e.command());
            json.writeStringProperty("at", e.at().toString());
            fen("statement", e.statementFen());
            fen("ledger", e.ledgerFen());
            fen("difference", e.differenceFen());
            json.writeBooleanProperty("finding", e.differenceFen() != 0);
        } else if (event instanceof Event.DataServiceCharged e) {
            start("dataService", e.command());
            json.writeStringProperty("supplier", e.supplier());
            fen("amount", e.amountFen());
        } else if (event instanceof Event.OperatingCostRecorded e) {
            start("operatingCost", e.command());
            fen("amount", e.amountFen());
            json.writeStringProperty("reason", e.reason());
        } else if (event instanceof Event.PartyMonthClosed e) {
            monthClosed(e);
        } else if (event instanceof Event.PromoterRanksClosed e) {
            start("ranksClosed", e.command());
            json.writeStringProperty("month", e.month());
            json.writeArrayPropertyStart("promoters");
            for (int i = 0; i < e.promoters().size(); i++) {
                json.writeStartObject();
                json.writeStringProperty("user", e.promoters().get(i));
                json.writeStringProperty("rank", e.ranks().get(i));
                json.writeEndObject();
            }
            json.writeEndArray();
        } else if (event instanceof Event.EquityPoolPaid e) {
            start("equityPool", e.command());
            json.writeStringProperty("year", e.year());
            fen("pool", e.poolFen());
            json.writeArrayPropertyStart("shares");
            for (int i = 0; i < e.promoters().size(); i++) {
                json.writeStartObject();
                json.writeStringProperty("user", e.promoters().get(i));
                fen("share", e.sharesFen().get(i));
                json.writeEndObject();
            }
            json.writeEndArray();
        } else {
            throw new IllegalArgumentException("not a four-party event: " + event.type());
        }
    }

    private void paid(Event.PartyOrderPaid e) {
        start("partyPaid", e.command());
        json.writeStringProperty("order", e.order());
        json.writeStringProperty("user", e.user());
        json.writeStringProperty("product", e.product());
        json.writeStringProperty("supplier", e.supplier());
        fen("amount", e.amountFen());
        fen("contrib", e.contribFen());
        fen("prepaid", e.prepaidFen());
        json.writeStringProperty("promoter", e.promoter());
        json.writeStringProperty("risk", e.risk());
    }

    private void settled(Event.PartyOrderSettled e) {
        start("partySettled", e.command());
        json.writeStringProperty("order", e.order());
        json.writeStringProperty("supplier", e.supplier());
        json.writeStringProperty("user", e.user());
        json.writeStringProperty("promoter", e.promoter());
        fen("amount", e.amountFen());
        fen("fee", e.feeFen());
        fen("rebate", e.rebateFen());
        fen("commission", e.commissionFen());
        fen("teamAllowance", e.teamAllowanceFen());
        fen("inviteReward", e.inviteRewardFen());
        fen("supplierShare", e.supplierShareFen());
        fen("margin", e.marginFen());
        fen("rounding", e.roundingFen());
        fen("supplierSettled", e.supplierSettledFen());
        fen("withheld", e.withheldFen());
        fen("held", e.heldFen());
        fen("tokens", e.stokenFen());
    }

    private void monthClosed(Event.PartyMonthClosed e) {
        MonthClose close = e.close();
        start("monthClosed", e.command());
        json.writeStringProperty("month", e.month());
        pnl(close.pnl());
        burn(close.burn());
        json.writeArrayPropertyStart("bonuses");
        for (MonthClose.BaselineBonus bonus : close.bonuses()) {
            json.writeStartObject();
            json.writeStringProperty("supplier", e.supplierIds().get(bonus.supplier()));
            fen("sales", bonus.salesFen());
            fen("baseline", bonus.baselineFen());
            fen("bonus", bonus.bonusFen());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayPropertyStart("penalties");
        for (MonthClose.RatingPenalty penalty : close.penalties()) {
            json.writeStartObject();
            json.writeStringProperty("product", e.productIds().get(penalty.product()));
            json.writeStringProperty("supplier", e.supplierIds().get(penalty.supplier()));
            json.writeNumberProperty("ratings", penalty.ratings());
            fen("penalty", penalty.penaltyFen());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** The month's P&L, the seed's lines first, then what the seed leaves out. */
    private void pnl(PartyPnl p) {
        json.writeObjectPropertyStart("pnl");
        List<Object[]> lines = List.of(new Object[] {"gmv", p.gmvFen()}, new Object[] {"fee", p.feeFen()},
                new Object[] {"dataService", p.dataServiceFen()}, new Object[] {"platformIncome", p.platformIncomeFen()},
                new Object[] {"rebate", p.rebateFen()}, new Object[] {"commission", p.commissionFen()},
                new Object[] {"supplierProfit", p.supplierProfitFen()}, new Object[] {"operatingCost", p.operatingCostFen()},
                new Object[] {"net", p.netFen()}, new Object[] {"teamAllowance", p.teamAllowanceFen()},
                new Object[] {"inviteReward", p.inviteRewardFen()}, new Object[] {"supplierShare", p.supplierShareFen()},
                new Object[] {"supplierCost", p.supplierCostFen()}, new Object[] {"margin", p.marginFen()},
                new Object[] {"rounding", p.roundingFen()}, new Object[] {"withheld", p.withheldFen()},
                new Object[] {"cancelled", p.cancelledFen()}, new Object[] {"transferFees", p.transferFeeFen()},
                new Object[] {"depositPenalties", p.depositPenaltyFen()}, new Object[] {"baselineBonuses", p.baselineBonusFen()},
                new Object[] {"tokenBuyback", p.tokenBuybackFen()}, new Object[] {"haircut", p.haircutFen()},
                new Object[] {"platformResult", p.platformResultFen()});
        for (Object[] line : lines) {
            fen((String) line[0], (Long) line[1]);
        }
        json.writeEndObject();
    }

    private void burn(BurnReport b) {
        json.writeObjectPropertyStart("burn");
        json.writeStringProperty("mode", b.mode() == org.zengzhi.engine.partyrules.PartyRules.BurnMode.PRO_RATA ? "proRata"
                : "buyback");
        fen("contribCirculating", b.contribCirculatingFen());
        fen("contribBurned", b.contribBurnedFen());
        fen("tokensCirculating", b.stokenCirculatingFen());
        fen("tokensBurned", b.stokenBurnedFen());
        fen("paid", b.paidFen());
        fen("short", b.shortFen());
        json.writeBooleanProperty("haircut", b.haircut());
        json.writeEndObject();
    }

    private void start(String event, String command) {
        json.writeStartObject();
        json.writeStringProperty("event", event);
        json.writeStringProperty("command", command);
    }

    private void fen(String name, long amount) {
        json.writeStringProperty(name, Units.formatFen(amount));
    }
}

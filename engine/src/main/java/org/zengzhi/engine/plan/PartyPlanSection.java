package org.zengzhi.engine.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.zengzhi.engine.partyrules.PartyRuleError;
import org.zengzhi.engine.partyrules.PartyRules;

/**
 * Reads a plan's {@code fourParty} section (seed 000, issue 18) into {@link PartyRules}. A plan without the
 * section has no four-party model. Fields left out take seed 000's values ({@link PartyRules#seed000()});
 * every error names its field under {@code fourParty.}.
 */
final class PartyPlanSection {
    static final String KEY = "fourParty";
    private static final int DAYS_MAX = 366;
    private static final int HOURS_MAX = 366 * 24;

    private PartyPlanSection() {
    }

    /** The rules, or null when the plan has no section (errors are added to the fields' list). */
    static PartyRules read(PlanFields root) {
        if (!root.has(KEY)) {
            return null;
        }
        PlanFields fields = root.section(KEY);
        PartyRules seed = PartyRules.seed000();
        PartyRules rules = new PartyRules(fields.rate("fee", seed.feePpm()), rebates(fields, seed),
                fields.rate("commission", seed.commissionPpm()), fields.rate("teamAllowance", seed.teamAllowancePpm()),
                fields.flag("riskAcknowledged", seed.riskAcknowledged()),
                fields.rate("inviteReward", seed.inviteRewardPpm()),
                fields.rate("supplierShare", seed.supplierSharePpm()), fields.rate("prepay", seed.prepayPpm()),
                Duration.ofDays(fields.whole("confirmDays", 30, DAYS_MAX)),
                Duration.ofDays(fields.whole("noReturnDays", 7, DAYS_MAX)),
                fields.rate("contribTransferFee", seed.contribTransferFeePpm()),
                fields.rate("stokenRate", seed.stokenPpm()), fields.rate("baselineBonus", seed.baselineBonusPpm()),
                ratingCenti(fields, seed), fields.rate("depositPenalty", seed.depositPenaltyPpm()),
                fields.rate("burn", seed.burnPpm()), fields.parse("burnMode", seed.burnMode(), PartyPlanSection::burnMode),
                fields.fen("buybackBudget", seed.buybackBudgetFen()),
                Duration.ofHours(fields.whole("riskWindowHours", 24, HOURS_MAX)),
                fields.whole("riskOrders", seed.riskOrderThreshold(), PartyRules.RISK_ORDERS_MAX),
                fields.whole("creditScoreMin", seed.creditScoreMin(), PartyRules.CREDIT_SCORE_MAX),
                fields.rate("feeDiscount", seed.feeDiscountPpm()), fields.fen("feeDiscountPrice", seed.feeDiscountPriceStoken()),
                packages(fields, seed), fields.rate("equityPool", seed.equityPoolPpm()),
                fields.parse("timeZone", PartyRules.DEFAULT_TIME_ZONE, PartyPlanSection::zone));
        fields.rejectUnknownKeys();
        // A field that failed to read took the seed's value, so the checks across fields still say what they can.
        for (PartyRuleError error : rules.check()) {
            fields.error(fields.field(error.field()), error.message());
        }
        return fields.anyFailed(fields.path()) ? null : rules;
    }

    /** The zone whose calendar months are closed, as the green-points section reads its own. */
    private static java.time.ZoneId zone(String text) {
        try {
            return java.time.ZoneId.of(text);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("is not a time zone such as Asia/Shanghai: " + text);
        }
    }

    /** The rebate of each member tier, lowest first: a list of {name, rate}; the last is the gold tier. */
    private static List<Long> rebates(PlanFields fields, PartyRules seed) {
        List<PlanFields> items = fields.list("rebates");
        if (items == null) {
            return seed.rebateTiersPpm();
        }
        List<Long> rates = new ArrayList<>();
        for (PlanFields item : items) {
            item.text("tier", "");
            rates.add(item.rate("rate", 0));
            item.rejectUnknownKeys();
        }
        return rates;
    }

    private static List<PartyRules.TrafficPackage> packages(PlanFields fields, PartyRules seed) {
        List<PlanFields> items = fields.list("trafficPackages");
        if (items == null) {
            return seed.trafficPackages();
        }
        List<PartyRules.TrafficPackage> packages = new ArrayList<>();
        for (PlanFields item : items) {
            packages.add(new PartyRules.TrafficPackage(item.text("name", ""), item.fen("price", 0)));
            item.rejectUnknownKeys();
        }
        return packages;
    }

    /** The minimum average rating in stars with at most two decimals (4.5), kept in hundredths. */
    private static int ratingCenti(PlanFields fields, PartyRules seed) {
        return (int) Math.min(Integer.MAX_VALUE, fields.fen("ratingMin", seed.ratingMinCenti()));
    }

    private static PartyRules.BurnMode burnMode(String text) {
        switch (text) {
            case "buyback":
                return PartyRules.BurnMode.BUYBACK;
            case "proRata":
                return PartyRules.BurnMode.PRO_RATA;
            default:
                throw new IllegalArgumentException("must be buyback or proRata, not \"" + text + "\"");
        }
    }
}

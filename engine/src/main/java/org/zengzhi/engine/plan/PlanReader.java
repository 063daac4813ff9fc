package org.zengzhi.engine.plan;

import org.zengzhi.engine.PlanError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.zengzhi.engine.Limits;
import org.zengzhi.engine.PoolRules;
import org.zengzhi.engine.green.GreenRules;
import org.zengzhi.engine.rank.RankLadder;
import org.zengzhi.engine.Units;
import org.zengzhi.engine.Price;

/**
 * Reads a plan file (SPEC; documented field by field in {@code docs/plans.md}) into a validated
 * {@link Plan}. It takes the tree any YAML or JSON parser produces — mappings, lists and scalars — so the
 * engine stays free of parsers; scalars should arrive as text so that no number passes through a double.
 * Every section and field is optional and defaults to SPEC's bold default. All errors are reported at once,
 * each naming its field.
 */
public final class PlanReader {
    static final int DAYS_MAX = 3650;
    static final int INVITEES_MAX = 1_000_000_000;
    static final int EXTRA_REFERRAL_LEVELS_MAX = 100;
    static final int NAME_LENGTH_MAX = 200;
    /** The largest double-points multiple a store order may grant (100×). */
    static final long STORE_MULTIPLE_PPM_MAX = 100 * Limits.PPM;

    static final Plan.Tier DEFAULT_TIER = new Plan.Tier("member", 0, 0, 0, -1, -1);

    private PlanReader() {
    }

    /** Reads and validates a plan; never throws for bad input. */
    public static PlanCheck read(Map<String, ?> tree) {
        List<PlanError> errors = new ArrayList<>();
        PlanFields root = PlanFields.root(tree, errors);
        String name = root.parse("name", "unnamed", PlanReader::name);
        PoolRules pool = readPool(root.section("pool"));
        PlanFields split = root.section("split");
        Plan.StoreSplit store = readStore(split.section("store"));
        Plan.MallSplit mall = readMall(split.section("mall"));
        split.rejectUnknownKeys();
        Plan.Settlement settlement = readSettlement(root.section("settlement"));
        Plan.RefundPolicy refund = root.parse("refundAfterSettlement", Plan.RefundPolicy.KEEP_REWARDS,
                PlanReader::refundPolicy);
        Plan.Referral referral = readReferral(root.section("referral"));
        long recruitment = root.rate("recruitment", 5_000);
        Plan.AgentRates agents = readAgents(root.section("agents"));
        Plan.Deduct deduct = readDeduct(root.section("deduct"));
        List<Plan.Tier> tiers = PlanTiers.read(root);
        Plan.Compliance compliance = readCompliance(root.section("compliance"));
        Plan.Withdrawal withdrawal = PlanWithdrawal.read(root.section("withdrawal"));
        GreenRules greenPoints = GreenPlanSection.read(root);
        RankLadder promoters = GreenPromotersSection.read(root, root.has("greenPoints"));
        org.zengzhi.engine.partyrules.PartyRules party = PartyPlanSection.read(root);
        root.rejectUnknownKeys();

        // A draft may lack its pool rules when they failed; the checks across fields never look at them.
        Plan draft = new Plan(name, pool, store, mall, settlement, refund, referral, recruitment, agents, deduct,
                tiers, compliance, withdrawal, greenPoints, promoters, party);
        PlanBudget.check(draft, root);
        checkReferralDepth(compliance, root);
        if (!errors.isEmpty()) {
            return new PlanCheck(null, errors, List.of());
        }
        return new PlanCheck(draft, errors, PlanCheck.warningsOf(draft));
    }

    private static PoolRules readPool(PlanFields fields) {
        long mintRatio = fields.rate("mintRatio", 700_000);
        if (mintRatio == 0 && fields.has("mintRatio")) {
            fields.error(fields.field("mintRatio"), "must be more than 0%: a pool that mints no points has no price");
        }
        long payoutRatio = fields.rate("payoutRatio", 800_000);
        String exitMultiple = fields.parse("exitMultiple", "3", PlanReader::exitMultiple);
        Price initialPrice = fields.parse("initialPrice", Price.ONE_YUAN, PlanReader::price);
        fields.rejectUnknownKeys();
        if (fields.anyFailed("pool")) {
            return null;
        }
        return PoolRules.of(mintRatio, payoutRatio, exitMultiple, initialPrice);
    }

    private static Plan.StoreSplit readStore(PlanFields fields) {
        PlanFields commission = fields.section("commission");
        long defaultRate = commission.rate("default", 200_000);
        long minRate = commission.rate("min", 30_000);
        long maxRate = commission.rate("max", 200_000);
        commission.rejectUnknownKeys();
        long platform = fields.rate("platform", 100_000);
        long distribution = fields.rate("distribution", 100_000);
        long pool = fields.rate("pool", 800_000);
        fields.rejectUnknownKeys();
        if (!commission.anyFailed(commission.path())) {
            checkCommissionBounds(commission, defaultRate, minRate, maxRate);
        }
        PlanShares.mustMakeWhole(fields, "the commission", new String[] {"platform", "distribution", "pool"},
                new long[] {platform, distribution, pool});
        return new Plan.StoreSplit(defaultRate, minRate, maxRate, platform, distribution, pool);
    }

    private static void checkCommissionBounds(PlanFields commission, long defaultRate, long minRate, long maxRate) {
        if (minRate > maxRate) {
            commission.error(commission.field("min"), PlanText.percent(minRate) + " is above "
                    + commission.field("max") + " " + PlanText.percent(maxRate));
        } else if (defaultRate < minRate || defaultRate > maxRate) {
            commission.error(commission.field("default"), PlanText.percent(defaultRate) + " must lie between "
                    + commission.field("min") + " " + PlanText.percent(minRate) + " and " + commission.field("max")
                    + " " + PlanText.percent(maxRate));
        }
    }

    private static Plan.MallSplit readMall(PlanFields fields) {
        long cost = fields.rate("cost", 300_000);
        long distribution = fields.rate("distribution", 300_000);
        long platform = fields.rate("platform", 100_000);
        long pool = fields.rate("pool", 300_000);
        fields.rejectUnknownKeys();
        PlanShares.mustMakeWhole(fields, "the price", new String[] {"cost", "distribution", "platform", "pool"},
                new long[] {cost, distribution, platform, pool});
        return new Plan.MallSplit(cost, distribution, platform, pool);
    }

    private static Plan.Settlement readSettlement(PlanFields fields) {
        int storeDays = fields.whole("storeDays", 0, DAYS_MAX);
        int mallReturnDays = fields.whole("mallReturnDays", 7, DAYS_MAX);
        int mallAutoReceiveDays = fields.whole("mallAutoReceiveDays", 15, DAYS_MAX);
        fields.rejectUnknownKeys();
        return new Plan.Settlement(storeDays, mallReturnDays, mallAutoReceiveDays);
    }

    private static Plan.Referral readReferral(PlanFields fields) {
        long direct = fields.rate("direct", 3_000);
        long indirect = fields.rate("indirect", 2_000);
        long firstOrder = fields.rate("firstOrder", 0);
        boolean bindAtFirstPayment = fields.flag("bindAtFirstPayment", true);
        fields.rejectUnknownKeys();
        return new Plan.Referral(direct, indirect, firstOrder, bindAtFirstPayment);
    }

    private static Plan.AgentRates readAgents(PlanFields fields) {
        long district = fields.rate("district", 1_000);
        long city = fields.rate("city", 2_000);
        long province = fields.rate("province", 3_000);
        fields.rejectUnknownKeys();
        // Rates are cumulative: each level's agent earns its rate minus what was paid below it.
        if (!fields.anyFailed(fields.field("district"), fields.field("city")) && city < district) {
            fields.error(fields.field("city"), PlanText.percent(city) + " is below " + fields.field("district") + " "
                    + PlanText.percent(district) + "; agent rates are cumulative (district ≤ city ≤ province, R-4.5)");
        }
        if (!fields.anyFailed(fields.field("city"), fields.field("province")) && province < city) {
            fields.error(fields.field("province"), PlanText.percent(province) + " is below " + fields.field("city")
                    + " " + PlanText.percent(city) + "; agent rates are cumulative (district ≤ city ≤ province, R-4.5)");
        }
        return new Plan.AgentRates(district, city, province);
    }

    private static Plan.Deduct readDeduct(PlanFields fields) {
        long storeMultiple = fields.parse("storeMultiple", 0L, PlanReader::storeMultiplePpm);
        long mallMax = fields.rate("mallMax", 0);
        long merchantRebate = fields.rate("merchantRebate", 0);
        fields.rejectUnknownKeys();
        return new Plan.Deduct(storeMultiple, mallMax, merchantRebate);
    }

    private static Plan.Compliance readCompliance(PlanFields fields) {
        boolean riskAcknowledged = fields.flag("riskAcknowledged", false);
        long teamAllowance = fields.rate("teamAllowance", 0);
        long agentFee = fields.fen("agentFee", 0);
        boolean fundsInEscrow = fields.flag("fundsInEscrow", true);
        int extraReferralLevels = fields.whole("extraReferralLevels", 0, EXTRA_REFERRAL_LEVELS_MAX);
        fields.rejectUnknownKeys();
        return new Plan.Compliance(riskAcknowledged, teamAllowance, agentFee, fundsInEscrow, extraReferralLevels);
    }

    /** more than two paid referral levels only with the operator's explicit acknowledgement of the risk. */
    private static void checkReferralDepth(Plan.Compliance compliance, PlanFields root) {
        if (compliance.extraReferralLevels() > 0 && !compliance.riskAcknowledged()
                && !root.anyFailed("compliance.riskAcknowledged")) {
            int levels = 2 + compliance.extraReferralLevels();
            root.error("compliance.extraReferralLevels", levels + " paid referral levels (more than 2) are refused "
                    + "unless compliance.riskAcknowledged is true (R-4.6); read the compliance report first");
        }
    }

    private static String name(String text) {
        String name = text.strip();
        if (name.isEmpty() || name.length() > NAME_LENGTH_MAX) {
            throw new IllegalArgumentException("must be 1 to " + NAME_LENGTH_MAX + " characters");
        }
        return name;
    }

    private static Plan.RefundPolicy refundPolicy(String text) {
        switch (text.strip()) {
            case "keep-rewards":
                return Plan.RefundPolicy.KEEP_REWARDS;
            case "claw-back-rewards":
                return Plan.RefundPolicy.CLAW_BACK_REWARDS;
            default:
                throw new IllegalArgumentException("must be keep-rewards or claw-back-rewards: \"" + text + "\"");
        }
    }

    /** k as written ("3", "1.2"), checked to be positive and to reduce to a fraction {@link PoolRules} holds. */
    private static String exitMultiple(String text) {
        BigDecimal multiple = PlanText.decimal(text);
        if (multiple.signum() <= 0) {
            throw new IllegalArgumentException("must be more than 0: \"" + text + "\"");
        }
        try {
            PoolRules.of(Limits.PPM, 0, multiple.toPlainString(), Price.ONE_YUAN);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException("must reduce to a fraction whose numerator and denominator are at "
                    + "most 1000000 (e.g. 1.2 = 6/5): \"" + text + "\"");
        }
        return multiple.toPlainString();
    }

    /** CNY per point; with at most 2 decimals kept as fen per whole point, as {@link Price#ONE_YUAN} is. */
    private static Price price(String text) {
        BigDecimal yuan = PlanText.decimal(text);
        if (yuan.signum() <= 0) {
            throw new IllegalArgumentException("must be more than 0: \"" + text + "\"");
        }
        if (yuan.stripTrailingZeros().scale() <= Units.CNY_DECIMALS) {
            return new Price(yuan.movePointRight(Units.CNY_DECIMALS).longValueExact(), Limits.PPM);
        }
        return Price.ofYuan(yuan.toPlainString());
    }

    /** A decimal multiple ("2" = 2×) as ppm of the amount, from 0 to 100×. */
    private static long storeMultiplePpm(String text) {
        BigDecimal ppm = PlanText.decimal(text).movePointRight(Units.RATE_DECIMALS);
        if (ppm.signum() < 0 || ppm.compareTo(BigDecimal.valueOf(STORE_MULTIPLE_PPM_MAX)) > 0) {
            throw new IllegalArgumentException("must be a multiple from 0 to 100: \"" + text + "\"");
        }
        if (ppm.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("has more than 6 decimals: \"" + text + "\"");
        }
        return ppm.longValueExact();
    }
}

package org.zengzhi.engine.plan;

import java.util.List;

import org.zengzhi.engine.Exact;
import org.zengzhi.engine.Limits;
import org.zengzhi.engine.PoolRules;
import org.zengzhi.engine.RegionLevel;
import org.zengzhi.engine.green.GreenRules;
import org.zengzhi.engine.rank.RankLadder;
import org.zengzhi.engine.partyrules.PartyRules;

/**
 * An operator's configuration of the whole economy (SPEC ), as exact integers: rates in ppm of
 * the amount they apply to, windows in days, money in fen. Built and validated by {@link PlanReader}; the
 * engine trusts a Plan it is given.
 *
 * @param name                  a label for reports
 * @param pool                  α, β, k and the initial price
 * @param store                 the merchant-commission split of in-store orders
 * @param mall                  the default product-margin split of mall orders
 * @param settlement            return windows
 * @param refundAfterSettlement what a refund after settlement does to effective rewards
 * @param referral              direct, indirect and first-order rewards
 * @param recruitmentPpm        reward to whoever recruited the merchant, of the order amount
 * @param agents                regional agent rates by level, cumulative, paid by differential
 * @param deduct                double points and mall deduction
 * @param tiers                 member tiers, lowest first
 * @param compliance            facts the compliance report needs
 * @param withdrawal            minimum, fee, daily limit and review threshold of cash withdrawals
 * @param greenPoints           the green-points model (绿色积分, seed 003, issue 17), or null when the plan has
 *                              no {@code greenPoints} section and the model is off
 * @param promoters             the promoter ladder of the green-points model, null without it
 * @param party                 the four-party model's rules (seed 000, issue 18), or null when the plan has no
 *                              {@code fourParty} section and the model is off
 */
public record Plan(String name, PoolRules pool, StoreSplit store, MallSplit mall, Settlement settlement,
        RefundPolicy refundAfterSettlement, Referral referral, long recruitmentPpm, AgentRates agents,
        Deduct deduct, List<Tier> tiers, Compliance compliance, Withdrawal withdrawal, GreenRules greenPoints,
        RankLadder promoters, PartyRules party) {

    public Plan {
        tiers = List.copyOf(tiers);
    }

    /** A plan without the green-points and four-party models. */
    public Plan(String name, PoolRules pool, StoreSplit store, MallSplit mall, Settlement settlement,
            RefundPolicy refundAfterSettlement, Referral referral, long recruitmentPpm, AgentRates agents,
            Deduct deduct, List<Tier> tiers, Compliance compliance, Withdrawal withdrawal) {
        this(name, pool, store, mall, settlement, refundAfterSettlement, referral, recruitmentPpm, agents, deduct,
                tiers, compliance, withdrawal, null, null, null);
    }

    /** This plan with the green-points model under {@code rules} and its promoter ladder (nulls turn it off). */
    public Plan withGreenPoints(GreenRules rules, RankLadder ladder) {
        return new Plan(name, pool, store, mall, settlement, refundAfterSettlement, referral, recruitmentPpm, agents,
                deduct, tiers, compliance, withdrawal, rules, ladder, party);
    }

    /** This plan with the four-party model's rules, or without the model for null. */
    public Plan withParty(PartyRules rules) {
        return new Plan(name, pool, store, mall, settlement, refundAfterSettlement, referral, recruitmentPpm, agents,
                deduct, tiers, compliance, withdrawal, greenPoints, promoters, rules);
    }

    /**
     * SPEC's bold defaults around the given pool rules: commission 20% in [3%, 20%] split 10/10/80, mall
     * 30/30/10/30, windows 0/7/15 days, direct 0.3%, indirect 0.2%, recruitment 0.5%, agents
     * 0.1/0.2/0.3%, no first-order reward, no double points, no tiers; withdrawals of at least 10.00,
     * no fee, 5000.00 a day, reviewed above 1000.00.
     */
    public static Plan defaults(PoolRules pool) {
        return new Plan("default", pool, new StoreSplit(200_000, 30_000, 200_000, 100_000, 100_000, 800_000),
                new MallSplit(300_000, 300_000, 100_000, 300_000), new Settlement(0, 7, 15),
                RefundPolicy.KEEP_REWARDS, new Referral(3_000, 2_000, 0, true), 5_000,
                new AgentRates(1_000, 2_000, 3_000), new Deduct(0, 0, 0), List.of(),
                new Compliance(false, 0, 0, true, 0), Withdrawal.DEFAULTS);
    }

    /**
     * In-store orders: the commission C = ⌊A·r⌋ at the merchant's rate r (default and bounds here) is
     * divided into platform ⌊C·platform⌋, distribution budget ⌊C·distribution⌋ and pool ⌊C·pool⌋; the
     * three shares of the commission sum to 100%.
     */
    public record StoreSplit(long defaultCommissionPpm, long minCommissionPpm, long maxCommissionPpm,
            long platformPpm, long distributionPpm, long poolPpm) {
    }

    /**
     * Mall orders without a split of their own: shares of the price for cost (to the merchant or
     * supplier), distribution budget, platform profit and pool, summing to 100%.
     */
    public record MallSplit(long costPpm, long distributionPpm, long platformPpm, long poolPpm) {
    }

    /** Return windows: store orders settle after {@code storeDays}; mall orders {@code mallReturnDays} after receipt, receipt auto-confirmed after {@code mallAutoReceiveDays}. */
    public record Settlement(int storeDays, int mallReturnDays, int mallAutoReceiveDays) {
    }

    public enum RefundPolicy {
        /** The merchant funds the refund; effective rewards stay paid. */
        KEEP_REWARDS,
        /** The merchant funds the refund and the order's effective rewards are taken back. */
        CLAW_BACK_REWARDS
    }

    /** Rates of the order amount: to the consumer's referrer, the referrer's referrer, and on a first order. */
    public record Referral(long directPpm, long indirectPpm, long firstOrderPpm, boolean bindAtFirstPayment) {
    }

    /** Cumulative agent rates by region level: district ≤ city ≤ province. */
    public record AgentRates(long districtPpm, long cityPpm, long provincePpm) {
        public long rate(RegionLevel level) {
            switch (level) {
                case DISTRICT:
                    return districtPpm;
                case CITY:
                    return cityPpm;
                case PROVINCE:
                    return provincePpm;
                default:
                    throw new IllegalArgumentException(level.name());
            }
        }
    }

    /**
     * Double points: a store order grants DEDUCT points of {@code storeMultiplePpm}/10⁶ times its
     * amount; a mall order may be paid up to {@code mallMaxPpm} of its price with DEDUCT; the merchant
     * who bound the consumer earns {@code merchantRebatePpm} of the cash the consumer spends in the mall.
     */
    public record Deduct(long storeMultiplePpm, long mallMaxPpm, long merchantRebatePpm) {
    }

    /**
     * A member tier, reached by settled spend and invitees; {@code rebatePpm} of each settled order
     * is credited to the member as contribution value (贡献值, CONTRIB); a referrer at this tier earns the
     * tier's direct and indirect rates instead of the plan's when they are not negative.
     */
    public record Tier(String name, long minSpendFen, int minInvitees, long rebatePpm, long directPpm,
            long indirectPpm) {
    }

    /**
     * Facts for the compliance report: the operator's explicit acknowledgement of referral depth over two
     * paid levels, team allowances on downline sales, fees charged for an agent's region, whether
     * customer funds sit with an escrow provider, and paid referral levels beyond direct and indirect.
     */
    public record Compliance(boolean riskAcknowledged, long teamAllowancePpm, long agentFeeFen,
            boolean fundsInEscrow, int extraReferralLevels) {
    }

    /**
     * Withdrawals from the CNY wallet. A request of A (the amount that leaves the wallet) pays a fee
     * of max(⌊A·feePpm⌋, feeMinimumFen) and pays out the rest; A must be at least {@code minimumFen}; a
     * user's requests of one UTC day, rejected and failed ones not counted, may total {@code dailyLimitFen};
     * a request above {@code reviewAboveFen} waits for an operator, others are approved at once.
     */
    public record Withdrawal(long minimumFen, long feePpm, long feeMinimumFen, long dailyLimitFen,
            long reviewAboveFen) {
        /** SPEC's defaults: minimum 10.00, no fee, 5000.00 a day, review above 1000.00. */
        public static final Withdrawal DEFAULTS = new Withdrawal(1_000, 0, 0, 500_000, 100_000);

        /** The fee of a withdrawal of {@code amountFen}: the rate rounded down, but at least the minimum fee. */
        public long feeOf(long amountFen) {
            return Math.max(Exact.mulDivFloor(amountFen, feePpm, Limits.PPM), feeMinimumFen);
        }
    }
}

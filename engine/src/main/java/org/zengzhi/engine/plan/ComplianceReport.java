package org.zengzhi.engine.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.zengzhi.engine.Exact;
import org.zengzhi.engine.Limits;
import org.zengzhi.engine.PoolRules;
import org.zengzhi.engine.Units;

/**
 * The compliance and sustainability report of a valid plan (SPEC ), in English with the Chinese
 * terms alongside: who is paid from whose money, the legal marks of pyramid selling (传销) and of illegal
 * fund-raising (非法集资), and a {@link Finding} for each feature of the plan that carries one. Pure: the
 * same plan always gives the same text. It describes risks; it is not legal advice.
 *
 * @param findings the flagged features, in a fixed order
 * @param text     the whole report, for {@code zengzhi plan check} and the operator console
 */
public record ComplianceReport(List<Finding> findings, String text) {
    public static final String SECOND_PAID_LEVEL = "SECOND_PAID_LEVEL";
    public static final String REFERRAL_DEPTH = "REFERRAL_DEPTH";
    public static final String TEAM_ALLOWANCE = "TEAM_ALLOWANCE";
    public static final String REGION_FEE = "REGION_FEE";
    public static final String RETURN_ABOVE_PRINCIPAL = "RETURN_ABOVE_PRINCIPAL";
    public static final String FUNDS_NOT_IN_ESCROW = "FUNDS_NOT_IN_ESCROW";
    public static final String FIRST_ORDER_HEADCOUNT = "FIRST_ORDER_HEADCOUNT";

    public ComplianceReport {
        findings = List.copyOf(findings);
    }

    public static ComplianceReport of(Plan plan) {
        List<Finding> findings = findings(plan);
        StringBuilder text = new StringBuilder();
        text.append("Compliance report for plan \"").append(plan.name()).append("\" (R-4.6, R-9.3). ")
                .append("It describes risks; it is not legal advice.\n\n");
        text.append(MoneyFlow.describe(plan)).append(PartyCompliance.moneyFlow(plan)).append('\n');
        text.append(LEGAL_MARKS).append('\n');
        text.append("Features of this plan that carry a mark (").append(findings.size()).append(")\n");
        if (findings.isEmpty()) {
            text.append("  None.\n");
        }
        findings.forEach(finding -> text.append("  ").append(finding).append('\n'));
        return new ComplianceReport(findings, text.toString());
    }

    /** The flagged features of a plan, in a fixed order. */
    public static List<Finding> findings(Plan plan) {
        List<Finding> findings = new ArrayList<>();
        referralFindings(plan, findings);
        Plan.Compliance compliance = plan.compliance();
        if (compliance.teamAllowancePpm() > 0) {
            findings.add(new Finding(TEAM_ALLOWANCE, "compliance.teamAllowance", "a team allowance (团队奖/管理奖) of "
                    + PlanText.percent(compliance.teamAllowancePpm()) + " of the downline team's sales is pay "
                    + "computed from a downline's sales (团队计酬, art. 7(3))"));
        }
        if (compliance.agentFeeFen() > 0 && plan.agents().provincePpm() > 0) {
            findings.add(new Finding(REGION_FEE, "compliance.agentFee", "agents pay "
                    + Units.formatFen(compliance.agentFeeFen()) + " (代理费/加盟费) for a region whose orders then pay "
                    + "them up to " + PlanText.percent(plan.agents().provincePpm()) + ": a fee bought for an income "
                    + "from other people's orders reads as an entry fee (入门费, art. 7(2))"));
        }
        returnAbovePrincipal(plan.pool()).ifPresent(findings::add);
        if (!compliance.fundsInEscrow()) {
            findings.add(new Finding(FUNDS_NOT_IN_ESCROW, "compliance.fundsInEscrow", "customer funds are not held "
                    + "by an escrow or payment provider (资金存管, R-7.5): the pool and the wallets are then only the "
                    + "platform's promise, and a pool of customers' money in the operator's hands (资金池) is what "
                    + "regulators look for in illegal fund-raising (非法集资)"));
        }
        GreenCompliance.addFindings(plan, findings);
        PartyCompliance.add(plan, findings);
        return findings;
    }

    private static void referralFindings(Plan plan, List<Finding> findings) {
        List<PlanBudget.Reward> rewards = PlanBudget.storeRewards(plan);
        PlanBudget.Reward indirect = rewards.get(1);
        if (indirect.ppm() > 0) {
            findings.add(new Finding(SECOND_PAID_LEVEL, indirect.field(), "the referrer's referrer is paid "
                    + PlanText.percent(indirect.ppm()) + " of each order (间推奖): a second paid level, which with "
                    + "the organiser makes the three levels that prosecutions count (团队计酬, art. 7(3))"));
        }
        int extra = plan.compliance().extraReferralLevels();
        if (extra > 0) {
            findings.add(new Finding(REFERRAL_DEPTH, "compliance.extraReferralLevels", (2 + extra)
                    + " paid referral levels (多级分销/多级级差奖): pay computed from the sales of a downline "
                    + "several levels deep is the core of 团队计酬 (art. 7(3)); seed 001 itself calls multi-level "
                    + "differential rewards a risk of administrative pyramid-selling charges (行政传销风险)"
                    + (plan.compliance().riskAcknowledged() ? "; the operator acknowledged the risk" : "")));
        }
        long firstOrder = plan.referral().firstOrderPpm();
        if (firstOrder > 0) {
            findings.add(new Finding(FIRST_ORDER_HEADCOUNT, "referral.firstOrder", "the referrer earns "
                    + PlanText.percent(firstOrder) + " of each invitee's first order (拉新奖励): pay that grows with "
                    + "the number of people recruited reads as pay by headcount (拉人头, art. 7(1))"));
        }
    }

    /**
     * k·β > 1, decided exactly on the fraction k = n/d and β in ppm: n·β > d·10⁶. A forced exit then pays
     * back more than was spent.
     */
    static Optional<Finding> returnAbovePrincipal(PoolRules pool) {
        long numerator = Math.multiplyExact(pool.exitMultipleNumerator(), pool.payoutRatioPpm());
        long denominator = Math.multiplyExact(pool.exitMultipleDenominator(), Limits.PPM);
        if (numerator <= denominator) {
            return Optional.empty();
        }
        String k = MoneyFlow.multiple(pool);
        String product = new BigDecimal(numerator).divide(new BigDecimal(denominator), 6, RoundingMode.DOWN)
                .stripTrailingZeros().toPlainString();
        long paidPerThousand = Exact.mulDivFloor(100_000, numerator, denominator);
        return Optional.of(new Finding(RETURN_ABOVE_PRINCIPAL, "pool.exitMultiple", "k·β = " + k + " × "
                + PlanText.percent(pool.payoutRatioPpm()) + " = " + product + " > 1: a forced exit (强制出局) pays "
                + Units.formatFen(paidPerThousand) + " for every 1000.00 spent, more than was spent, which reads as "
                + "a promised return above principal (保本保收益), a mark of illegal fund-raising (非法集资); seed "
                + "001 itself advises that static returns should not exceed the spend (静态盈利不要超过消费金额)"));
    }

    private static final String LEGAL_MARKS = String.join("\n",
            "Legal marks of pyramid selling (传销), 禁止传销条例 (Regulations on Prohibition of Pyramid Selling) art. 7",
            "  1. Pay by headcount recruited (拉人头): rewards computed from the number of people one recruits,",
            "     directly or through those they recruit.",
            "  2. Entry fees (入门费): a fee, or goods bought in its stead, as the price of joining or of the right",
            "     to recruit others.",
            "  3. Pay computed from a downline's sales (团队计酬): an upline paid on the sales of the people below.",
            "  Prosecutions for organising pyramid selling (组织、领导传销活动罪, 刑法 art. 224-1) count, under the",
            "  2013 opinion of the Supreme People's Court, Supreme People's Procuratorate and Ministry of Public",
            "  Security, organisations of 30 or more people in three or more levels (三级以上), the organiser's",
            "  own level included: a plan that pays a referrer's referrer already has three levels.",
            "  Separately, a promise that spending comes back with a return (保本保收益) is a mark of illegal",
            "  fund-raising (非法集资); seed 001 says static returns had best not exceed the spend.",
            "");
}

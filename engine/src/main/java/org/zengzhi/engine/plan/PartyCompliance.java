package org.zengzhi.engine.plan;

import java.util.List;

import org.zengzhi.engine.Exact;
import org.zengzhi.engine.Limits;
import org.zengzhi.engine.Units;
import org.zengzhi.engine.partyrules.PartyRules;
import org.zengzhi.engine.partyrules.Waterfall;

/**
 * The compliance findings of a plan's four-party section (seed 000, issue 18): the legal marks its rules
 * carry, and what the seed's own closing line promises ("积分不通证化、资金不沉淀") against what the plan does.
 */
final class PartyCompliance {
    static final String PARTY_TEAM_ALLOWANCE = "PARTY_TEAM_ALLOWANCE";
    static final String PARTY_RANK_FEE = "PARTY_RANK_FEE";
    static final String PARTY_TOKENS = "PARTY_TOKENS";
    static final String PARTY_FUNDS_STAY = "PARTY_FUNDS_STAY";

    private PartyCompliance() {
    }

    /**
     * Who is paid from whose money in a four-party order of 150.00 (seed 000's 客单价), part by part; empty
     * for a plan without the model.
     */
    static String moneyFlow(Plan plan) {
        PartyRules party = plan.party();
        if (party == null) {
            return "";
        }
        long amount = 15_000;
        Waterfall parts = Waterfall.of(party, amount, party.feePpm(), 0, true, party.teamAllowancePpm() > 0, false);
        long prepaid = Exact.mulDivFloor(parts.supplierShareFen(), party.prepayPpm(), Limits.PPM);
        return "  A " + Units.formatFen(amount) + " four-party order (四方共赢) is paid into escrow (资金存管); "
                + Units.formatFen(prepaid) + " of the supplier's share is prepaid at once. "
                + party.settlementDelay().toDays() + " days later it settles: fee " + Units.formatFen(parts.feeFen())
                + " to the platform, rebate " + Units.formatFen(parts.rebateFen()) + " as contribution value "
                + "(its cash into the reserve), commission " + Units.formatFen(parts.commissionFen())
                + " to the promoter, team allowance " + Units.formatFen(parts.teamAllowanceFen()) + ", supplier share "
                + Units.formatFen(parts.supplierShareFen()) + ", and " + Units.formatFen(parts.marginFen())
                + " that the seed allocates to no one, kept by the platform as margin. Every part is the consumer's "
                + "money: the rebate and the commission are not paid out of the platform's fee.\n";
    }

    static void add(Plan plan, List<Finding> findings) {
        PartyRules party = plan.party();
        if (party == null) {
            return;
        }
        if (party.teamAllowancePpm() > 0) {
            findings.add(new Finding(PARTY_TEAM_ALLOWANCE, "fourParty.teamAllowance", "the team leader earns "
                    + PlanText.percent(party.teamAllowancePpm()) + " of the downline team's sales (管理津贴): pay "
                    + "computed from a downline's sales is 团队计酬 (art. 7(3)), allowed here only by the risk "
                    + "acknowledgement"));
        }
        if (plan.compliance().agentFeeFen() > 0) {
            findings.add(new Finding(PARTY_RANK_FEE, "compliance.agentFee", "a promoter rank (区代/市代 of the "
                    + "ladder) costs " + Units.formatFen(plan.compliance().agentFeeFen()) + ": a rank bought with a "
                    + "fee for an income from other people's sales reads as an entry fee (入门费, art. 7(2))"));
        }
        if (party.burnPpm() > 0) {
            findings.add(new Finding(PARTY_TOKENS, "fourParty.burn", "the seed promises 积分不通证化 yet burns "
                    + PlanText.percent(party.burnPpm()) + " of circulating contribution value and supplier tokens "
                    + "a month to 'drive the token's value up'. Here they stay face value, never priced or traded; "
                    + (party.burnMode() == PartyRules.BurnMode.PRO_RATA
                            ? "the proRata burn takes that share from every holder unpaid: a haircut"
                            : "the buyback pays holders face value from a budget of "
                                    + Units.formatFen(party.buybackBudgetFen()) + " a month")));
        }
        findings.add(new Finding(PARTY_FUNDS_STAY, "fourParty.confirmDays", "the seed promises 资金不沉淀 yet "
                + "customer money waits " + party.settlementDelay().toDays() + " days in escrow before it is "
                + "settled, and the contribution value reserve holds cash for as long as holders keep it: "
                + "both should sit with the custody provider (R-7.5), and the model books no interest earned on that "
                + "money (沉淀资金) as income"));
    }
}

package org.zengzhi.engine.plan;

import java.util.List;

import org.zengzhi.engine.Units;
import org.zengzhi.engine.party.PartyRules;

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
                + "both should sit with the custody provider (R-7.5), and the model books no float income"));
    }
}

package org.zengzhi.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.zengzhi.engine.PlanYaml;

/** The compliance and sustainability report. */
class ComplianceReportTest {

    @Test
    void returnAbovePrincipalIsDecidedExactly() {
        // k = 1.25, β = 80%: k·β is exactly 1, a forced exit pays back the spend and no more.
        assertThat(codes("pool: {exitMultiple: 1.25, payoutRatio: 80%}")).doesNotContain(
                ComplianceReport.RETURN_ABOVE_PRINCIPAL);
        // One part per million more and it pays back more than was spent.
        assertThat(codes("pool: {exitMultiple: 1.25, payoutRatio: 80.0001%}")).contains(
                ComplianceReport.RETURN_ABOVE_PRINCIPAL);
        assertThat(codes("pool: {exitMultiple: 1.2, payoutRatio: 80%}")).doesNotContain(
                ComplianceReport.RETURN_ABOVE_PRINCIPAL);
    }

    @Test
    void theMallPresetsReturnIsNamedWithItsNumbers() throws IOException {
        Plan plan = PlanReader.read(PlanYaml.preset("mall.yaml")).plan();
        Finding finding = ComplianceReport.returnAbovePrincipal(plan.pool()).orElseThrow();

        assertThat(finding.field()).isEqualTo("pool.exitMultiple");
        assertThat(finding.message()).startsWith("k·β = 3 × 80% = 2.4 > 1: a forced exit (强制出局) pays 2400.00 "
                + "for every 1000.00 spent").contains("静态盈利不要超过消费金额");
    }

    @Test
    void eachRiskyFeatureHasItsFinding() {
        PlanCheck check = PlanYaml.read(String.join("\n",
                "referral: {direct: 0.3%, indirect: 0.2%, firstOrder: 0.5%}",
                "recruitment: 0%",
                "compliance: {riskAcknowledged: true, extraReferralLevels: 1, teamAllowance: 3%, agentFee: 50000.00,",
                "             fundsInEscrow: false}",
                ""));

        assertThat(check.errors()).isEmpty();
        assertThat(PlanReaderTest.codes(check)).containsExactly(PlanBudget.BUDGET_AT_MIN_COMMISSION,
                ComplianceReport.SECOND_PAID_LEVEL,
                ComplianceReport.REFERRAL_DEPTH, ComplianceReport.FIRST_ORDER_HEADCOUNT,
                ComplianceReport.TEAM_ALLOWANCE, ComplianceReport.REGION_FEE, ComplianceReport.RETURN_ABOVE_PRINCIPAL,
                ComplianceReport.FUNDS_NOT_IN_ESCROW);
        assertThat(check.warnings()).extracting(Finding::field).containsExactly("split.store.commission.min",
                "referral.indirect",
                "compliance.extraReferralLevels", "referral.firstOrder", "compliance.teamAllowance",
                "compliance.agentFee", "pool.exitMultiple", "compliance.fundsInEscrow");
    }

    @Test
    void aRegionFeeWithoutAgentRatesIsNotFlagged() {
        assertThat(codes("agents: {district: 0%, city: 0%, province: 0%}\ncompliance: {agentFee: 1000.00}"))
                .doesNotContain(ComplianceReport.REGION_FEE);
    }

    @Test
    void aTiersIndirectRateIsASecondPaidLevel() {
        PlanCheck check = PlanYaml.read("referral: {indirect: 0%}\ntiers:\n  - {name: member}\n"
                + "  - {name: gold, minSpend: 100.00, indirect: 0.1%}\n");
        assertThat(check.warnings()).extracting(Finding::field).contains("tiers[1].indirect");
    }

    @Test
    void theReportSaysWhoIsPaidFromWhoseMoney() throws IOException {
        PlanCheck check = PlanReader.read(PlanYaml.preset("local-life.yaml"));
        String text = ComplianceReport.of(check.plan()).text();

        assertThat(text).contains("the merchant keeps 800.00; the commission 200.00 pays the platform 20.00, "
                + "the distribution budget (分销) 20.00, the pool 160.00.");
        assertThat(text).contains("112.00 is minted as points (增值积分) for the consumer and 48.00 lifts the price");
        assertThat(text).contains("direct referrer (直推) 3.00, indirect referrer (间推) 2.00, merchant recruiter "
                + "(招商奖励) 5.00, regional agents in all (区代/市代/省代) 3.00; the platform keeps the rest, at least 7.00");
        assertThat(text).contains("210.00 is minted").contains("90.00 lifts the price");
        // Seed 001: "当积分价格涨到10.71时 … 用户可以1.2倍出局".
        assertThat(text).contains("reaches about 10.7143 after a store order");
        assertThat(text).contains("禁止传销条例").contains("拉人头").contains("入门费").contains("团队计酬")
                .contains("三级以上");
        assertThat(text).contains("[SECOND_PAID_LEVEL] referral.indirect");
    }

    @Test
    void theMallPresetsFirstBuyerExitsWhereSeed002Says() throws IOException {
        String text = ComplianceReport.of(PlanReader.read(PlanYaml.preset("mall.yaml")).plan()).text();
        // Seed 002: "当积分价格涨到14.29元（3000/210=14.29）第一个用户盈利3倍强制正式退出".
        assertThat(text).contains("14.2857 after a mall order");
    }

    @Test
    void planCheckPrintsErrorsOrTheReport() throws IOException {
        PlanCheck invalid = PlanYaml.read("referral: {direct: 5%}");
        assertThat(invalid.text()).startsWith("Plan is invalid: 1 error\n  error split.store.distribution: ");

        PlanCheck valid = PlanReader.read(PlanYaml.preset("local-life.yaml"));
        assertThat(valid.text()).startsWith("Plan \"local-life\" is valid with 2 warning(s).\n"
                + "  warning [BUDGET_AT_MIN_COMMISSION] split.store.commission.min: ")
                .contains("Compliance report for plan \"local-life\"");
    }

    private static List<String> codes(String yaml) {
        PlanCheck check = PlanYaml.read(yaml);
        assertThat(check.errors()).isEmpty();
        return PlanReaderTest.codes(check);
    }
}

package org.zengzhi.engine.plan;

import org.zengzhi.engine.PlanError;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.zengzhi.engine.PlanYaml;
import org.zengzhi.engine.PoolRules;
import org.zengzhi.engine.Price;

/** Plan files read into a validated {@link Plan}. */
class PlanReaderTest {
    private static final Plan.Tier MEMBER = new Plan.Tier("member", 0, 0, 0, -1, -1);
    private static final Plan.Compliance PLAIN = new Plan.Compliance(false, 0, 0, true, 0);

    @Test
    void seed001LocalLifePresetLoads() throws IOException {
        PlanCheck check = PlanReader.read(PlanYaml.preset("local-life.yaml"));

        assertThat(check.errors()).isEmpty();
        Plan expected = new Plan("local-life", new PoolRules(700_000, 800_000, 6, 5, Price.ONE_YUAN),
                new Plan.StoreSplit(200_000, 30_000, 200_000, 100_000, 100_000, 800_000),
                new Plan.MallSplit(300_000, 300_000, 100_000, 300_000), new Plan.Settlement(0, 7, 15),
                Plan.RefundPolicy.KEEP_REWARDS, new Plan.Referral(3_000, 2_000, 0, true), 5_000,
                new Plan.AgentRates(1_000, 2_000, 3_000), new Plan.Deduct(2_000_000, 500_000, 200_000),
                List.of(MEMBER), PLAIN, Plan.Withdrawal.DEFAULTS);
        assertThat(check.plan()).isEqualTo(expected);
        // k·β = 0.96: no return above principal; the indirect level and the 3% commission still warn.
        assertThat(codes(check)).containsExactly(PlanBudget.BUDGET_AT_MIN_COMMISSION,
                ComplianceReport.SECOND_PAID_LEVEL);
        assertThat(check.exitCode()).isEqualTo(PlanCheck.EXIT_WARNINGS);
    }

    @Test
    void seed002MallPresetLoads() throws IOException {
        PlanCheck check = PlanReader.read(PlanYaml.preset("mall.yaml"));

        assertThat(check.errors()).isEmpty();
        Plan expected = new Plan("mall", PoolRules.MALL,
                new Plan.StoreSplit(200_000, 30_000, 200_000, 100_000, 100_000, 800_000),
                new Plan.MallSplit(300_000, 300_000, 100_000, 300_000), new Plan.Settlement(0, 7, 15),
                Plan.RefundPolicy.KEEP_REWARDS, new Plan.Referral(3_000, 2_000, 0, true), 5_000,
                new Plan.AgentRates(1_000, 2_000, 3_000), new Plan.Deduct(0, 0, 0), List.of(MEMBER), PLAIN,
                Plan.Withdrawal.DEFAULTS);
        assertThat(check.plan()).isEqualTo(expected);
        assertThat(codes(check)).containsExactly(PlanBudget.BUDGET_AT_MIN_COMMISSION,
                ComplianceReport.SECOND_PAID_LEVEL, ComplianceReport.RETURN_ABOVE_PRINCIPAL);
    }

    @Test
    void anEmptyFileIsSpecsDefaults() {
        PlanCheck check = PlanReader.read(Map.of());

        assertThat(check.errors()).isEmpty();
        Plan plan = check.plan();
        assertThat(plan.pool()).isEqualTo(PoolRules.MALL);
        assertThat(plan.store()).isEqualTo(new Plan.StoreSplit(200_000, 30_000, 200_000, 100_000, 100_000, 800_000));
        assertThat(plan.referral()).isEqualTo(new Plan.Referral(3_000, 2_000, 0, true));
        assertThat(plan.deduct()).isEqualTo(new Plan.Deduct(0, 0, 0));
        assertThat(plan.tiers()).containsExactly(MEMBER);
        assertThat(plan.compliance()).isEqualTo(PLAIN);
    }

    @Test
    void rewardsAboveTheStoreBudgetNameEveryPart() {
        PlanCheck check = PlanYaml.read("referral: {direct: 1.5%, indirect: 1%}\nrecruitment: 0%\n"
                + "agents: {district: 0%, city: 0%, province: 0.3%}\n");

        assertThat(check.plan()).isNull();
        assertThat(check.errors()).containsExactly(new PlanError("split.store.distribution",
                "referral.direct: 1.5% + referral.indirect: 1% + agents.province: 0.3% exceed "
                        + "split.store.distribution 2% (10% of the default commission 20%)"));
        assertThat(check.exitCode()).isEqualTo(PlanCheck.EXIT_INVALID);
    }

    @Test
    void anInvalidPlanReportsEveryErrorAtOnce() {
        PlanCheck check = PlanYaml.read(String.join("\n",
                "pool: {mintRatio: 0%, payoutRatio: 120%, exitMultiple: -3, initialPrice: abc}",
                "split:",
                "  store: {commission: {default: 25%, min: 3%, max: 20%}, platform: 10%, distribution: 10%, pool: 70%}",
                "  mall: {cost: 30%, distribution: 30%, platform: 10%, pool: 30%}",
                "deduct: {merchantRebate: 29%}",
                "settlement: {storeDays: -1, mallReturnDays: 7.5}",
                "refundAfterSettlement: sometimes",
                "referral: {direct: 1.5%, indirect: 1%, bindAtFirstPayment: yes}",
                "agents: {district: 0.3%, city: 0.2%, province: 0.3%}",
                "tiers:",
                "  - {name: member, minSpend: 0.00}",
                "  - {name: gold, minSpend: 500.00, rebate: 12%}",
                "  - {name: silver, minSpend: 100.00}",
                "  - {name: gold, minSpend: 900.001}",
                "compliance: {extraReferralLevels: 2, agentFee: -5.00}",
                ""));

        assertThat(check.plan()).isNull();
        assertThat(check.errors()).extracting(PlanError::field).containsExactly(
                "pool.mintRatio", "pool.payoutRatio", "pool.exitMultiple", "pool.initialPrice",
                "split.store.commission.default", "split.store",
                "settlement.storeDays", "settlement.mallReturnDays", "refundAfterSettlement",
                "referral.bindAtFirstPayment", "agents.city",
                "tiers[3].minSpend", "tiers[2].minSpend", "tiers[3].name",
                "compliance.agentFee", "split.mall.distribution", "compliance.extraReferralLevels");
        assertThat(check.errors()).contains(
                new PlanError("split.store", "split.store.platform 10% + split.store.distribution 10% + "
                        + "split.store.pool 70% = 90%, less than the commission; the shares must add up to exactly 100% (R-2.2)"),
                new PlanError("split.mall.distribution", "referral.direct: 1.5% + referral.indirect: 1% + recruitment: "
                        + "0.5% + agents.province: 0.3% + deduct.merchantRebate: 29% exceed split.mall.distribution 30%"),
                new PlanError("split.store.commission.default",
                        "25% must lie between split.store.commission.min 3% and split.store.commission.max 20%"),
                new PlanError("tiers[3].minSpend", "has more than 2 decimals: \"900.001\""),
                new PlanError("tiers[2].minSpend", "100.00 (minInvitees 0) does not rise above tiers[1] (500.00, "
                        + "minInvitees 0); tiers are listed lowest first by minSpend"),
                new PlanError("tiers[3].name", "\"gold\" names an earlier tier too; names must be unique"));
    }

    @Test
    void mallSharesMustMakeThePrice() {
        PlanCheck check = PlanYaml.read("split: {mall: {cost: 40%, distribution: 30%, platform: 10%, pool: 30%}}");

        assertThat(check.errors()).containsExactly(new PlanError("split.mall", "split.mall.cost 40% + "
                + "split.mall.distribution 30% + split.mall.platform 10% + split.mall.pool 30% = 110%, more than the "
                + "price; the shares must add up to exactly 100% (R-2.2)"));
    }

    @Test
    void tiersWithHigherReferralRatesCountAgainstTheBudget() {
        PlanCheck check = PlanYaml.read(String.join("\n",
                "tiers:",
                "  - {name: member, minSpend: 0.00, minInvitees: 0, rebate: 5%}",
                "  - {name: gold, minSpend: 10000.00, minInvitees: 10, rebate: 12%, direct: 1.1%}",
                ""));

        assertThat(check.errors()).containsExactly(new PlanError("split.store.distribution",
                "tiers[1].direct: 1.1% + referral.indirect: 0.2% + recruitment: 0.5% + agents.province: 0.3% exceed "
                        + "split.store.distribution 2% (10% of the default commission 20%)"));
    }

    @Test
    void theMerchantRebateCountsAgainstTheMallBudget() {
        PlanCheck check = PlanYaml.read("deduct: {merchantRebate: 29%}\n");

        assertThat(check.errors()).containsExactly(new PlanError("split.mall.distribution",
                "referral.direct: 0.3% + referral.indirect: 0.2% + recruitment: 0.5% + agents.province: 0.3% + "
                        + "deduct.merchantRebate: 29% exceed split.mall.distribution 30%"));
    }

    @Test
    void unknownKeysAreErrorsNamingTheKey() {
        PlanCheck check = PlanYaml.read("nmae: x\nreferral: {direct: 0.3%, indirekt: 0.2%}\ntiers:\n  - {name: a, gold: 1}\n");

        assertThat(check.errors()).extracting(PlanError::field)
                .containsExactly("referral.indirekt", "tiers[0].gold", "nmae");
        assertThat(check.errors().get(0).message())
                .isEqualTo("unknown key; referral takes bindAtFirstPayment, direct, firstOrder, indirect");
    }

    @Test
    void aDoubleIsRefusedAndTheAuthorIsToldToQuote() {
        Map<String, Object> referral = new LinkedHashMap<>();
        referral.put("direct", 0.003);
        PlanCheck check = PlanReader.read(Map.of("referral", referral));

        assertThat(check.errors()).hasSize(1);
        assertThat(check.errors().get(0).field()).isEqualTo("referral.direct");
        assertThat(check.errors().get(0).message()).contains("floating-point").contains("quote");
    }

    @Test
    void exactNumberTypesOfOtherParsersAreAccepted() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("pool", Map.of("exitMultiple", new BigDecimal("1.2"), "mintRatio", "0.7"));
        tree.put("settlement", Map.of("mallReturnDays", 10, "mallAutoReceiveDays", 20L, "storeDays", BigInteger.ONE));
        tree.put("referral", Map.of("bindAtFirstPayment", Boolean.FALSE, "indirect", 0));
        PlanCheck check = PlanReader.read(tree);

        assertThat(check.errors()).isEmpty();
        assertThat(check.plan().pool().exitMultipleNumerator()).isEqualTo(6);
        assertThat(check.plan().settlement()).isEqualTo(new Plan.Settlement(1, 10, 20));
        assertThat(check.plan().referral()).isEqualTo(new Plan.Referral(3_000, 0, 0, false));
    }

    @Test
    void ratesAreExactToOnePartPerMillion() {
        assertThat(direct("0.0001%")).isEqualTo(1);
        assertThat(direct("5‱")).isEqualTo(500);
        assertThat(direct("3‰")).isEqualTo(3_000);
        assertThat(direct("0.003")).isEqualTo(3_000);
        assertThat(direct("0.300000%")).isEqualTo(3_000);
        assertThat(PlanYaml.read("referral: {direct: 0.00001%}").errors()).containsExactly(new PlanError(
                "referral.direct", "is finer than one part per million (0.0001%), the unit of every rate: \"0.00001%\""));
        assertThat(PlanYaml.read("referral: {direct: \"0.0000001\"}").errors()).extracting(PlanError::field)
                .containsExactly("referral.direct");
        assertThat(PlanYaml.read("referral: {direct: 0.3 percent}").errors()).extracting(PlanError::field)
                .containsExactly("referral.direct");
    }

    @Test
    void moreThanTwoPaidLevelsNeedTheRiskAcknowledged() {
        PlanCheck refused = PlanYaml.read("compliance: {extraReferralLevels: 1}");
        assertThat(refused.errors()).containsExactly(new PlanError("compliance.extraReferralLevels",
                "3 paid referral levels (more than 2) are refused unless compliance.riskAcknowledged is true (R-4.6); "
                        + "read the compliance report first"));

        PlanCheck acknowledged = PlanYaml.read("compliance: {extraReferralLevels: 1, riskAcknowledged: true}");
        assertThat(acknowledged.errors()).isEmpty();
        assertThat(codes(acknowledged)).contains(ComplianceReport.REFERRAL_DEPTH);
    }

    @Test
    void theWithdrawalSectionIsRead_R8_1() {
        PlanCheck check = PlanYaml.read("withdrawal: {minimum: 20.00, fee: 0.6%, feeMinimum: 1.00, dailyLimit: 2000.00, "
                + "reviewAbove: 500.00}");
        assertThat(check.errors()).isEmpty();
        assertThat(check.plan().withdrawal()).isEqualTo(new Plan.Withdrawal(2_000, 6_000, 100, 200_000, 50_000));
        assertThat(check.plan().withdrawal().feeOf(30_000)).as("0.6% of 300.00").isEqualTo(180);
        assertThat(check.plan().withdrawal().feeOf(2_000)).as("at least the minimum fee").isEqualTo(100);
        assertThat(PlanReader.read(Map.of()).plan().withdrawal()).isEqualTo(Plan.Withdrawal.DEFAULTS);
    }

    @Test
    void aWithdrawalSectionThatWouldPayNothingOrAllowNothingIsRefused_R8_1() {
        PlanCheck check = PlanYaml.read("withdrawal: {minimum: 0.00, fee: 100%, dailyLimit: -1, reviewAbove: x, "
                + "limit: 5}");
        assertThat(check.errors()).extracting(PlanError::field).containsExactlyInAnyOrder("withdrawal.minimum",
                "withdrawal.fee", "withdrawal.dailyLimit", "withdrawal.reviewAbove", "withdrawal.limit");
        PlanCheck crossed = PlanYaml.read("withdrawal: {minimum: 10.00, feeMinimum: 10.00, dailyLimit: 9.99}");
        assertThat(crossed.errors()).containsExactly(
                new PlanError("withdrawal.feeMinimum", "10.00 is not below withdrawal.minimum 10.00, so the smallest "
                        + "withdrawal would pay nothing out"),
                new PlanError("withdrawal.dailyLimit", "9.99 is below withdrawal.minimum 10.00, so no withdrawal could "
                        + "ever be made"));
    }

    @Test
    void aLowMinimumCommissionOnlyWarns() {
        PlanCheck check = PlanYaml.read("referral: {indirect: 0%}\nsplit: {store: {commission: {min: 11%}}}\n"
                + "pool: {exitMultiple: 1.2}\n");
        assertThat(check.errors()).isEmpty();
        assertThat(check.warnings()).isEmpty();
        assertThat(check.exitCode()).isEqualTo(PlanCheck.EXIT_VALID);

        PlanCheck low = PlanYaml.read("referral: {indirect: 0%}\nsplit: {store: {commission: {min: 5%}}}\n"
                + "pool: {exitMultiple: 1.2}\n");
        assertThat(low.warnings()).extracting(Finding::code, Finding::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PlanBudget.BUDGET_AT_MIN_COMMISSION,
                        "split.store.commission.min"));
        assertThat(low.warnings().get(0).message()).startsWith("at the minimum commission 5% the distribution "
                + "budget is 0.5% of the amount, less than referral.direct: 0.3% + recruitment: 0.5% + agents.province: 0.3%");
    }

    @Test
    void tiersFromAFileAreKeptInOrder() {
        PlanCheck check = PlanYaml.read(String.join("\n",
                "tiers:",
                "  - {name: member, minSpend: 0.00, minInvitees: 0, rebate: 5%}",
                "  - {name: silver, minSpend: 0.00, minInvitees: 3, rebate: 8%}",
                "  - {name: gold, minSpend: 10000.00, minInvitees: 10, rebate: 12%, direct: 0.5%, indirect: 0.3%}",
                ""));

        assertThat(check.errors()).isEmpty();
        assertThat(check.plan().tiers()).containsExactly(new Plan.Tier("member", 0, 0, 50_000, -1, -1),
                new Plan.Tier("silver", 0, 3, 80_000, -1, -1),
                new Plan.Tier("gold", 1_000_000, 10, 120_000, 5_000, 3_000));
    }

    private static long direct(String rate) {
        PlanCheck check = PlanYaml.read("referral: {direct: \"" + rate + "\", indirect: 0%}");
        assertThat(check.errors()).as(rate).isEmpty();
        return check.plan().referral().directPpm();
    }

    static List<String> codes(PlanCheck check) {
        return check.warnings().stream().map(Finding::code).toList();
    }
}

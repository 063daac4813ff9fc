package org.zengzhi.engine.plan;

import org.zengzhi.engine.PlanError;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import org.zengzhi.engine.PlanYaml;
import org.zengzhi.engine.green.GreenRules;
import org.zengzhi.engine.green.RateSchedule;
import org.zengzhi.engine.rank.ShippedLadders;

/** The greenPoints and promoters sections (issue 17, deliver 3): defaults, errors naming the field, the report. */
class GreenPlanSectionTest {
    private static final String ZERO_REWARDS = "split: {store: {platform: 100%, distribution: 0%, pool: 0%}}\n"
            + "referral: {direct: 0%, indirect: 0%}\nrecruitment: 0%\nagents: {district: 0%, city: 0%, province: 0%}\n";

    @Test
    void anEmptySectionTakesSeed003AsWrittenAndItsLadder() {
        PlanCheck check = PlanYaml.read(ZERO_REWARDS + "greenPoints: {}\n");
        assertThat(check.errors()).isEmpty();
        assertThat(check.plan().greenPoints()).isEqualTo(GreenRules.SEED);
        assertThat(check.plan().promoters()).isEqualTo(ShippedLadders.GREEN_POINTS);
        assertThat(PlanYaml.read(ZERO_REWARDS).plan().greenPoints()).as("no section, no model").isNull();
    }

    @Test
    void ratesListsAndEveryKeyAreRead() {
        PlanCheck check = PlanYaml.read(ZERO_REWARDS + "greenPoints:\n  timeZone: UTC\n  coinShare: 20%\n"
                + "  dividendCap: 50%\n  consumerPool: {startValue: 10, periodsMax: 2, rates: [1%, 2%], cap: 3}\n");
        assertThat(check.errors()).isEmpty();
        GreenRules rules = check.plan().greenPoints();
        assertThat(rules.timeZone().getId()).isEqualTo("UTC");
        assertThat(rules.coinSharePpm()).isEqualTo(200_000);
        assertThat(rules.dividendCapPpm()).hasValue(500_000);
        assertThat(rules.consumerPool().startValueCentipoints()).isEqualTo(1_000);
        assertThat(rules.consumerPool().rates()).isEqualTo(RateSchedule.perPeriod(java.util.List.of(10_000L, 20_000L)));
        assertThat(rules.consumerPool().capPpm()).isEqualTo(3_000_000);
    }

    @Test
    void errorsNameTheirFields() {
        PlanCheck check = PlanYaml.read(ZERO_REWARDS + "greenPoints:\n  coinShare: 120%\n  timeZone: Mars/Olympus\n"
                + "  consumerPool: {periodsMax: 3, rates: [1%, 2%], growth: 0%}\n  merchantPool: {rate: 1%, rates: [1%]}\n"
                + "  colour: green\n");
        assertThat(check.errors()).extracting(PlanError::field).contains("greenPoints.coinShare",
                "greenPoints.timeZone", "greenPoints.consumerPool.growth", "greenPoints.merchantPool.rates",
                "greenPoints.colour");
        assertThat(check.errors()).extracting(PlanError::field)
                .anyMatch(field -> field.startsWith("greenPoints.consumerPool.rate"));
        assertThat(PlanYaml.read("promoters: {coachFullAt: 10000.00}\n").errors()).extracting(PlanError::field)
                .containsExactly("promoters");
    }

    @Test
    void thePromotersSectionIsTheLadderAsData() {
        PlanCheck check = PlanYaml.read(ZERO_REWARDS + "greenPoints: {}\npromoters:\n  coachFullAt: 10000.00\n  ranks:\n"
                + "    - {name: 初级商务, personal: 6%, coaching: 1%}\n"
                + "    - {name: 见习商务专员, personal: 5%, coaching: 1%, fixedSubsidy: 2400.00, rewardSubsidy: 1600.00,\n"
                + "       target: 30000.00, promoteAfter: {months: 3, atLeast: 30000.00, orOneMonth: 100000.00},\n"
                + "       demoteAfter: {months: 2, below: 30000.00}}\n");
        assertThat(check.errors()).isEmpty();
        assertThat(check.plan().promoters()).isEqualTo(ShippedLadders.GREEN_POINTS);
    }

    @Test
    void theReportSaysWhatThePresetsPromise() throws IOException {
        Plan constant = PlanReader.read(PlanYaml.preset("green-points.yaml")).plan();
        Plan escalating = PlanReader.read(PlanYaml.preset("green-points-escalating.yaml")).plan();
        assertThat(ComplianceReport.findings(constant)).extracting(Finding::code)
                .contains(GreenCompliance.GREEN_VOUCHER_PROMISE, GreenCompliance.GREEN_COACHING)
                .filteredOn(GreenCompliance.GREEN_CAP_CANNOT_BIND::equals).hasSize(2);
        assertThat(ComplianceReport.of(constant).text()).contains("20%").contains("40 periods")
                .contains("5×").contains("later consumers");
        assertThat(ComplianceReport.findings(escalating)).extracting(Finding::code)
                .contains(GreenCompliance.GREEN_VOUCHER_PROMISE).doesNotContain(GreenCompliance.GREEN_CAP_CANNOT_BIND);
    }
}

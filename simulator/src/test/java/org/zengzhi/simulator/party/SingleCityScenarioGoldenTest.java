package org.zengzhi.simulator.party;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zengzhi.engine.partyrules.PartyRules;
import org.zengzhi.simulator.ReportLanguage;

/**
 * Issue 18 deliver 4, SPEC: scenarios/single-city.yaml run through the simulator (and so through the
 * engine) shows the seed's monthly P&L exactly, and beside it the whole waterfall of the 1,500,000.00 GMV.
 * Nothing here is computed by hand: every figure is the engine's monthClosed, partyPaid and partySettled.
 */
class SingleCityScenarioGoldenTest {
    private static PartyResult result;

    @BeforeAll
    static void run() throws Exception {
        result = PartySimulation.run(PartyScenarioReader.read(Path.of("../scenarios/single-city.yaml")), false);
    }

    @Test
    void theSeedsEightLinesR76() {
        assertThat(result.rejected()).isZero();
        assertThat(result.months()).hasSize(1);
        PartyMonth month = result.months().get(0);
        assertThat(month.month()).isEqualTo("2026-02");
        assertThat(lines(month, "fee", "dataService", "platformIncome", "rebate", "commission", "supplierProfit",
                "operatingCost", "net")).containsExactly("90000.00", "100000.00", "190000.00", "120000.00",
                        "180000.00", "375000.00", "100000.00", "90000.00");
    }

    /** Issue 18 rule 2: the parts of the GMV in their order, summing to it; what the seed leaves unallocated. */
    @Test
    void theWholeWaterfallOfTheGmvAndWhatIsUnallocated() {
        PartyMonth month = result.months().get(0);
        assertThat(lines(month, "gmv", "fee", "rebate", "commission", "teamAllowance", "inviteReward", "supplierShare",
                "margin", "rounding")).containsExactly("1500000.00", "90000.00", "120000.00", "180000.00", "0.00",
                        "0.00", "825000.00", "285000.00", "0.00");
        long parts = PartyReport.WATERFALL.stream().mapToLong(line -> month.pnlFen(line[0])).sum();
        assertThat(parts).isEqualTo(month.pnlFen("gmv"));
        assertThat(lines(month, "supplierCost", "haircut", "platformResult")).containsExactly("450000.00", "6000.00",
                "381000.00");
    }

    /** Rules 1 and 3: 30% of the supplier's share prepaid, the rest at settlement; the rebate's cash in the reserve. */
    @Test
    void prepaymentsSettlementAndTheReserve() {
        PartyMonth month = result.months().get(0);
        assertThat(month.orders()).isEqualTo(10_000);
        assertThat(month.prepaidFen()).isEqualTo(24_750_000);
        assertThat(month.supplierSettledFen()).isEqualTo(57_750_000);
        assertThat(result.suppliers()).hasSize(50).allSatisfy(s -> {
            assertThat(s.shareFen()).isEqualTo(1_650_000);
            assertThat(s.cashFen()).isEqualTo(s.prepaidFen() + s.settledFen());
        });
        assertThat(month.escrowFen()).isZero();
        assertThat(month.reserveFen()).isEqualTo(11_400_000).isEqualTo(month.outstandingFen());
        assertThat(month.coveragePpm()).isEqualTo(1_000_000);
        assertThat(month.burnFen("contribBurned")).isEqualTo(600_000);
        assertThat(month.burnHolders()).isEqualTo(10_000);
        assertThat(month.burnMaxFen()).isEqualTo(60);
        assertThat(month.ranks()).containsExactly(java.util.Map.entry("推广者", 200));
    }

    /** The report a user opens shows the seed's figures, in Chinese (the default) and in English. */
    @Test
    void theReportShowsTheSeedsFigures() {
        String zh = PartyHtml.render(result, ReportLanguage.ZH);
        assertThat(zh).contains("<td>交易抽成</td><td class=\"n\">90,000.00</td>")
                .contains("<td>平台净利润</td><td class=\"n\">90,000.00</td>")
                .contains("<td>供应商利润</td><td class=\"n\">375,000.00</td>")
                .contains("合计成交额 <b>1,500,000.00</b>");
        String en = PartyHtml.render(result, ReportLanguage.EN);
        assertThat(en).contains("<td>fee</td><td class=\"n\">90,000.00</td>")
                .contains("<td>platform net</td><td class=\"n\">90,000.00</td>")
                .contains("total GMV <b>1,500,000.00</b>");
    }

    /** Issue 20 item 7: the report names the zone its months close in, the plan's (Asia/Shanghai here), not UTC. */
    @Test
    void theReportNamesThePlansZoneForItsMonths() {
        assertThat(PartyHtml.render(result, ReportLanguage.ZH)).contains("月份按方案时区 Asia/Shanghai 结算")
                .doesNotContain("UTC");
        assertThat(PartyHtml.render(result, ReportLanguage.EN))
                .contains("months close in the plan's time zone, Asia/Shanghai").doesNotContain("UTC");
    }

    /**
     * Issue 20 item 7: the run's times are the plan's calendar, so a plan west of UTC closes the same month with
     * the same figures (were the run's months UTC's, New York's month would not be over at the close and the
     * engine would refuse it).
     */
    @Test
    void aPlanWestOfUtcClosesTheSameMonthsWithTheSameFigures() throws Exception {
        PartyScenario shanghai = PartyScenarioReader.read(Path.of("../scenarios/single-city.yaml"));
        PartyRules r = shanghai.plan().party();
        PartyRules newYork = new PartyRules(r.feePpm(), r.rebateTiersPpm(), r.commissionPpm(), r.teamAllowancePpm(),
                r.riskAcknowledged(), r.inviteRewardPpm(), r.supplierSharePpm(), r.prepayPpm(), r.confirmWindow(),
                r.noReturnWindow(), r.contribTransferFeePpm(), r.stokenPpm(), r.baselineBonusPpm(), r.ratingMinCenti(),
                r.depositPenaltyPpm(), r.burnPpm(), r.burnMode(), r.buybackBudgetFen(), r.riskWindow(),
                r.riskOrderThreshold(), r.creditScoreMin(), r.feeDiscountPpm(), r.feeDiscountPriceStoken(),
                r.trafficPackages(), r.equityPoolPpm(), ZoneId.of("America/New_York"));
        PartyScenario west = new PartyScenario(shanghai.name(), shanghai.planFile(), shanghai.plan().withParty(newYork),
                shanghai.seed(), shanghai.start(), shanghai.months(), shanghai.suppliers(), shanghai.promoters(),
                shanghai.consumers(), shanghai.risk(), shanghai.operatingCostFen());
        PartyResult run = PartySimulation.run(west, false);
        assertThat(run.rejected()).isZero();
        assertThat(run.months()).extracting(PartyMonth::month).containsExactly("2026-02");
        assertThat(run.months().get(0).pnl()).isEqualTo(result.months().get(0).pnl());
        assertThat(PartyHtml.render(run, ReportLanguage.EN)).contains("months close in the plan's time zone, "
                + "America/New_York");
    }

    private static List<String> lines(PartyMonth month, String... names) {
        return Arrays.stream(names).map(name -> month.pnl().get(name).asString()).toList();
    }
}

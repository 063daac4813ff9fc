package org.zengzhi.cli.simulate.green;

import org.zengzhi.simulator.fields.ScenarioException;
import org.zengzhi.simulator.green.*;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.zengzhi.engine.Engine;
import org.zengzhi.engine.ledger.AccountType;
import org.zengzhi.engine.ledger.Balance;
import org.zengzhi.log.PlanFiles;

/**
 * Issue 17 deliver 4, the green-points simulator: scenario errors name their field and change nothing, the same
 * seed gives the same report data, and the report's figures reconcile with the engine's ledger exactly (coverage =
 * cash / (vouchers + coins outstanding) as integers). The plan is the seed-003 preset with small start values, so a
 * small population reaches both pools' first dividends.
 */
class GreenSimulationTest {
    private static final Path PLANS = Path.of("..", "plans").toAbsolutePath().normalize();

    @TempDir
    Path folder;

    private Path smallPlan() throws IOException {
        String preset = Files.readString(PLANS.resolve("green-points.yaml"), StandardCharsets.UTF_8);
        String small = preset.replace("startValue: 10000000", "startValue: 100000")
                .replace("startValue: 1000000", "startValue: 20000");
        assertThat(small).isNotEqualTo(preset);
        Path plan = folder.resolve("small-green.yaml");
        Files.writeString(plan, small, StandardCharsets.UTF_8);
        return plan;
    }

    private GreenScenario scenario(String extra) throws Exception {
        smallPlan();
        String yaml = "name: small\nplan: small-green.yaml\nseed: 5\nhorizonMonths: 4\n"
                + "consumers: {initial: 200, newPerMonth: 40}\nstores: {count: 10, rangliMin: 5%, rangliMax: 20%}\n"
                + "payments: {perConsumerPerMonth: 4, amountMin: 50.00, amountMax: 800.00, withVouchers: 60%}\n"
                + "coinMall: {spendShare: 40%}\npromoters: {count: 3}\n" + extra;
        return GreenScenarioReader.read(PlanFiles.loadTree(yaml), folder);
    }

    private String error(String yaml) throws IOException {
        smallPlan();
        try {
            GreenScenarioReader.read(PlanFiles.loadTree("plan: small-green.yaml\n" + yaml), folder);
        } catch (ScenarioException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for " + yaml);
    }

    @Test
    void scenarioErrorsNameTheirField() throws IOException {
        assertThat(error("consumer: {initial: 3}")).startsWith("consumer: unknown key");
        assertThat(error("consumers: {initial: many}")).startsWith("consumers.initial: must be a whole number");
        assertThat(error("stores: {rangliMin: 12}")).startsWith("stores.rangliMin: must be between 0% and 100%");
        assertThat(error("payments: {amountMin: 10.00, amountMax: 5.00}")).startsWith("payments.amountMax:");
        assertThat(error("payments: {amountMin: 1.001}")).startsWith("payments.amountMin: must be an amount");
        assertThat(error("paths: 4")).startsWith("paths: must be between 1 and 1");
        assertThat(error("start: 2026-13-01")).startsWith("start: must be a date");
        assertThat(error("stores: {count: 2}\npromoters: {count: 3}")).startsWith("promoters.count: must be at most");
        assertThat(error("compare: [{dividendCap: lots}]")).startsWith("compare[0].dividendCap: must be a rate");
        assertThat(error("compare: [{plan: ../nowhere.yaml}]")).startsWith("compare[0].plan: cannot read");
        assertThat(error("compare: {name: x}")).startsWith("compare: must be a list");
    }

    @Test
    void aPlanWithoutGreenPointsIsNotAGreenScenario() throws IOException {
        Files.copy(PLANS.resolve("mall.yaml"), folder.resolve("mall.yaml"));
        Path scenario = folder.resolve("s.yaml");
        Files.writeString(scenario, "plan: mall.yaml\n");
        assertThat(GreenScenarioReader.isGreen(scenario)).isFalse();
        assertThatThrownBy(() -> GreenScenarioReader.read(PlanFiles.loadTree("plan: mall.yaml\n"), folder))
                .hasMessageStartingWith("plan: the plan").hasMessageContaining("has no greenPoints section");
        Files.writeString(scenario, "plan: ../plans/green-points.yaml\n");
        Files.createDirectories(folder.resolve("../plans"));
        Files.copy(PLANS.resolve("green-points.yaml"), folder.resolve("../plans/green-points.yaml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(GreenScenarioReader.isGreen(scenario)).isTrue();
    }

    @Test
    void theSameSeedGivesTheSameReportData() throws Exception {
        GreenScenario scenario = scenario("compare: [{name: cap, dividendCap: 2%}]");
        List<GreenResult> first = GreenSimulation.run(scenario);
        List<GreenResult> second = GreenSimulation.run(scenario);
        assertThat(second).isEqualTo(first);
        assertThat(GreenReport.monthsCsv(second)).isEqualTo(GreenReport.monthsCsv(first));
        assertThat(GreenReport.dividendsCsv(second)).isEqualTo(GreenReport.dividendsCsv(first));
        assertThat(GreenSimulation.run(scenario.withSeed(6))).isNotEqualTo(first);
    }

    @Test
    void theReportReconcilesWithTheLedgerExactly() throws Exception {
        GreenScenario scenario = scenario("");
        GreenRun run = new GreenRun(scenario, scenario.variants().get(0));
        GreenResult result = run.run();
        Engine engine = run.engine();
        GreenResult.MonthRow last = result.totals().last();

        assertThat(result.dividends()).extracting(GreenResult.DividendRow::pool).contains("consumer", "merchant");
        long cash = engine.balance(AccountType.SETTLEMENT_CENTRE, null);
        long vouchersHeld = 0;
        long coinsHeld = 0;
        for (Balance b : engine.balances()) {
            if (b.type() == AccountType.USER_VOUCHER || b.type() == AccountType.MERCHANT_VOUCHER
                    || b.type() == AccountType.VOUCHER_ESCROW) {
                vouchersHeld += b.amount();
            } else if (b.type() == AccountType.USER_COIN) {
                coinsHeld += b.amount();
            }
        }
        assertThat(last.centreCashFen()).isEqualTo(cash);
        assertThat(last.vouchersOutstandingFen()).isEqualTo(vouchersHeld).isPositive();
        assertThat(last.coinsOutstandingFen()).isEqualTo(coinsHeld).isPositive();
        assertThat(last.coveragePpm()).isEqualTo(Math.floorDiv(cash * 1_000_000, vouchersHeld + coinsHeld));
        // Vouchers issued = dividends + bound-merchant vouchers (rules 4, 5); the dividends are the timeline's.
        assertThat(last.dividendVouchersFen())
                .isEqualTo(result.dividends().stream().mapToLong(GreenResult.DividendRow::vouchersFen).sum());
        // Outstanding = issued − spent on store orders (rule 6; every order here has settled by the last tick).
        assertThat(run.vouchersSpent()).isPositive();
        assertThat(-engine.balance(AccountType.VOUCHER_ISSUANCE, null) + run.vouchersSpent())
                .isEqualTo(last.dividendVouchersFen() + last.boundVouchersFen());
        // Every consumer's dividend vouchers are in some cohort; the cohorts count every consumer.
        assertThat(result.cohorts().stream().mapToInt(GreenResult.CohortYield::consumers).sum())
                .isEqualTo(last.consumers());
        assertThat(result.totals().refused()).isZero();
    }

    /**
     * Rule 4: a lot retires at its cap or after periodsMax periods; the report counts those that reached the cap.
     * With growth 1% every dividend is on time (scale 1), so the schedule and rounding decide. 50% a period: an
     * even lot reaches 1× at period 2 (early), an odd one is 1 short then and reaches it at period 3 (its last), so
     * every lot retires at the cap. 30% + 30% + 40% sums to 1× but each payment is rounded down: only lots whose
     * points are a multiple of 0.10 reach it ("rounding … may leave a lot short"). 10% × 3 never does.
     */
    @Test
    void lotsRetiredAndTheShareAtTheCap() throws Exception {
        GreenResult half = shortSchedule("[50%, 50%, 50%]");
        assertThat(half.dividends()).allSatisfy(d -> assertThat(d.scalePpm()).isEqualTo(1_000_000L));
        assertThat(half.totals().lotsRetired()).isPositive();
        assertThat(half.totals().lotsAtCap()).isEqualTo(half.totals().lotsRetired());
        assertThat(half.totals().atCapSharePpm()).isEqualTo(1_000_000L);

        GreenResult rounded = shortSchedule("[30%, 30%, 40%]");
        assertThat(rounded.dividends()).allSatisfy(d -> assertThat(d.scalePpm()).isEqualTo(1_000_000L));
        assertThat(rounded.totals().lotsAtCap()).isPositive().isLessThan(rounded.totals().lotsRetired() / 5);

        GreenResult never = shortSchedule("[10%, 10%, 10%]");
        assertThat(never.totals().lotsRetired()).isPositive();
        assertThat(never.totals().lotsAtCap()).isZero();
        assertThat(never.totals().atCapSharePpm()).isZero();
    }

    private GreenResult shortSchedule(String rates) throws Exception {
        Path plan = smallPlan();
        String text = Files.readString(plan, StandardCharsets.UTF_8).replace("growth: 15%", "growth: 1%")
                .replace("rate: 0.5%, cap: 5, periodsMax: 40", "rates: " + rates + ", cap: 1, periodsMax: 3");
        Files.writeString(plan, text, StandardCharsets.UTF_8);
        GreenScenario scenario = GreenScenarioReader.read(PlanFiles.loadTree("name: short\nplan: small-green.yaml\n"
                + "horizonMonths: 3\nconsumers: {initial: 200, newPerMonth: 100}\nstores: {count: 10}\n"
                + "payments: {perConsumerPerMonth: 4, amountMin: 50.00, amountMax: 800.00}\n"), folder);
        return GreenSimulation.run(scenario).get(0);
    }

    /** The simulate command runs a green scenario and writes its report; the sweep refuses it (exit 2, nothing). */
    @Test
    void theSimulateCommandDispatchesAndTheSweepRefuses() throws Exception {
        smallPlan();
        Path file = folder.resolve("small.yaml");
        Files.writeString(file, "name: small\nplan: small-green.yaml\nhorizonMonths: 2\nconsumers: {initial: 100}\n"
                + "compare: [{name: cap, dividendCap: 2%}]\n", StandardCharsets.UTF_8);
        Path out = folder.resolve("out");
        java.io.ByteArrayOutputStream stdout = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream stderr = new java.io.ByteArrayOutputStream();
        int code = org.zengzhi.cli.Main.run(new String[] {"simulate", file.toString(), "--out", out.toString()},
                java.io.InputStream.nullInputStream(), stdout, stderr);
        assertThat(code).as(stderr.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("green points, 2 variants × 2 months");
        assertThat(Files.readString(out.resolve("report.html"))).contains("绿色积分模拟报告", "<th>覆盖率</th>", "<th>达封顶</th>");
        assertThat(Files.readAllLines(out.resolve("green-compare.csv"))).hasSize(3);

        Path sweepOut = folder.resolve("sweep");
        code = org.zengzhi.cli.Main.run(new String[] {"sweep", file.toString(), "--out", sweepOut.toString(),
            "--alpha", "0.5,0.6"}, java.io.InputStream.nullInputStream(), stdout, stderr);
        assertThat(code).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("the sweep does not run green-points scenarios");
        assertThat(sweepOut).doesNotExist();

        code = org.zengzhi.cli.Main.run(new String[] {"simulate", file.toString(), "--out", out.toString(), "--paths",
            "3"}, java.io.InputStream.nullInputStream(), stdout, stderr);
        assertThat(code).isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("--paths: a green-points scenario runs one path");
    }
}

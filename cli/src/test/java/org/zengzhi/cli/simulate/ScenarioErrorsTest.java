package org.zengzhi.cli.simulate;

import org.zengzhi.simulator.*;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zengzhi.cli.simulate.SimulateTest.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Scenario values the engine would refuse in the middle of a run are refused when the file is read: exit code 2,
 * the field named, nothing written (they used to stop the run with exit code 1, "the engine rejected simulated
 * command", which docs/simulator.md reserves for a broken conservation, or with a stack trace).
 */
class ScenarioErrorsTest {
    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            regions: [{code: "440106", commission: 50%}]                      | regions[0].commission: must be within the plan's split.store.commission, 3% to 20%, not 50%
            regions: [{code: "440106", commission: 1%}]                       | regions[0].commission: must be within the plan's split.store.commission, 3% to 20%
            orders: {amount: {value: 20000000000.00}}                         | orders.amount.value: must be from 0.01 to 10000000000.00, not 20000000000.00
            orders: {amount: {distribution: uniform, min: 1.00, max: 10000000000.01}} | orders.amount.max: must be from 0.01 to 10000000000.00, not 10000000000.01
            orders: {amount: {distribution: uniform, max: 5.00}}              | orders.amount.min: is required
            orders: {amount: {distribution: choices, choices: [{weight: 2}]}} | orders.amount.choices[0].amount: is required
            subsidies: [{month: 1}]                                           | subsidies[0].amount: is required
            subsidies: [{amount: 10.00}]                                      | subsidies[0].month: is required
            subsidies: [{month: 1, amount: 20000000000.00}]                   | subsidies[0].amount: must be from 0.01 to 10000000000.00, not 20000000000.00
            sellOffs: [{share: 50%}]                                          | sellOffs[0].month: is required
            population: {growth: [{curve: constant, newUsers: 5, capacity: 100}]} | population.growth[0].capacity: unknown key; population.growth[0] takes curve, months, newUsers
            population: {growth: [{curve: stop, newUsers: 5}]}                | population.growth[0].newUsers: unknown key
            population: {growth: [{curve: logistic, rate: 50%}]}               | population.growth[0].capacity: is required for a logistic curve
            population: {growth: [{curve: logistic, rate: 50%, capacity: 0}]}  | population.growth[0].capacity: must be between 1 and
            population: {growth: [{curve: decline, newUsers: 5, increase: 1}]} | population.growth[0].increase: unknown key
            population: {growth: [{curve: linear, newUsers: 5}]}              | population.growth[0].increase: is required for a linear curve
            orders: {amount: {value: 10.00, min: 5.00}}                       | orders.amount.min: unknown key; a fixed amount takes distribution, value
            orders: {amount: {distribution: uniform, min: 1.00, max: 5.00, value: 2.00}} | orders.amount.value: unknown key; a uniform amount takes distribution, max, min
            regions: [{code: "440106"}, {code: "440106"}]                     | regions[1].code: region 440106 is listed twice
            regions: [{code: "440106", agents: [district, city, district]}]   | regions[0].agents[2]: district is listed twice
            regions: [{code: "440100", agents: [district]}]                   | regions[0].agents[0]: region 440100 is a city: its path has no district (it takes city, province)
            plan: .                                                           | plan: cannot read the plan file
            """)
    void aValueTheEngineWouldRefuseIsNamedWithExitCode2AndNothingIsWritten(String line, String message)
            throws IOException {
        Path scenario = temp.resolve("scenario.yaml");
        String plan = "plan: " + SimulateTest.RESOURCES.toAbsolutePath().resolve("../../../../../plans/local-life.yaml")
                .normalize() + "\n";
        String population = line.startsWith("population:") ? "" : "population: {initial: 5}\n";
        Files.writeString(scenario, (line.startsWith("plan:") ? "" : plan) + "paths: 1\nhorizonMonths: 3\n" + population
                + line + "\n");
        Path out = temp.resolve("out");
        SimulateTest.Run run = cli("simulate", scenario.toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
        assertThat(run.stderr()).contains(message).doesNotContain("Exception").doesNotContain("rejected");
        assertThat(out).doesNotExist();
    }

    @Test
    void anOutputPathThroughAFileIsRefusedBeforeTheRun() throws IOException {
        Path file = Files.writeString(temp.resolve("a-file"), "");
        for (String command : new String[] { "simulate", "sweep" }) {
            for (Path out : new Path[] { file, file.resolve("report") }) {
                String scenario = SimulateTest.RESOURCES.resolve("seed-002-table.yaml").toString();
                SimulateTest.Run run = command.equals("sweep") ? cli(command, scenario, "--out", out.toString(), "--k", "2")
                        : cli(command, scenario, "--out", out.toString());
                assertThat(run.exitCode()).as(command + " " + run.stderr()).isEqualTo(2);
                assertThat(run.stderr()).contains("--out").contains("is not a folder").doesNotContain("Exception");
            }
        }
        assertThat(file).isEmptyFile();
    }

    @Test
    void aReportNameTakenByTheOtherKindIsRefusedBeforeTheRun() throws IOException {
        String scenario = SimulateTest.RESOURCES.resolve("seed-002-table.yaml").toString();
        Path out = temp.resolve("out");
        Files.createDirectories(out.resolve("report.html"));
        SimulateTest.Run run = cli("simulate", scenario, "--out", out.toString());
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
        assertThat(run.stderr()).contains("report.html is a folder").doesNotContain("Exception");
        Path other = temp.resolve("other");
        Files.createDirectories(other);
        Files.writeString(other.resolve("series"), "");
        run = cli("simulate", scenario, "--out", other.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("series is a file");
        assertThat(other.resolve("summary.txt")).doesNotExist();
        run = cli("simulate", temp.toString(), "--out", temp.resolve("x").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("is a folder, not a scenario file").doesNotContain("Exception");
    }

    @Test
    void figuresTooLargeForAPathAreABadScenarioNotACrash() throws IOException {
        // Each field is within its limits; their product is not: ten billion yuan an order, every holder
        // selling every month, takes the pool's price past what 64-bit integers hold (R-1.4 keeps it exact).
        Path scenario = temp.resolve("large.yaml");
        Files.writeString(scenario, "plan: " + SimulateTest.RESOURCES.toAbsolutePath().resolve("../../../../../plans/mall.yaml")
                .normalize() + "\npaths: 1\nhorizonMonths: 12\npopulation: {initial: 100}\n"
                + "orders: {amount: {value: 10000000000.00}}\nselling: {share: 100%}\n");
        Path out = temp.resolve("out");
        SimulateTest.Run run = cli("simulate", scenario.toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
        assertThat(run.stderr()).contains("outgrows 64-bit integers").contains("nothing was written")
                .doesNotContain("Exception");
        assertThat(out).doesNotExist();
    }
}

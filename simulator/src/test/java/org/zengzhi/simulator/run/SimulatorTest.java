package org.zengzhi.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.zengzhi.simulator.ReportLanguage;
import org.zengzhi.simulator.fields.ScenarioException;

/** The one front the console uses: any model's scenario, with overrides, gives the report and its figures. */
class SimulatorTest {
    private static final Path SCENARIOS = Path.of("../scenarios").toAbsolutePath().normalize();
    private static final Simulator.Overrides NONE = new Simulator.Overrides(null, null, null, null);

    @Test
    void singleCityGivesTheSeedsFiguresR76() throws Exception {
        Object tree = Simulator.load(SCENARIOS.resolve("single-city.yaml"));
        Simulator.Report report = Simulator.run(tree, SCENARIOS, NONE);
        assertThat(report.model()).isEqualTo(Simulator.Model.FOUR_PARTY);
        assertThat(report.figures()).contains(new Simulator.Figure("gmv", "2026-02", "1,500,000.00"),
                new Simulator.Figure("supplierProfit", "2026-02", "375,000.00"));
        assertThat(report.html(ReportLanguage.ZH)).contains("<td>供应商利润</td><td class=\"n\">375,000.00</td>");
        assertThat(report.html(ReportLanguage.EN)).contains("<td>supplier profit</td><td class=\"n\">375,000.00</td>");
    }

    @Test
    void overridesReachTheScenarioAndABadOneNamesItsField() throws Exception {
        Object tree = Simulator.load(SCENARIOS.resolve("single-city.yaml"));
        Simulator.Report smaller = Simulator.run(tree, SCENARIOS, new Simulator.Overrides(3L, null, 1000, null));
        assertThat(smaller.figures()).contains(new Simulator.Figure("gmv", "2026-02", "150,000.00"));
        assertThatThrownBy(() -> Simulator.run(tree, SCENARIOS, new Simulator.Overrides(null, 0, null, null)))
                .isInstanceOf(ScenarioException.class).hasMessage("months: must be between 1 and 60, not 0");
        assertThat(Simulator.model(Simulator.load(SCENARIOS.resolve("mall-steady.yaml")), SCENARIOS))
                .isEqualTo(Simulator.Model.POOL);
    }

    @Test
    void everyPlanPresetRunsWithTheDefaultPopulation(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        for (String plan : java.util.List.of("local-life.yaml", "green-points.yaml", "four-party.yaml")) {
            Path file = dir.resolve(plan);
            java.nio.file.Files.copy(Path.of("../plans").resolve(plan), file);
            Simulator.Prepared prepared = Simulator.prepare(Simulator.defaults(file), dir, NONE);
            Simulator.Report report = prepared.run();
            assertThat(report.figures()).as(plan).isNotEmpty();
            for (ReportLanguage lang : ReportLanguage.values()) {
                assertThat(report.html(lang)).as(plan).startsWith("<!DOCTYPE html>");
            }
        }
    }
}

package org.zengzhi.cli.simulate.party;

import org.zengzhi.simulator.party.*;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * Issue 18 deliver 4, SPEC: scenarios/single-city.yaml through {@code zengzhi simulate}; the simulator's own
 * golden (org.zengzhi.simulator.party.SingleCityScenarioGoldenTest) pins the same figures without the command line.
 */
class SingleCitySimulateCommandTest {
    /** The same through {@code zengzhi simulate} (the dispatch hook of SimulateCommand): pnl.csv has the seed's line. */
    @Test
    void theSimulateCommandWritesTheSameFigures(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int code = org.zengzhi.cli.Main.run(new String[] { "simulate", "../scenarios/single-city.yaml", "--out",
            dir.toString() }, new java.io.ByteArrayInputStream(new byte[0]), out, new java.io.ByteArrayOutputStream());
        assertThat(code).isZero();
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("four-party, 1 month, 10000 orders");
        assertThat(java.nio.file.Files.readAllLines(dir.resolve("pnl.csv"))).element(1).isEqualTo("2026-02,1500000.00,"
                + "90000.00,100000.00,190000.00,120000.00,180000.00,375000.00,100000.00,90000.00,0.00,0.00,825000.00,"
                + "450000.00,285000.00,0.00,0.00,0.00,0.00,0.00,0.00,0.00,6000.00,381000.00");
        assertThat(dir.resolve("report.html")).exists();
    }

}

package org.zengzhi.cli.simulate.party;

import org.zengzhi.simulator.party.*;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zengzhi.cli.Main;

/**
 * Issue 18 deliver 5: the rebate × commission sweep of the single-city scenario. The seed's net stays
 * 90,000.00 in every cell (rebate and commission come out of the price); the unallocated margin falls by
 * 1,500,000.00 × the step of either rate; the reserve backs CONTRIB fully; a cell whose parts exceed the price
 * is refused with the plan's reason.
 */
class PartySweepTest {
    @TempDir
    Path dir;

    @Test
    void rebateTimesCommissionOfTheSingleCity() throws Exception {
        Path out = dir.resolve("sweep");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        int code = run(stdout, "sweep", "../scenarios/single-city.yaml", "--out", out.toString(), "--rebate", "8%,10%",
                "--commission", "12%,40%");
        assertThat(code).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("4 combinations");
        assertThat(Files.readAllLines(out.resolve("sweep.csv"))).startsWith(
                "rebate,commission,platformNet,unallocated,contribCoveragePpm,platformResult,refused",
                "8%,12%,90000.00,285000.00,1000000,381000.00,")
                .contains("10%,12%,90000.00,255000.00,1000000,352500.00,")
                .anySatisfy(line -> assertThat(line).startsWith("8%,40%,,,,,").contains("fourParty.commission"));
        assertThat(Files.readString(out.resolve("sweep.html"))).contains("平台净利润").contains("90,000.00")
                .contains("拒绝：");
    }

    @Test
    void theRatesSweepOnlyFourPartyScenarios() {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] { "sweep", "../scenarios/mall-steady.yaml", "--out", dir.toString(),
            "--rebate", "8%" }, new ByteArrayInputStream(new byte[0]), stdout, err);
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--rebate: sweeps a four-party scenario");
    }

    private static int run(ByteArrayOutputStream stdout, String... args) {
        return Main.run(args, new ByteArrayInputStream(new byte[0]), stdout, new ByteArrayOutputStream());
    }
}

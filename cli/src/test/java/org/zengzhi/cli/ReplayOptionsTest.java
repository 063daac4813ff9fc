package org.zengzhi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Options are parsed exactly; a bad value stops before any input is read, naming the option. */
class ReplayOptionsTest {
    private static final String ONE_ORDER =
            "{\"type\":\"order\",\"id\":\"o1\",\"at\":\"2026-01-01T10:00:00Z\",\"user\":\"u1\",\"amount\":\"1000.00\","
                    + "\"poolShare\":\"300.00\"}\n";

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "--mint-ratio, 0",
        "--mint-ratio, 1.01",
        "--mint-ratio, 0.1234567",
        "--mint-ratio, 0.7e0",
        "--mint-ratio, -0.5",
        "--mint-ratio, seventy",
        "--payout-ratio, 1.5",
        "--payout-ratio, -0.1",
        "--exit-multiple, 0",
        "--exit-multiple, -3",
        "--exit-multiple, 3e0",
        "--exit-multiple, 1.0000001",
        "--initial-price, 0",
        "--initial-price, 0.00",
        "--initial-price, -1",
        "--initial-price, 1e2",
        "--initial-price, 99999999999999999999",
    })
    void badValueExitsWithTwoNamingTheOption(String option, String value) {
        CliRun run = CliRun.replay(ONE_ORDER, option + "=" + value);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("Invalid value for option '" + option + "'").contains(value);
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void mintRatioChangesTheMint() {
        CliRun run = CliRun.replay(ONE_ORDER, "--mint-ratio", "0.5");

        assertThat(run.events("minted").get(0).get("points").asString()).isEqualTo("150.000000");
    }

    @Test
    void initialPriceChangesTheFirstMint() {
        CliRun run = CliRun.replay(ONE_ORDER, "--initial-price", "2.00");

        assertThat(run.events("minted").get(0).get("points").asString()).isEqualTo("105.000000");
    }

    @Test
    void payoutRatioOfZeroAndOneAreAllowed() {
        String log = ONE_ORDER
                + "{\"type\":\"sell\",\"id\":\"s1\",\"at\":\"2026-01-01T11:00:00Z\",\"user\":\"u1\",\"points\":\"21\"}\n";

        assertThat(CliRun.replay(log, "--payout-ratio", "0").events("sold").get(0).get("payout").asString())
                .isEqualTo("0.00");
        assertThat(CliRun.replay(log, "--payout-ratio", "1").events("sold").get(0).get("payout").asString())
                .isEqualTo("30.00");
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun run = CliRun.replay(ONE_ORDER, "--mint-rate=0.7");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("--mint-rate");
    }

    @Test
    void helpAndVersion() {
        CliRun help = CliRun.run("", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.stdout()).contains("replay");

        CliRun replayHelp = CliRun.run("", "replay", "--help");
        assertThat(replayHelp.exitCode()).isZero();
        assertThat(replayHelp.stdout()).contains("--mint-ratio", "--payout-ratio", "--exit-multiple",
                "--initial-price");

        CliRun version = CliRun.run("", "--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.stdout()).startsWith("zengzhi ").doesNotContain("unknown");
    }

    @Test
    void noSubcommandIsAUsageError() {
        CliRun run = CliRun.run("");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("Missing subcommand");
    }
}

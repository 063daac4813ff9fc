package org.zengzhi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code zengzhi plan check FILE}: exit 0 valid, 1 valid with warnings, 2 invalid (issue 3, R-4.6, R-9.3). */
class PlanCheckCommandTest {
    @TempDir
    Path dir;

    private CliRun check(String yaml) throws IOException {
        Path file = dir.resolve("plan.yaml");
        Files.writeString(file, yaml);
        return CliRun.run("", "plan", "check", file.toString());
    }

    @Test
    void presetsAreValidWithTheirComplianceWarnings() {
        CliRun localLife = CliRun.run("", "plan", "check", "../plans/local-life.yaml");
        assertThat(localLife.exitCode()).isEqualTo(1);
        assertThat(localLife.stdout()).contains("SECOND_PAID_LEVEL").contains("禁止传销条例");
        CliRun mall = CliRun.run("", "plan", "check", "../plans/mall.yaml");
        assertThat(mall.exitCode()).isEqualTo(1);
        assertThat(mall.stdout()).contains("RETURN_ABOVE_PRINCIPAL");
    }

    @Test
    void aPlanWithoutRiskyFeaturesIsCleanlyValid() throws IOException {
        CliRun run = check("referral: {direct: 0.3%, indirect: 0%}\npool: {exitMultiple: 1.2}\n"
                + "split: {store: {commission: {default: 20%, min: 20%, max: 20%}}}\n");
        assertThat(run.exitCode()).as(run.stdout() + run.stderr()).isZero();
    }

    @Test
    void everyErrorIsReportedAtOnceNamingItsField() throws IOException {
        CliRun run = check("referral:\n  direct: 1.5%\n  indirect: 1%\npool:\n  mintRatio: 170%\n  bogus: 1\n");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("pool.mintRatio").contains("pool.bogus")
                .contains("referral.direct: 1.5% + referral.indirect: 1%").contains("exceed split.store.distribution 2%");
    }

    @Test
    void numbersStayExactTextAndBrokenYamlIsAnError() throws IOException {
        assertThat(check("pool: {exitMultiple: 1.2}\n").exitCode()).isLessThan(2);
        CliRun broken = check("pool: [unclosed\n");
        assertThat(broken.exitCode()).isEqualTo(2);
        assertThat(broken.stderr()).contains("YAML");
        assertThat(CliRun.run("", "plan", "check", dir.resolve("missing.yaml").toString()).exitCode()).isEqualTo(2);
    }
}

package org.zengzhi.cli.simulate.party;

import org.zengzhi.simulator.fields.ScenarioException;
import org.zengzhi.simulator.party.*;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.zengzhi.cli.Main;

/** A four-party scenario that cannot run names the field at fault, and the simulator writes nothing. */
class PartyScenarioErrorsTest {
    @TempDir
    Path dir;

    private Path scenario(String body) throws Exception {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, "model: fourParty\nplan: " + Path.of("../plans/four-party.yaml").toAbsolutePath()
                + "\n" + body, StandardCharsets.UTF_8);
        return file;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "suppliers: {count: 2}                                   | suppliers.price",
        "suppliers: {count: 2, price: 0.00}                      | suppliers.price",
        "suppliers: {count: 2, price: 1.00, cost: 2.00}          | suppliers.cost",
        "suppliers: {count: 2, price: 1.005}                     | suppliers.price",
        "suppliers: {count: 0, price: 1.00}                      | suppliers.count",
        "suppliers: {price: 1.00}\\nconsumers: {count: x}          | consumers.count",
        "suppliers: {price: 1.00}\\nrisk: {farmShare: 120%}        | risk.farmShare",
        "suppliers: {price: 1.00}\\npromoters: {count: 5, leaders: 6} | promoters.leaders",
        "suppliers: {price: 1.00}\\nmonths: 0                      | months",
        "suppliers: {price: 1.00}\\nstart: 2026-13                 | start",
        "suppliers: {price: 1.00}\\noperatingCost: -1.00           | operatingCost",
        "suppliers: {price: 1.00}\\npaths: 4                       | paths",
        "suppliers: {price: 10000000.01}                          | suppliers.price",
        "suppliers: {price: 1.00}\\nconsumers: {count: 1000000, ordersPerMonth: 3} | consumers.ordersPerMonth",
        "suppliers: nine                                         | suppliers" })
    void anUnusableFieldIsNamed(String body, String field) throws Exception {
        Path file = scenario(body.replace("\\n", "\n"));
        assertThatThrownBy(() -> PartyScenarioReader.read(file)).isInstanceOf(ScenarioException.class)
                .satisfies(e -> assertThat(((ScenarioException) e).field()).isEqualTo(field));
    }

    @Test
    void aPlanWithoutTheFourPartySectionIsRefusedNamingPlan() throws Exception {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, "model: fourParty\nplan: " + Path.of("../plans/mall.yaml").toAbsolutePath()
                + "\nsuppliers: {price: 1.00}\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> PartyScenarioReader.read(file)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("plan: ").hasMessageContaining("no fourParty section");
    }

    @Test
    void theSimulateCommandExitsTwoAndWritesNothing() throws Exception {
        Path file = scenario("suppliers: {count: 2, price: 1.00, cost: 2.00}\n");
        Path out = dir.resolve("out");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] { "simulate", file.toString(), "--out", out.toString() },
                new java.io.ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), err);
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("suppliers.cost: must not exceed suppliers.price");
        assertThat(out).doesNotExist();
    }
}

package org.zengzhi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The seed tables of SPEC, replayed through the command line. */
class ReplayGoldenTest {

    private static List<String> values(List<JsonNode> lines, String field) {
        return lines.stream().map(line -> line.get(field).asString()).toList();
    }

    @Test
    void seed002MallTableR33() {
        CliRun run = CliRun.replayResource("seed-002-mall.jsonl");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stderr()).isEmpty();
        assertThat(values(run.events("minted"), "points")).containsExactly("210.000000", "147.000000", "124.950000");
        assertThat(values(run.events("price"), "price")).containsExactly("1.4286", "1.6807", "1.8674");
        assertThat(values(run.events("price"), "poolCash")).containsExactly("300.00", "600.00", "900.00");
        assertThat(values(run.events("price"), "circulatingPoints"))
                .containsExactly("210.000000", "357.000000", "481.950000");
        JsonNode state = run.state();
        assertThat(state.get("poolCash").asString()).isEqualTo("900.00");
        assertThat(state.get("circulatingPoints").asString()).isEqualTo("481.950000");
        assertThat(state.get("price").asString()).isEqualTo("1.8674");
        assertThat(values(list(state.get("holders")), "user")).containsExactly("u1", "u2", "u3");
    }

    @Test
    void seed001LocalLifeTableR33() {
        CliRun run = CliRun.replayResource("seed-001-local-life.jsonl", "--exit-multiple", "1.2");

        assertThat(run.exitCode()).isZero();
        assertThat(values(run.events("minted"), "points")).containsExactly("112.000000", "78.400000", "66.640000");
        assertThat(values(run.events("price"), "price")).containsExactly("1.4286", "1.6807", "1.8674");
        assertThat(run.state().get("poolCash").asString()).isEqualTo("480.00");
    }

    /** at p = 9.5238 the 210 points are worth 2000.00, pay 1600.00, and 400.00 stays in the pool. */
    @Test
    void saleOf2000Pays1600AndLeaves400R34() {
        CliRun run = CliRun.replayResource("sale-2000.jsonl");

        assertThat(run.exitCode()).isZero();
        assertThat(run.ofCommand("x1").get(1).get("price").asString()).isEqualTo("9.5238");
        JsonNode sold = run.events("sold").get(0);
        assertThat(sold.get("command").asString()).isEqualTo("s1");
        assertThat(sold.get("user").asString()).isEqualTo("u1");
        assertThat(sold.get("points").asString()).isEqualTo("210.000000");
        assertThat(sold.get("gross").asString()).isEqualTo("2000.00");
        assertThat(sold.get("payout").asString()).isEqualTo("1600.00");
        JsonNode state = run.state();
        assertThat(state.get("poolCash").asString()).isEqualTo("400.00");
        assertThat(state.get("circulatingPoints").asString()).isEqualTo("0.000000");
        // with no point left the price stays at the last one.
        assertThat(state.get("price").asString()).isEqualTo("9.5238");
        JsonNode holder = state.get("holders").get(0);
        assertThat(holder.get("cash").asString()).isEqualTo("1600.00");
        assertThat(holder.get("cycleRealized").asString()).isEqualTo("2000.00");
        assertThat(holder.get("paidOut").asString()).isEqualTo("1600.00");
    }

    static List<JsonNode> list(JsonNode array) {
        return array.valueStream().toList();
    }
}

package org.zengzhi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Forced exits (强制出局, SPEC) seen through replay output: each exit must come on exactly the
 * command whose price line first reaches the holder's threshold k·spend / points. The thresholds are
 * compared exactly from the printed poolCash and circulatingPoints, because the 4-decimal display can
 * read 14.2857 on both sides of 3000/210.
 */
class ReplayExitTest {

    /** The command of the first price line whose exact price is at least spend·k / points. */
    private static String firstCrossing(CliRun run, String spendTimesK, String points) {
        BigDecimal threshold = new BigDecimal(spendTimesK);
        BigDecimal held = new BigDecimal(points);
        for (JsonNode price : run.events("price")) {
            BigDecimal cash = new BigDecimal(price.get("poolCash").asString());
            BigDecimal circulating = new BigDecimal(price.get("circulatingPoints").asString());
            if (cash.multiply(held).compareTo(threshold.multiply(circulating)) >= 0) {
                return price.get("command").asString();
            }
        }
        return null;
    }

    private static JsonNode exitOf(CliRun run, String user) {
        List<JsonNode> exits = run.events("exited").stream()
                .filter(exit -> exit.get("user").asString().equals(user)).toList();
        assertThat(exits).as("exits of " + user).hasSize(1);
        return exits.get(0);
    }

    /** The price line just before the exit: the one that made the holder due. */
    private static JsonNode priceBefore(CliRun run, JsonNode exit) {
        List<JsonNode> lines = run.lines();
        int index = lines.indexOf(exit);
        for (int i = index - 1; i >= 0; i--) {
            if (lines.get(i).get("event").asString().equals("price")) {
                return lines.get(i);
            }
        }
        throw new AssertionError("no price line before " + exit);
    }

    @Test
    void mallExitsAtKThreeOnTheCrossingCommandsR35() {
        CliRun run = CliRun.replayResource("exits-mall-k3.jsonl", "--exit-multiple", "3");
        assertThat(run.exitCode()).isZero();

        JsonNode u1 = exitOf(run, "u1");
        assertThat(u1.get("command").asString()).isEqualTo("x3").isEqualTo(firstCrossing(run, "3000", "210"));
        assertThat(priceBefore(run, u1).get("price").asString()).isEqualTo("14.2857");
        // One fen earlier the display already read 14.2857, yet the exact price was below 3000/210.
        assertThat(run.ofCommand("x2").get(1).get("price").asString()).isEqualTo("14.2857");
        assertThat(run.ofCommand("x2")).noneMatch(line -> line.get("event").asString().equals("exited"));
        assertThat(u1.get("gross").asString()).isEqualTo("3000.00");
        assertThat(u1.get("payout").asString()).isEqualTo("2400.00");
        assertThat(u1.get("cycleSpend").asString()).isEqualTo("1000.00");
        assertThat(u1.get("exits").asInt()).isEqualTo(1);

        // u2 is made due by an order, not a subsidy: the mint's increment fund lifts the price.
        JsonNode u2 = exitOf(run, "u2");
        assertThat(u2.get("command").asString()).isEqualTo("o5").isEqualTo(firstCrossing(run, "3000", "147"));
        assertThat(priceBefore(run, u2).get("price").asString()).isEqualTo("20.4082");

        // u2's exit lifts the price past u3's threshold, so u3 exits in the same command.
        JsonNode u3 = exitOf(run, "u3");
        assertThat(u3.get("command").asString()).isEqualTo("o5").isEqualTo(firstCrossing(run, "3000", "124.95"));
        assertThat(run.events("exited")).hasSize(3);
    }

    @Test
    void localLifeExitsAtKOnePointTwoR35() {
        CliRun run = CliRun.replayResource("exits-local-life-k1.2.jsonl", "--exit-multiple", "1.2");
        assertThat(run.exitCode()).isZero();

        JsonNode u1 = exitOf(run, "u1");
        assertThat(u1.get("command").asString()).isEqualTo("x2").isEqualTo(firstCrossing(run, "1200", "112"));
        assertThat(priceBefore(run, u1).get("price").asString()).isEqualTo("10.7143");
        assertThat(run.ofCommand("x1").get(1).get("price").asString()).isEqualTo("10.7142");
        assertThat(u1.get("gross").asString()).isEqualTo("1200.00");
        assertThat(u1.get("payout").asString()).isEqualTo("960.00");
        assertThat(run.events("exited")).hasSize(1);
        JsonNode holder = run.state().get("holders").get(0);
        assertThat(holder.get("user").asString()).isEqualTo("u1");
        assertThat(holder.get("exits").asInt()).isEqualTo(1);
        assertThat(holder.get("points").asString()).isEqualTo("0.000000");
        assertThat(holder.get("cycleSpend").asString()).isEqualTo("0.00");
    }

    @Test
    void withTheDefaultKThreeTheLocalLifeLogHasNoExit() {
        CliRun run = CliRun.replayResource("exits-local-life-k1.2.jsonl");

        assertThat(run.events("exited")).isEmpty();
    }
}

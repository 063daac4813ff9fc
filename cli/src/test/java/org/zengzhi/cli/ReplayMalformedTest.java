package org.zengzhi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * A malformed line stops the run with exit code 2, names its line and field on stderr, and nothing after
 * it runs: no events of later lines and no state line.
 */
class ReplayMalformedTest {
    private static final String ORDER_1 =
            "{\"type\":\"order\",\"id\":\"o1\",\"at\":\"2026-01-01T10:00:00Z\",\"user\":\"u1\",\"amount\":\"1000.00\","
                    + "\"poolShare\":\"300.00\"}";
    private static final String ORDER_9 =
            "{\"type\":\"order\",\"id\":\"o9\",\"at\":\"2026-01-01T12:00:00Z\",\"user\":\"u9\",\"amount\":\"1000.00\","
                    + "\"poolShare\":\"300.00\"}";

    /** Line 1 runs, line 2 is blank, line 3 is the bad one, line 4 must not run. */
    private static CliRun replayWithBadThirdLine(String badLine) {
        return CliRun.replay(String.join("\n", ORDER_1, "", badLine, ORDER_9) + "\n");
    }

    private static void assertStoppedAtLine3(CliRun run, String expectedMessage) {
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr().strip()).isEqualTo(expectedMessage);
        List<String> commands = run.lines().stream().map(line -> line.get("command").asString()).toList();
        assertThat(commands).containsOnly("o1").isNotEmpty();
        assertThat(run.stdout()).doesNotContain("\"state\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "too many CNY decimals | `{\"type\":\"order\",\"id\":\"o2\",\"at\":\"2026-01-01T11:00:00Z\",\"user\":\"u2\",\"amount\":\"1.001\",\"poolShare\":\"0\"}` | `line 3: field \"amount\": has more than 2 decimals: \"1.001\"`",
        "too many CNY decimals in a JSON number | `{\"type\":\"subsidy\",\"id\":\"x\",\"at\":\"2026-01-01T11:00:00Z\",\"amount\":1.001}` | `line 3: field \"amount\": has more than 2 decimals: \"1.001\"`",
        "too many point decimals | `{\"type\":\"sell\",\"id\":\"s\",\"at\":\"2026-01-01T11:00:00Z\",\"user\":\"u1\",\"points\":\"1.0000001\"}` | `line 3: field \"points\": has more than 6 decimals: \"1.0000001\"`",
        "exponent | `{\"type\":\"subsidy\",\"id\":\"x\",\"at\":\"2026-01-01T11:00:00Z\",\"amount\":1e3}` | `line 3: field \"amount\": is not a decimal number: \"1e3\"`",
        "missing pool share | `{\"type\":\"order\",\"id\":\"o2\",\"at\":\"2026-01-01T11:00:00Z\",\"user\":\"u2\",\"amount\":\"10\"}` | `line 3: field \"poolShare\": is missing`",
        "missing user | `{\"type\":\"sell\",\"id\":\"s\",\"at\":\"2026-01-01T11:00:00Z\",\"points\":\"1\"}` | `line 3: field \"user\": is missing`",
        "user not a string | `{\"type\":\"sell\",\"id\":\"s\",\"at\":\"2026-01-01T11:00:00Z\",\"user\":7,\"points\":\"1\"}` | `line 3: field \"user\": must be a string, not 7`",
        "amount as boolean | `{\"type\":\"subsidy\",\"id\":\"x\",\"at\":\"2026-01-01T11:00:00Z\",\"amount\":true}` | `line 3: field \"amount\": must be a decimal string or number, not true`",
        "amount as null | `{\"type\":\"subsidy\",\"id\":\"x\",\"at\":\"2026-01-01T11:00:00Z\",\"amount\":null}` | `line 3: field \"amount\": must be a decimal string or number, not null`",
        "missing id | `{\"type\":\"subsidy\",\"at\":\"2026-01-01T11:00:00Z\",\"amount\":\"1\"}` | `line 3: field \"id\": is missing`",
        "missing at | `{\"type\":\"subsidy\",\"id\":\"x\",\"amount\":\"1\"}` | `line 3: field \"at\": is missing`",
        "bad instant | `{\"type\":\"subsidy\",\"id\":\"x\",\"at\":\"2026-01-01 11:00\",\"amount\":\"1\"}` | `line 3: field \"at\": is not an ISO-8601 instant such as 2026-01-01T10:00:00Z: \"2026-01-01 11:00\"`",
        "missing type | `{\"id\":\"x\",\"at\":\"2026-01-01T11:00:00Z\",\"amount\":\"1\"}` | `line 3: field \"type\": is missing`",
        "unknown type | `{\"type\":\"teleport\",\"id\":\"x\",\"at\":\"2026-01-01T11:00:00Z\"}` | `line 3: field \"type\": unknown command type \"teleport\" (expected one of: order, sell, subsidy, register, merchant, agent, removeAgent, pay, receive, refund, tick, reassign, suspend, bonus, plan, withdraw, reviewWithdrawal, settleWithdrawal, promoter, closeMonth, supplier, product, rate, transfer, redeem, verify, creditScore, escrowStatement, charge, cost, closeYear)`",
        "duplicate field | `{\"type\":\"subsidy\",\"id\":\"x\",\"at\":\"2026-01-01T11:00:00Z\",\"amount\":\"1\",\"amount\":\"2\"}` | `line 3: field \"amount\": appears twice`",
        "not an object | `[1,2]` | `line 3: is not a JSON object`",
        "two objects on one line | `{\"type\":\"subsidy\",\"id\":\"x\",\"at\":\"2026-01-01T11:00:00Z\",\"amount\":\"1\"} {}` | `line 3: has text after the JSON object`",
    })
    void stopsAtTheMalformedLine(String name, String badLine, String expectedMessage) {
        assertStoppedAtLine3(replayWithBadThirdLine(badLine), expectedMessage);
    }

    @Test
    void badJsonNamesTheLine() {
        CliRun run = replayWithBadThirdLine("{\"type\":\"order\",");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).startsWith("line 3: is not valid JSON");
        assertThat(run.stdout()).doesNotContain("o9").doesNotContain("\"state\"");
    }

    @Test
    void aMalformedFirstLineWritesNothing() {
        CliRun run = CliRun.replay("{\"type\":\"order\"}\n" + ORDER_9 + "\n");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr().strip()).isEqualTo("line 1: field \"id\": is missing");
        assertThat(run.stdout()).isEmpty();
    }
}

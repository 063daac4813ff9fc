package org.zengzhi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Withdrawals in the log format, against golden lines: a payout, a second payout answer refused, a
 * reason required to reject, a rejection and a failed payout that give the funds back (and free the daily
 * limit), the minimum, the limit starting again at midnight UTC, and an unknown user.
 */
class ReplayWithdrawalTest {
    private static final String PLAN = "src/test/resources/replay/withdrawals-plan.yaml";

    @Test
    void everyWithdrawalLineMatchesTheGoldenLines() {
        CliRun run = CliRun.replayResource("withdrawals.jsonl", "--plan", PLAN);
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        List<String> lines = Arrays.asList(run.stdout().split("\n"));
        List<String> events = lines.subList(0, lines.size() - 1);
        assertThat(events).containsExactlyElementsOf(
                Arrays.asList(CliRun.resource("withdrawals.expected.jsonl").strip().split("\n")));
    }

    @Test
    void theStateLineShowsTheWalletTheFrozenCashTheFeesAndWhatLeft() {
        JsonNode state = CliRun.replayResource("withdrawals.jsonl", "--plan", PLAN).state();
        assertThat(balance(state, "alice", "USER_CASH")).as("1600.00 − 100.00 paid − 300.00 (w5) − 1200.00 (w7)")
                .isEqualTo("0.00");
        assertThat(balance(state, "alice", "USER_CASH_WITHDRAWING")).as("w5 and w7 are open").isEqualTo("1500.00");
        assertThat(balance(state, null, "PLATFORM_FEES")).as("only w1 was paid: 2.00 minimum fee").isEqualTo("2.00");
        assertThat(balance(state, null, "EXTERNAL_PAYMENTS")).as("2000.00 in, 98.00 out").isEqualTo("-1902.00");
    }

    @Test
    void withdrawalLinesRoundTripAndNameTheirFieldsWhenMalformed() {
        CliRun missing = CliRun.replay("{\"type\":\"settleWithdrawal\",\"withdrawal\":\"w1\"}\n", "--plan", PLAN);
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr()).contains("line 1").contains("\"paid\"").contains("is missing");
        CliRun notBoolean = CliRun.replay("{\"type\":\"reviewWithdrawal\",\"withdrawal\":\"w1\",\"approve\":\"yes\"}\n",
                "--plan", PLAN);
        assertThat(notBoolean.exitCode()).isEqualTo(2);
        assertThat(notBoolean.stderr()).contains("\"approve\"").contains("true or false");
        CliRun noId = CliRun.replay("{\"type\":\"withdraw\",\"user\":\"u\",\"amount\":\"10.00\"}\n", "--plan", PLAN);
        assertThat(noId.exitCode()).as("the withdrawal id is the command id and must be given").isEqualTo(2);
        assertThat(noId.stderr()).contains("\"id\"");
    }

    private static String balance(JsonNode state, String owner, String account) {
        for (JsonNode balance : state.get("balances")) {
            boolean ownerMatches = owner == null ? balance.get("owner").isNull()
                    : owner.equals(balance.get("owner").asString());
            if (ownerMatches && balance.get("account").asString().equals(account)) {
                return balance.get("amount").asString();
            }
        }
        return "0.00";
    }
}

package org.zengzhi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The four-party model (seed 000, issue 18) through the command line: docs/examples/four-party-flow.jsonl,
 * every command of the model in one log, replayed with plans/four-party.yaml; its whole output is pinned,
 * and each rule it shows is asserted on its own so that a change says which rule moved.
 */
class FourPartyReplayGoldenTest {
    private static final String PLAN = "../plans/four-party.yaml";

    private static CliRun flow() throws IOException {
        String log = Files.readString(Path.of("../docs/examples/four-party-flow.jsonl"), StandardCharsets.UTF_8);
        CliRun run = CliRun.replay(log, "--plan", PLAN);
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        return run;
    }

    @Test
    void theReplayIsByteForByteTheGoldenOutput() throws IOException {
        assertThat(flow().stdout()).isEqualTo(CliRun.resource("four-party-flow.out.jsonl"));
    }

    /** Rule 2: fee, rebate, commission, allowance, invite reward, supplier share, margin, rounding: the amount. */
    @Test
    void eachSettlementsPartsAddUpToItsAmountInTheIssuesOrder() throws IOException {
        for (JsonNode settled : flow().events("partySettled")) {
            long sum = 0;
            for (String part : new String[] {"fee", "rebate", "commission", "teamAllowance", "inviteReward",
                    "supplierShare", "margin", "rounding"}) {
                sum += fen(settled, part);
            }
            assertThat(sum).as(settled.toString()).isEqualTo(fen(settled, "amount"));
        }
        JsonNode first = flow().events("partySettled").get(0);
        assertThat(first.get("inviteReward").asString()).as("amy's first order pays pro 8%% (R-4.3)").isEqualTo("24.00");
        assertThat(first.get("supplierSettled").asString()).as("165.00 share less 49.50 prepaid").isEqualTo("115.50");
    }

    /** Rules 1 and 6: the 4th order from one device is flagged, its rewards held and then refused. */
    @Test
    void aRefundClawsThePrepaymentBackAndARefusedFlaggedOrderLosesItsRewards() throws IOException {
        CliRun run = flow();
        assertThat(run.events("partyPaid").get(4).get("risk").asString()).isEqualTo("DEVICE_AND_IP");
        assertThat(run.events("partyRefunded").get(0).get("clawedBack").asString()).isEqualTo("24.75");
        assertThat(run.events("partySettled").get(3).get("held").asString()).isEqualTo("30.00");
        assertThat(run.events("verified").get(0).get("cancelled").asString()).isEqualTo("30.00");
    }

    /** Rules 3, 5, 7: the reserve backs contribution value 1:1 after transfers, redemptions and two burns. */
    @Test
    void theReserveEqualsContributionValueOutstandingAndEscrowEndsEmpty() throws IOException {
        JsonNode state = flow().state();
        assertThat(balance(state, "CONTRIB_RESERVE")).isEqualTo(-balance(state, "CONTRIB_ISSUANCE")).isEqualTo(3873); // rule 5: ⌊h·5%⌋ per holder burns 2.14, not 2.12
        assertThat(balance(state, "CUSTODY_ESCROW")).isZero();
        assertThat(flow().events("escrowReconciled").get(0).get("finding").asBoolean()).isFalse();
        for (String asset : new String[] {"CNY", "CONTRIB", "STOKEN"}) {
            long total = 0;
            for (JsonNode balance : state.get("balances")) {
                if (balance.get("asset").asString().equals(asset)) {
                    total += Long.parseLong(balance.get("amount").asString().replace(".", ""));
                }
            }
            assertThat(total).as("%s balances sum to zero (R-1.2)", asset).isZero();
        }
    }

    /** Rules 4, 8, 9: the month's close and the year's equity pool (10% of the year's net, to the top 10%). */
    @Test
    void theMonthsCloseAndTheYearsEquityPool() throws IOException {
        CliRun run = flow();
        JsonNode pnl = run.events("monthClosed").get(0).get("pnl");
        assertThat(pnl.get("net").asString()).as("45.00 fee + 2000.00 data service − 500.00 cost").isEqualTo("1545.00");
        assertThat(pnl.get("depositPenalties").asString()).as("average 4.4 < 4.5: 5%% of 5000.00").isEqualTo("250.00");
        assertThat(pnl.get("baselineBonuses").asString()).as("5%% of 750.00 − 100.00").isEqualTo("32.50");
        JsonNode pool = run.events("equityPool").get(0);
        assertThat(pool.get("pool").asString()).isEqualTo("154.50");
        assertThat(pool.get("shares").get(0).get("user").asString()).isEqualTo("pro");
        assertThat(run.events("rejected").get(0).get("code").asString()).isEqualTo("INSUFFICIENT_TOKENS");
    }

    private static long balance(JsonNode state, String account) {
        for (JsonNode balance : state.get("balances")) {
            if (balance.get("account").asString().equals(account)) {
                return Long.parseLong(balance.get("amount").asString().replace(".", ""));
            }
        }
        return 0;
    }

    private static long fen(JsonNode line, String field) {
        return Long.parseLong(line.get(field).asString().replace(".", ""));
    }
}

package org.zengzhi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * {@code replay --plan plans/green-points.yaml} (issue 17, deliver 2): docs/examples/green-points-flow.jsonl
 * replayed against its golden output, line for line, the closing state line and its hash included.
 */
class ReplayGreenTest {
    private static final String PLAN = "../plans/green-points.yaml";

    private static CliRun flow() {
        CliRun run = CliRun.replayResource("green-points-flow.jsonl", "--plan", PLAN);
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        return run;
    }

    @Test
    void everyLineMatchesTheGoldenOutput() {
        List<String> lines = Arrays.asList(flow().stdout().strip().split("\n"));
        assertThat(lines).containsExactlyElementsOf(
                Arrays.asList(CliRun.resource("green-points-flow.expected.jsonl").strip().split("\n")));
    }

    @Test
    void theFirstDividendPaysHalfAPercentAndTheSecondWaitsForDayEleven() {
        List<JsonNode> dividends = flow().events("dividend");
        assertThat(dividends).hasSize(2);
        assertThat(dividends.get(0).get("vouchers").asString()).as("0.5% of 1,000,200 points").isEqualTo("5001.00");
        assertThat(dividends.get(0).get("growth").isNull()).isTrue();
        assertThat(dividends.get(1).get("at").asString()).as("00:00 of 2026-03-13 in Shanghai")
                .isEqualTo("2026-03-12T16:00:00Z");
    }

    @Test
    void aMonthCloseCarriesOutWhatIsDueAndPaysThePromoterOnTheRecruitedMerchantsRangli() {
        CliRun run = flow();
        JsonNode pam = run.events("promoterMonth").stream()
                .filter(e -> e.get("user").asString().equals("pam")).findFirst().orElseThrow();
        assertThat(pam.get("metric").asString()).as("the 让利 of green-grocer, which pam recruited")
                .isEqualTo("40000.00");
        assertThat(pam.get("personal").asString()).as("初级商务: 6%").isEqualTo("2400.00");
        assertThat(run.events("rejected")).extracting(e -> e.get("code").asString())
                .containsExactly("INSUFFICIENT_VOUCHERS", "MONTH_NOT_ENDED", "MONTH_ALREADY_CLOSED",
                        "INSUFFICIENT_COINS");
        assertThat(balance(run.state(), "pam", "USER_CASH")).isEqualTo("2400.00");
    }

    @Test
    void coinsPayTheCoinMallAndTheSettlementCentrePaysTheSellerInCash() {
        CliRun run = flow();
        assertThat(run.events("coinsSpent")).singleElement().satisfies(e -> {
            assertThat(e.get("user").asString()).isEqualTo("alice");
            assertThat(e.get("coins").asString()).isEqualTo("500.00");
        });
        JsonNode state = run.state();
        assertThat(balance(state, "alice", "USER_COIN")).as("116012.00 earned, 500.00 spent").isEqualTo("115512.00");
        assertThat(balance(state, "green-grocer", "MERCHANT_CASH")).as("360000.00 + 500.00").isEqualTo("360500.00");
    }

    @Test
    void theStateLineListsEveryVoucherCoinAndGreenPointAccountOfEveryOwner() {
        JsonNode state = flow().state();
        for (String user : List.of("alice", "bob", "lee")) {
            for (String account : List.of("USER_VOUCHER", "USER_COIN", "USER_GREEN")) {
                assertThat(balance(state, user, account)).as(user + " " + account).isNotNull();
            }
        }
        assertThat(balance(state, "lee", "USER_VOUCHER")).isEqualTo("0.00");
        assertThat(balance(state, "tianhe-tea", "MERCHANT_GREEN")).as("o1, o2, o4 and o6 at tianhe-tea").isEqualTo("1160400.00");
    }

    private static String balance(JsonNode state, String owner, String account) {
        for (JsonNode balance : state.get("balances")) {
            if (owner.equals(balance.get("owner").asString()) && balance.get("account").asString().equals(account)) {
                return balance.get("amount").asString();
            }
        }
        return null;
    }
}

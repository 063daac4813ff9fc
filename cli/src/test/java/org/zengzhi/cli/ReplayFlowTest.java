package org.zengzhi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * {@code replay --plan}: the whole order flow of issue 3 in the log format, with the
 * local-life preset of seed 001: registrations, a merchant, agents, store and mall orders, a refund,
 * receipt and settlement ticks.
 */
class ReplayFlowTest {
    private static final String PLAN = "../plans/local-life.yaml";

    private static CliRun flow() {
        CliRun run = CliRun.replayResource("local-life-flow.jsonl", "--plan", PLAN);
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        return run;
    }

    private static List<String> rewards(CliRun run, String order, String status) {
        return run.events("rewarded").stream()
                .filter(r -> r.get("order").asString().equals(order) && r.get("status").asString().equals(status))
                .map(r -> r.get("kind").asString() + ":" + r.get("user").asString() + ":" + r.get("amount").asString())
                .collect(Collectors.toList());
    }

    @Test
    void storeOrderRewardsArePendingAtPaymentAndAvailableAtTheTick() {
        CliRun run = flow();
        List<String> expected = List.of("direct:ref1:3.00", "indirect:ref2:2.00", "recruitment:boss:5.00",
                "agent:agentTianhe:1.00", "agent:agentGD:2.00");
        assertThat(rewards(run, "o1", "pending")).isEqualTo(expected);
        assertThat(rewards(run, "o1", "available")).isEqualTo(expected);
        JsonNode split = run.events("paid").get(0).get("split");
        assertThat(split.get("commission").asString()).isEqualTo("200.00");
        assertThat(split.get("pool").asString()).isEqualTo("160.00");
        assertThat(split.get("distributionLeft").asString()).isEqualTo("7.00");
    }

    @Test
    void aRefundBeforeSettlementCancelsEveryRewardAndNeverReachesThePool() {
        CliRun run = flow();
        assertThat(rewards(run, "o2", "cancelled")).hasSize(rewards(run, "o2", "pending").size()).isNotEmpty();
        assertThat(run.events("settled")).noneMatch(e -> e.get("order").asString().equals("o2"));
        assertThat(run.events("bound").get(0).get("referrer").asString()).as("the pay code bound walkin for good")
                .isEqualTo("lee");
    }

    @Test
    void theStateLineCarriesEveryOwnersBalancesPerAssetAndKind() {
        JsonNode state = flow().state();
        assertThat(state.get("poolCash").asString()).isEqualTo("220.00");
        assertThat(balance(state, "ref1", "USER_CASH")).isEqualTo("3.60");
        assertThat(balance(state, "tianhe-tea", "MERCHANT_CASH")).isEqualTo("800.00");
        assertThat(balance(state, "alice", "USER_DEDUCT")).as("2000.00 granted, 200.00 spent").isEqualTo("1800.00");
        assertThat(balance(state, null, "PLATFORM_REVENUE")).as("20.00 + 7.00 + 20.00 + 58.40").isEqualTo("105.40");
        long cnyTotal = 0;
        for (JsonNode balance : state.get("balances")) {
            if (balance.get("asset").asString().equals("CNY")) {
                cnyTotal += Long.parseLong(balance.get("amount").asString().replace(".", ""));
            }
        }
        assertThat(cnyTotal).as("CNY balances sum to zero (R-1.2)").isZero();
    }

    @Test
    void planOptionsCannotBeMixedWithPoolOptionsAndAnInvalidPlanStopsBeforeAnyLine() {
        CliRun mixed = CliRun.replay("", "--plan", PLAN, "--exit-multiple", "2");
        assertThat(mixed.exitCode()).isEqualTo(2);
        assertThat(mixed.stderr()).contains("--exit-multiple").contains("--plan");
        CliRun missing = CliRun.replay("", "--plan", "no-such-plan.yaml");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr()).contains("--plan");
    }

    @Test
    void flowLinesNameTheirFieldWhenMalformed() {
        CliRun run = CliRun.replay("{\"type\":\"pay\",\"id\":\"o1\",\"user\":\"u\",\"amount\":\"1.00\",\"channel\":\"shop\"}\n",
                "--plan", PLAN);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("line 1").contains("\"channel\"");
        CliRun split = CliRun.replay("{\"type\":\"pay\",\"id\":\"o1\",\"user\":\"u\",\"amount\":\"1.00\",\"channel\":\"mall\","
                + "\"split\":{\"cost\":\"1.00\",\"fees\":\"0\"}}\n", "--plan", PLAN);
        assertThat(split.exitCode()).isEqualTo(2);
        assertThat(split.stderr()).contains("split.fees");
    }

    private static String balance(JsonNode state, String owner, String account) {
        for (JsonNode balance : state.get("balances")) {
            boolean ownerMatches = owner == null ? balance.get("owner").isNull() : owner.equals(balance.get("owner").asString());
            if (ownerMatches && balance.get("account").asString().equals(account)) {
                return balance.get("amount").asString();
            }
        }
        return "0";
    }

    @Test
    void aMallSplitMayUseTheLongerPartNamesOfTheSpec() {
        CliRun run = CliRun.replay("{\"type\":\"pay\",\"id\":\"m1\",\"at\":\"2026-03-01T10:00:00Z\",\"user\":\"u\","
                + "\"amount\":\"1000.00\",\"channel\":\"mall\",\"split\":{\"cost\":\"300.00\",\"distributionBudget\":"
                + "\"300.00\",\"platformProfit\":\"100.00\",\"poolShare\":\"300.00\"}}\n", "--plan", PLAN);
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode split = run.events("paid").get(0).get("split");
        assertThat(split.get("pool").asString()).isEqualTo("300.00");
        assertThat(split.get("platform").asString()).isEqualTo("100.00");
    }
}

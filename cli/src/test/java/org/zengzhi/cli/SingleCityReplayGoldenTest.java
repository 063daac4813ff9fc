package org.zengzhi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Seed 000's single-city case (R-7.6, issue 18 deliver 4) as a generated command log replayed through the
 * whole engine with plans/four-party.yaml: 10,000 consumers each buy one 150.00 product from 50 suppliers
 * through 200 promoters (credit score 700), every order settles after its 37 days, 50 suppliers buy a
 * 2,000.00 data service, the operator enters 100,000.00 of operating cost, and the month closes. The
 * month's P&L must show exactly the seed's figures, and the whole waterfall of the 1,500,000.00 GMV.
 */
class SingleCityReplayGoldenTest {
    private static final int CONSUMERS = 10_000;
    private static final int SUPPLIERS = 50;
    private static final int PROMOTERS = 200;
    private static CliRun run;

    @BeforeAll
    static void replay() {
        run = CliRun.replay(log(), "--plan", "../plans/four-party.yaml");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
    }

    /** The log: promoters, suppliers at a baseline of their month's sales (no bonus), products, orders, the month. */
    static String log() {
        StringBuilder log = new StringBuilder();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        for (int p = 0; p < PROMOTERS; p++) {
            log.append(line("creditScore", "at", start, "user", "p" + p, "score", 700));
        }
        for (int s = 0; s < SUPPLIERS; s++) {
            log.append(line("supplier", "supplier", "s" + s, "baseline", "30000.00"));
            log.append(line("product", "product", "tea" + s, "supplier", "s" + s, "price", "150.00", "cost", "45.00"));
        }
        for (int c = 0; c < CONSUMERS; c++) {
            log.append(line("pay", "id", "o" + c, "at", start.plusSeconds(c), "user", "c" + c,
                    "product", "tea" + (c % SUPPLIERS), "promoter", "p" + (c % PROMOTERS), "device", "d" + c,
                    "ip", "ip" + c));
        }
        log.append(line("tick", "at", Instant.parse("2026-02-08T00:00:00Z")));
        for (int s = 0; s < SUPPLIERS; s++) {
            log.append(line("charge", "supplier", "s" + s, "amount", "2000.00"));
        }
        log.append(line("cost", "amount", "100000.00", "reason", "operating cost of the month"));
        log.append(line("closeMonth", "at", Instant.parse("2026-03-01T00:00:00Z"), "month", "2026-02"));
        return log.toString();
    }

    private static String line(String type, Object... fields) {
        StringBuilder line = new StringBuilder("{\"type\":\"").append(type).append('"');
        for (int i = 0; i < fields.length; i += 2) {
            Object value = fields[i + 1];
            line.append(",\"").append(fields[i]).append("\":");
            line.append(value instanceof Integer ? value.toString() : "\"" + value + "\"");
        }
        return line.append("}\n").toString();
    }

    @Test
    void theMonthlyPnlIsExactlyTheSeedsR76() {
        JsonNode pnl = run.events("monthClosed").get(0).get("pnl");
        assertThat(text(pnl, "fee", "dataService", "platformIncome", "rebate", "commission", "supplierProfit",
                "operatingCost", "net")).containsExactly("90000.00", "100000.00", "190000.00", "120000.00",
                "180000.00", "375000.00", "100000.00", "90000.00");
    }

    /** What the seed leaves out: the whole 1,500,000.00, part by part, and the platform's whole result. */
    @Test
    void theWholeWaterfallOfTheGmv() {
        JsonNode pnl = run.events("monthClosed").get(0).get("pnl");
        assertThat(text(pnl, "gmv", "teamAllowance", "inviteReward", "supplierShare", "supplierCost", "margin",
                "rounding", "baselineBonuses", "haircut", "platformResult")).containsExactly("1500000.00", "0.00",
                "0.00", "825000.00", "450000.00", "285000.00", "0.00", "0.00", "6000.00", "381000.00");
        assertThat(sum(run.events("partyPaid"), "prepaid")).as("30% of the share, at payment").isEqualTo(24_750_000);
        assertThat(sum(run.events("partySettled"), "supplierSettled")).as("the rest, at settlement")
                .isEqualTo(57_750_000);
        assertThat(run.events("partySettled")).hasSize(CONSUMERS);
        JsonNode burn = run.events("monthClosed").get(0).get("burn");
        assertThat(text(burn, "contribBurned", "tokensBurned")).containsExactly("6000.00", "750.00");
    }

    @Test
    void escrowEndsEmptyAndTheReserveBacksWhatRemainsAfterTheBurn() {
        JsonNode state = run.state();
        assertThat(balance(state, "CUSTODY_ESCROW")).isZero();
        assertThat(balance(state, "CONTRIB_RESERVE")).isEqualTo(11_400_000).isEqualTo(-balance(state, "CONTRIB_ISSUANCE"));
        assertThat(balance(state, "PARTY_RESULT")).isEqualTo(38_100_000);
        assertThat(run.events("rejected")).isEmpty();
    }

    private static List<String> text(JsonNode object, String... fields) {
        return java.util.Arrays.stream(fields).map(field -> object.get(field).asString()).toList();
    }

    private static long sum(List<JsonNode> lines, String field) {
        return lines.stream().mapToLong(line -> Long.parseLong(line.get(field).asString().replace(".", ""))).sum();
    }

    private static long balance(JsonNode state, String account) {
        for (JsonNode balance : state.get("balances")) {
            if (balance.get("account").asString().equals(account)) {
                return Long.parseLong(balance.get("amount").asString().replace(".", ""));
            }
        }
        return 0;
    }
}

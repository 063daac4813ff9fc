package org.zengzhi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The input and output format of replay, beyond the seed tables: see docs/replay.md. */
class ReplayFormatTest {

    private static List<String> fieldNames(JsonNode line) {
        return List.copyOf(line.propertyNames());
    }

    @Test
    void everyEventHasItsFieldsInAFixedOrder() {
        String log = CliRun.resource("sale-2000.jsonl")
                + "{\"type\":\"sell\",\"id\":\"s2\",\"at\":\"2026-01-04T10:00:00Z\",\"user\":\"u1\",\"points\":\"1\"}\n";
        CliRun run = CliRun.replay(log);

        assertThat(fieldNames(run.events("minted").get(0)))
                .containsExactly("event", "command", "user", "amount", "poolShare", "points");
        assertThat(fieldNames(run.events("price").get(0)))
                .containsExactly("event", "command", "at", "poolCash", "circulatingPoints", "price");
        assertThat(fieldNames(run.events("subsidized").get(0))).containsExactly("event", "command", "amount");
        assertThat(fieldNames(run.events("sold").get(0)))
                .containsExactly("event", "command", "user", "points", "gross", "payout");
        assertThat(fieldNames(run.events("rejected").get(0))).containsExactly("event", "command", "code", "field");
        assertThat(fieldNames(run.state()))
                .containsExactly("event", "poolCash", "circulatingPoints", "price", "stateHash", "holders", "balances");
        assertThat(fieldNames(run.state().get("holders").get(0)))
                .containsExactly("user", "points", "cash", "cycleSpend", "cycleRealized", "exits", "paidOut");
        assertThat(run.events("price").get(0).get("at").asString()).isEqualTo("2026-01-01T10:00:00Z");
    }

    @Test
    void exitedEventFields() {
        CliRun run = CliRun.replayResource("exits-local-life-k1.2.jsonl", "--exit-multiple", "1.2");

        assertThat(fieldNames(run.events("exited").get(0)))
                .containsExactly("event", "command", "user", "points", "gross", "payout", "cycleSpend", "exits");
    }

    @Test
    void aRejectedCommandContinuesTheRun() {
        String log = CliRun.resource("seed-002-mall.jsonl")
                + "{\"type\":\"sell\",\"id\":\"s2\",\"at\":\"2026-01-02T10:00:00Z\",\"user\":\"u1\",\"points\":\"210.000001\"}\n"
                + "{\"type\":\"sell\",\"id\":\"s3\",\"at\":\"2026-01-02T11:00:00Z\",\"user\":\"u1\",\"points\":\"10\"}\n";
        CliRun run = CliRun.replay(log);

        assertThat(run.exitCode()).isZero();
        JsonNode rejected = run.events("rejected").get(0);
        assertThat(rejected.get("command").asString()).isEqualTo("s2");
        assertThat(rejected.get("code").asString()).isEqualTo("INSUFFICIENT_POINTS");
        assertThat(rejected.get("field").asString()).isEqualTo("points");
        assertThat(run.events("sold").get(0).get("command").asString()).isEqualTo("s3");
        assertThat(run.state().get("holders").get(0).get("points").asString()).isEqualTo("200.000000");
    }

    /** Zero and negative values are well-formed: the engine refuses them as business rejections. */
    @Test
    void nonPositiveValuesAreRejectionsNotMalformedLines() {
        String log = "{\"type\":\"order\",\"id\":\"o1\",\"at\":\"2026-01-01T10:00:00Z\",\"user\":\"u1\",\"amount\":\"-5.00\",\"poolShare\":\"0\"}\n"
                + "{\"type\":\"subsidy\",\"id\":\"x1\",\"at\":\"2026-01-01T10:00:00Z\",\"amount\":0}\n"
                + "{\"type\":\"sell\",\"id\":\"s1\",\"at\":\"2026-01-01T10:00:00Z\",\"user\":\"nobody\",\"points\":\"-1\"}\n"
                + "{\"type\":\"sell\",\"id\":\"s2\",\"at\":\"2026-01-01T10:00:00Z\",\"user\":\"nobody\",\"points\":\"1\"}\n"
                + "{\"type\":\"order\",\"id\":\"o2\",\"at\":\"2026-01-01T10:00:00Z\",\"user\":\"\",\"amount\":\"5\",\"poolShare\":\"1\"}\n";
        CliRun run = CliRun.replay(log);

        assertThat(run.exitCode()).isZero();
        assertThat(run.events("rejected")).extracting(line -> line.get("code").asString()).containsExactly(
                "NON_POSITIVE_AMOUNT", "NON_POSITIVE_AMOUNT", "NON_POSITIVE_AMOUNT", "UNKNOWN_PARTICIPANT",
                "INVALID_PARTICIPANT_ID");
        assertThat(run.state().get("poolCash").asString()).isEqualTo("0.00");
        assertThat(run.state().get("price").asString()).isEqualTo("1.0000");
    }

    @Test
    void numbersStringsUnknownFieldsBlankLinesAndCrlfAreAccepted() {
        String log = "\r\n   \n{\"note\":{\"any\":[1,2]},\"poolShare\":300.00,\"amount\":1000,\"user\":\"u1\","
                + "\"at\":\"2026-01-01T10:00:00Z\",\"id\":\"o1\",\"type\":\"order\"}\r\n"
                + "{\"type\":\"sell\",\"id\":\"s1\",\"at\":\"2026-01-01T10:00:00.5+08:00\",\"user\":\"u1\",\"points\":21.5}\n";
        CliRun run = CliRun.replay(log);

        assertThat(run.stderr()).isEmpty();
        assertThat(run.exitCode()).isZero();
        JsonNode minted = run.events("minted").get(0);
        assertThat(minted.get("amount").asString()).isEqualTo("1000.00");
        assertThat(minted.get("poolShare").asString()).isEqualTo("300.00");
        assertThat(run.events("sold").get(0).get("points").asString()).isEqualTo("21.500000");
        assertThat(run.events("price").get(1).get("at").asString()).isEqualTo("2026-01-01T02:00:00.500Z");
    }

    @Test
    void holdersAreSortedByUserId() {
        String log = order("o1", "u2") + order("o2", "U9") + order("o3", "a") + order("o4", "u10");
        CliRun run = CliRun.replay(log);

        assertThat(ReplayGoldenTest.list(run.state().get("holders"))).extracting(h -> h.get("user").asString())
                .containsExactly("U9", "a", "u10", "u2");
    }

    @Test
    void anEmptyLogGivesTheInitialState() {
        CliRun run = CliRun.replay("", "--initial-price", "1.5");

        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).hasSize(1);
        assertThat(run.state().get("price").asString()).isEqualTo("1.5000");
        assertThat(run.state().get("holders")).isEmpty();
    }

    /** the same log gives the same bytes, state hash included. */
    @Test
    void replayIsDeterministic() {
        CliRun first = CliRun.replayResource("exits-mall-k3.jsonl");
        CliRun second = CliRun.replayResource("exits-mall-k3.jsonl");

        assertThat(first.stdout()).isEqualTo(second.stdout());
        assertThat(first.state().get("stateHash").asString()).hasSize(64);
    }

    private static String order(String id, String user) {
        return "{\"type\":\"order\",\"id\":\"" + id + "\",\"at\":\"2026-01-01T10:00:00Z\",\"user\":\"" + user
                + "\",\"amount\":\"100\",\"poolShare\":\"30\"}\n";
    }
}

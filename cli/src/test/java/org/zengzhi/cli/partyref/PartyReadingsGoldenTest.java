package org.zengzhi.cli.partyref;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zengzhi.cli.Main;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Golden cases of the readings the reference settled (docs/four-party.md, "Readings"), through {@code replay}
 * with plans/four-party.yaml: rule 2's commission goes to the consumer's referrer only if that referrer is a
 * promoter (else it stays platform margin), and a rejection names the log's field ({@code order},
 * {@code amount}, {@code contrib}, {@code id}), never a Java field name. Rule 5's per-holder burn is pinned by
 * FourPartyReplayGoldenTest (2.14 = 0.45 + 1.09 + 0.60, not a 2.14 total split into 2.12).
 */
class PartyReadingsGoldenTest {
    private static final String LOG = String.join("\n",
            "{\"type\":\"register\",\"at\":\"2026-01-01T00:00:00Z\",\"user\":\"lead\"}",
            "{\"type\":\"register\",\"user\":\"pro\",\"referrer\":\"lead\"}",
            "{\"type\":\"register\",\"user\":\"amy\",\"referrer\":\"pro\"}",
            "{\"type\":\"register\",\"user\":\"zed\",\"referrer\":\"amy\"}",
            "{\"type\":\"creditScore\",\"user\":\"pro\",\"score\":700}",
            "{\"type\":\"supplier\",\"supplier\":\"farm\"}",
            "{\"type\":\"product\",\"product\":\"tea\",\"supplier\":\"farm\",\"price\":\"100.00\"}",
            "{\"type\":\"pay\",\"id\":\"o1\",\"at\":\"2026-01-02T00:00:00Z\",\"user\":\"zed\",\"product\":\"tea\",\"device\":\"d1\",\"ip\":\"i1\"}",
            "{\"type\":\"pay\",\"id\":\"o2\",\"at\":\"2026-01-02T01:00:00Z\",\"user\":\"amy\",\"product\":\"tea\",\"device\":\"d2\",\"ip\":\"i2\"}",
            "{\"type\":\"pay\",\"id\":\"o1\",\"at\":\"2026-01-02T02:00:00Z\",\"user\":\"amy\",\"product\":\"tea\",\"device\":\"d2\",\"ip\":\"i2\"}",
            "{\"type\":\"pay\",\"id\":\"o3\",\"at\":\"2026-01-02T03:00:00Z\",\"user\":\"amy\",\"product\":\"tea\",\"contrib\":\"5.00\",\"device\":\"d2\",\"ip\":\"i2\"}",
            "{\"type\":\"tick\",\"at\":\"2026-02-08T01:00:00Z\"}",
            "{\"type\":\"refund\",\"at\":\"2026-02-08T01:00:00Z\",\"order\":\"o1\"}",
            "{\"type\":\"transfer\",\"user\":\"zed\",\"to\":\"amy\",\"amount\":\"1000.00\"}",
            "{\"type\":\"redeem\",\"user\":\"zed\",\"amount\":\"0.00\"}") + "\n";
    private static List<JsonNode> lines;

    @BeforeAll
    static void replay() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new String[] {"replay", "--plan", "../plans/four-party.yaml"},
                new ByteArrayInputStream(LOG.getBytes(StandardCharsets.UTF_8)), out, err);
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        ObjectMapper mapper = new ObjectMapper();
        lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                lines.add(mapper.readTree(line));
            }
        }
    }

    /** Rule 2: zed's referrer amy is no promoter, so o1 has no commission; its 12% stays platform margin. */
    @Test
    void rule2TheCommissionGoesToAReferrerOnlyIfThatReferrerIsAPromoter() {
        JsonNode o1 = settled("o1");
        assertThat(o1.get("promoter").isNull()).isTrue();
        assertThat(text(o1, "fee", "rebate", "commission", "inviteReward", "supplierShare", "margin", "rounding",
                "withheld")).containsExactly("6.00", "8.00", "0.00", "8.00", "55.00", "23.00", "0.00", "0.00");
        JsonNode o2 = settled("o2");
        assertThat(o2.get("promoter").asString()).as("amy's referrer pro is a promoter").isEqualTo("pro");
        assertThat(text(o2, "commission", "margin", "withheld")).containsExactly("12.00", "11.00", "0.00");
    }

    /** Rejections name the log's fields: id, contrib, order, amount. */
    @Test
    void rejectionsNameTheLogsFields() {
        List<String> fields = lines.stream().filter(line -> line.get("event").asString().equals("rejected"))
                .map(line -> line.get("command").asString() + " " + line.get("code").asString() + " "
                        + line.get("field").asString())
                .toList();
        assertThat(fields).containsExactly("o1 DUPLICATE_ORDER id", "o3 INSUFFICIENT_CONTRIB contrib",
                // four-party orders have no refund after settlement (30 days confirm + 7 days no return)
                "refund#13 ALREADY_SETTLED order", "transfer#14 INSUFFICIENT_CONTRIB amount",
                "redeem#15 NON_POSITIVE_AMOUNT amount");
    }

    private static JsonNode settled(String order) {
        return lines.stream().filter(line -> line.get("event").asString().equals("partySettled")
                && line.get("order").asString().equals(order)).findFirst().orElseThrow();
    }

    private static List<String> text(JsonNode object, String... fields) {
        return java.util.Arrays.stream(fields).map(field -> object.get(field).asString()).toList();
    }
}

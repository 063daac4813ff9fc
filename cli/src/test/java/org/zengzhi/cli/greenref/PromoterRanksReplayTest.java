package org.zengzhi.cli.greenref;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Issue 17 rule 7 by hand through {@code replay --plan plans/green-points.yaml}, also checked against the
 * reference: a month ≥ 100,000.00 promotes to 见习商务专员 from the next month; its fixed subsidy is paid
 * every month held; two months below 30,000.00 demote; a coach with 6,000.00 of its own takes 60% of the
 * 1% offered and the rest stays with the settlement centre; a promoter appointed after March ended but before
 * March closed is not in March's close (Readings 10).
 */
class PromoterRanksReplayTest {
    private static final Path PRESET = Path.of("../plans/green-points.yaml");

    private static final List<String> LOG = List.of(
            "{\"type\":\"register\",\"user\":\"owner\",\"at\":\"2026-02-28T17:00:00Z\"}",
            "{\"type\":\"register\",\"user\":\"alice\"}",
            "{\"type\":\"register\",\"user\":\"coach\"}",
            "{\"type\":\"register\",\"user\":\"pam\"}",
            "{\"type\":\"register\",\"user\":\"quinn\"}",
            "{\"type\":\"promoter\",\"user\":\"coach\",\"at\":\"2026-02-28T17:00:00Z\"}",
            "{\"type\":\"promoter\",\"user\":\"pam\",\"coach\":\"coach\",\"at\":\"2026-02-28T18:00:00Z\"}",
            "{\"type\":\"merchant\",\"merchant\":\"shop\",\"owner\":\"owner\",\"recruiter\":\"pam\",\"region\":\"440106\","
                    + "\"commissionRate\":\"0.10\"}",
            "{\"type\":\"merchant\",\"merchant\":\"shop2\",\"owner\":\"owner\",\"recruiter\":\"coach\",\"region\":\"440106\","
                    + "\"commissionRate\":\"0.10\"}",
            "{\"type\":\"pay\",\"id\":\"o1\",\"at\":\"2026-03-03T02:00:00Z\",\"user\":\"alice\",\"merchant\":\"shop\","
                    + "\"amount\":\"1000000.00\",\"channel\":\"store\"}",
            "{\"type\":\"pay\",\"id\":\"o2\",\"at\":\"2026-03-04T02:00:00Z\",\"user\":\"alice\",\"merchant\":\"shop2\","
                    + "\"amount\":\"60000.00\",\"channel\":\"store\"}",
            "{\"type\":\"promoter\",\"user\":\"quinn\",\"coach\":\"pam\",\"at\":\"2026-03-31T17:00:00Z\"}",
            "{\"type\":\"closeMonth\",\"id\":\"march\",\"month\":\"2026-03\",\"at\":\"2026-04-01T00:00:00Z\"}",
            "{\"type\":\"closeMonth\",\"id\":\"april\",\"month\":\"2026-04\",\"at\":\"2026-04-30T16:00:00Z\"}",
            "{\"type\":\"closeMonth\",\"id\":\"may\",\"month\":\"2026-05\",\"at\":\"2026-05-31T16:00:00Z\"}");

    @Test
    void aHundredThousandPromotesTheSubsidyIsPaidWhileHeldAndTwoMonthsBelowDemote() {
        assertThat(GreenComparison.firstDifference(LOG, RefTerms.seed(), PRESET)).isNull();
        List<JsonNode> months = EngineRun.replay(LOG, PRESET).lines().stream()
                .filter(line -> line.get("event").asString().equals("promoterMonth")).toList();
        assertThat(months).extracting(m -> m.get("command").asString() + " " + m.get("user").asString() + " "
                + m.get("rank").asString() + " " + m.get("metric").asString() + " " + m.get("personal").asString()
                + " " + m.get("coaching").asString() + " " + m.get("subsidy").asString() + " "
                + m.get("nextRank").asString())
                .containsExactly(
                        "march coach 初级商务 6000.00 360.00 600.00 0.00 初级商务",
                        "march pam 初级商务 100000.00 6000.00 0.00 0.00 见习商务专员",
                        "april coach 初级商务 0.00 0.00 0.00 0.00 初级商务",
                        "april pam 见习商务专员 0.00 0.00 0.00 2400.00 见习商务专员",
                        "april quinn 初级商务 0.00 0.00 0.00 0.00 初级商务",
                        "may coach 初级商务 0.00 0.00 0.00 0.00 初级商务",
                        "may pam 见习商务专员 0.00 0.00 0.00 2400.00 初级商务",
                        "may quinn 初级商务 0.00 0.00 0.00 0.00 初级商务");
    }
}

package org.zengzhi.cli.greenref;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Issue 17's golden cases rerun through {@code replay --plan plans/green-points.yaml} (deliver 1, "How it is
 * checked"), each also compared with the reference: the first consumer dividend at 1,000,000 points pays 0.5%;
 * growth reached on day 3 is paid on day 11 (merchants: day 10); on day 10, day 11 in both pools; on day 17, day
 * 18; never, day 31 at the actual growth's scale. Day n is counted from the last dividend's day L in Shanghai.
 */
class GreenGoldenCasesTest {
    private static final Path PRESET = Path.of("../plans/green-points.yaml");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** L: both pools pay their first dividend at 00:00 of 2 March, the day after 50,000,000.00 of orders. */
    private static final LocalDate L = LocalDate.of(2026, 3, 2);

    @Test
    void rule4TheFirstConsumerDividendAtOneMillionPointsPaysHalfAPercent() {
        List<String> log = people();
        log.add(pay("o1", L.minusDays(1), "5000000.00"));
        log.add(tick(L.plusDays(1)));
        JsonNode dividend = dividends(log).get(0);
        assertThat(dividend.get("pool").asString()).isEqualTo("consumer");
        assertThat(dividend.get("value").asString()).isEqualTo("1000000.00");
        assertThat(dividend.get("at").asString()).as("00:00 of 2 March in Shanghai").isEqualTo("2026-03-01T16:00:00Z");
        assertThat(dividend.get("vouchers").asString()).as("0.5% of 1,000,000 points").isEqualTo("5000.00");
    }

    @Test
    void rule3GrowthReachedOnDayThreeIsPaidOnDayElevenAndToMerchantsOnDayTen() {
        List<JsonNode> dividends = growthOn(3, "8000000.00", 40);
        assertThat(dividends.get(2).get("pool").asString()).isEqualTo("merchant");
        assertThat(dividends.get(2).get("at").asString()).isEqualTo(midnightUtc(10));
        assertThat(dividends.get(3).get("pool").asString()).isEqualTo("consumer");
        assertThat(dividends.get(3).get("at").asString()).isEqualTo(midnightUtc(11));
    }

    @Test
    void rule3GrowthReachedOnDayTenIsPaidOnDayElevenInBothPools() {
        List<JsonNode> dividends = growthOn(10, "8000000.00", 40);
        assertThat(dividends.subList(2, 4)).extracting(d -> d.get("at").asString())
                .containsExactly(midnightUtc(11), midnightUtc(11));
    }

    @Test
    void rule3GrowthReachedOnDaySeventeenIsPaidOnDayEighteen() {
        List<JsonNode> dividends = growthOn(17, "8000000.00", 40);
        assertThat(dividends.subList(2, 4)).extracting(d -> d.get("at").asString())
                .containsExactly(midnightUtc(18), midnightUtc(18));
        assertThat(dividends.get(2).get("growth").asString()).isEqualTo("0.160000");
    }

    @Test
    void rule3GrowthNeverReachedIsPaidOnDayThirtyOneAtTheActualGrowthsScale() {
        List<JsonNode> dividends = growthOn(5, "4000000.00", 40);
        JsonNode consumer = dividends.get(2);
        assertThat(consumer.get("at").asString()).isEqualTo(midnightUtc(31));
        assertThat(consumer.get("growth").asString()).as("8% of 15%").isEqualTo("0.080000");
        assertThat(consumer.get("scale").asString()).isEqualTo("0.533333");
        assertThat(consumer.get("vouchers").asString()).as("⌊lot·0.5%·0.533333⌋ summed over the lots")
                .isEqualTo(GreenRef.run(RefTerms.seed(), logOf(5, "4000000.00", 40)).events.stream()
                        .filter(e -> e.get("event").asString().equals("dividend")).toList().get(2).get("vouchers")
                        .asString());
    }

    /** 50,000,000.00 before L starts both pools (10,000,000 points each); then one order on day L + n. */
    private static List<JsonNode> growthOn(int day, String amount, int until) {
        return dividends(logOf(day, amount, until));
    }

    private static List<String> logOf(int day, String amount, int until) {
        List<String> log = people();
        log.add(pay("o1", L.minusDays(1), "50000000.00"));
        log.add(tick(L));
        log.add(pay("o2", L.plusDays(day), amount));
        log.add(tick(L.plusDays(until)));
        return log;
    }

    /** The dividends the engine wrote, after checking the whole log against the reference. */
    private static List<JsonNode> dividends(List<String> log) {
        assertThat(GreenComparison.firstDifference(log, RefTerms.seed(), PRESET)).isNull();
        return EngineRun.replay(log, PRESET).lines().stream()
                .filter(line -> line.get("event").asString().equals("dividend")).toList();
    }

    private static List<String> people() {
        List<String> log = new ArrayList<>();
        log.add("{\"type\":\"register\",\"user\":\"owner\",\"at\":\"2026-02-01T00:00:00Z\"}");
        log.add("{\"type\":\"register\",\"user\":\"alice\"}");
        log.add("{\"type\":\"merchant\",\"merchant\":\"shop\",\"owner\":\"owner\",\"region\":\"440106\","
                + "\"commissionRate\":\"0.20\"}");
        return log;
    }

    private static String pay(String id, LocalDate day, String amount) {
        return "{\"type\":\"pay\",\"id\":\"" + id + "\",\"at\":\"" + day.atTime(LocalTime.of(10, 0)).atZone(SHANGHAI)
                .toInstant() + "\",\"user\":\"alice\",\"merchant\":\"shop\",\"amount\":\"" + amount
                + "\",\"channel\":\"store\"}";
    }

    private static String tick(LocalDate day) {
        return "{\"type\":\"tick\",\"at\":\"" + day.atStartOfDay(SHANGHAI).toInstant() + "\"}";
    }

    /** 00:00 of day L + n in Shanghai, as the event writes it. */
    private static String midnightUtc(int n) {
        return L.plusDays(n).atStartOfDay(SHANGHAI).toInstant().toString();
    }
}

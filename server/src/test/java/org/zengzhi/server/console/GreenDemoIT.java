package org.zengzhi.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zengzhi.server.ServerHarness;
import org.zengzhi.server.TestDatabases;

import tools.jackson.databind.JsonNode;

/**
 * {@code serve --demo --zengzhi.plan=plans/green-points.yaml} (issue 20 item 8), on PostgreSQL (the read models'
 * COPY path; GreenApiIT runs on H2): the server starts with the shipped green plan and the demo, journals the green demo as one request with nothing refused, and the operator's green
 * dashboard shows both pools started and dividends paid, vouchers and coins outstanding and the promoters ranked;
 * the console's dashboard (Chromium) shows the pools' dividend history as the API does (docs/screenshots/green-demo-operator.png).
 */
class GreenDemoIT {
    @TempDir
    Path temp;

    @Test
    void theGreenDemoBootsWithDividendsPaidInBothPools_issue20Item8() throws Exception {
        Path plan = temp.resolve("green-points.yaml");
        try (var in = GreenDemoIT.class.getResourceAsStream("/plans/green-points.yaml")) {
            Files.write(plan, in.readAllBytes());
        }
        List<String> properties = new ArrayList<>(List.of(TestDatabases.freshPostgresSchema()));
        properties.addAll(List.of("zengzhi.data-dir=" + temp.resolve("data"), "zengzhi.plan=" + plan, "zengzhi.demo=true"));
        try (ServerHarness server = new ServerHarness(properties.toArray(String[]::new))) {
            JdbcTemplate jdbc = server.bean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM journal WHERE rejection IS NOT NULL", Long.class))
                    .as("demo commands the engine refused").isZero();
            // The history's receipts add up to each dividend's vouchers: the bound customers' 5% credited to stores
            // by settlements in the same ticks is not taken for dividend.
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT command_seq, pool, SUM(vouchers) AS paid "
                    + "FROM green_dividends GROUP BY command_seq, pool) d JOIN (SELECT command_seq, pool, "
                    + "SUM(vouchers) AS received FROM green_receipts GROUP BY command_seq, pool) r "
                    + "ON r.command_seq = d.command_seq AND r.pool = d.pool WHERE r.received = d.paid", Long.class))
                    .as("dividends whose receipts add up").isEqualTo(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM (SELECT DISTINCT command_seq, pool FROM green_dividends) x", Long.class));
            JsonNode green = server.get("/operator/green").body();
            assertThat(green.get("dividends").size()).as("the pools' history").isGreaterThanOrEqualTo(7);
            assertThat(green.get("pools")).hasSize(2);
            for (JsonNode pool : green.get("pools")) {
                assertThat(pool.get("dividendsPaid").asInt()).as(pool.toString()).isGreaterThanOrEqualTo(1);
                assertThat(new BigDecimal(pool.get("value").asString()))
                        .isGreaterThanOrEqualTo(new BigDecimal(pool.get("startValue").asString()));
            }
            assertThat(new BigDecimal(green.get("vouchersOutstanding").asString())).isPositive();
            assertThat(new BigDecimal(green.get("coinsOutstanding").asString())).isPositive();
            assertThat(green.get("promoters")).hasSize(4);
            List<String> ranks = new ArrayList<>();
            green.get("promoters").forEach(row -> ranks.add(row.get("rank").asString()));
            assertThat(ranks).as("ranked over closed months").contains("见习商务专员", "初级商务");
            try (Browser browser = new Browser(server.origin(), 1280, 1000)) {
                browser.open("/login");
                browser.signIn("operator", "operator-test-password");
                browser.waitForPath("/console/operator");
                browser.open("/console/operator/green");
                assertThat(browser.find("#vouchers-out").getText()).isEqualTo(green.get("vouchersOutstanding").asString());
                assertThat(browser.driver.findElements(org.openqa.selenium.By.cssSelector("#green-history .dividend")))
                        .hasSize(green.get("dividends").size());
                assertThat(browser.find("#green-history .dividend").getText())
                        .contains(green.get("dividends").get(0).get("day").asString());
                Path shot = browser.screenshot("green-demo-operator");
                Path docs = Path.of("..", "docs", "screenshots");
                if (Files.isDirectory(docs)) {
                    Files.copy(shot, docs.resolve("green-demo-operator.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}

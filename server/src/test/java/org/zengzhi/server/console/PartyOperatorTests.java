package org.zengzhi.server.console;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.zengzhi.server.ServerHarness;

import tools.jackson.databind.JsonNode;

/**
 * The operator's four-party journey in real Chromium on the four-party demo (issue 20 items 6, 8 and 9): the
 * operator verifies held orders from the risk queue (风控审核) and reads the monthly P&L (月度损益), every number
 * compared with the API. Screenshots go to target/screenshots and are copied to docs/screenshots/party-operator*.png.
 * Run by {@link DemoEconomiesIT} on its four-party demo ({@link DemoServers}), after the checks that only read it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class PartyOperatorTests {
    private static final int PHONE_WIDTH = 412;
    private static final int DESK_WIDTH = 1280;

    private ServerHarness server;

    /** The demos, shared with the other checks of {@link DemoEconomiesIT}. */
    abstract DemoServers demos();

    @BeforeEach
    void fourPartyDemo() throws Exception {
        server = demos().of(DemoServers.FOUR_PARTY);
    }


    /** A flagged order of the demo waiting for a decision, settled (rewards held) or not. */
    private static JsonNode waiting(JsonNode overview, boolean settled) {
        for (JsonNode row : overview.get("riskQueue")) {
            if ("FLAGGED".equals(row.get("status").asString()) && row.get("settled").asBoolean() == settled) {
                return row;
            }
        }
        throw new AssertionError("the demo has no waiting order with settled = " + settled + ": " + overview.get("riskQueue"));
    }

    @Test
    @Order(1)
    void theOperatorVerifiesHeldOrdersAndReadsTheMonthlyPnl_issue20Items6and8() throws Exception {
        JsonNode api = server.get("/operator/party").body();
        assertThat(api.get("waiting").asLong()).as("two bursts from one device: 4 orders wait").isEqualTo(4);
        JsonNode held = waiting(api, true);
        JsonNode open = waiting(api, false);
        try (Browser browser = new Browser(server.origin(), DESK_WIDTH, 1000)) {
            browser.open("/login");
            browser.signIn("operator", "operator-test-password");
            browser.waitForPath("/console/operator");
            browser.open("/console/operator/party");
            assertThat(browser.find("#escrow").getText()).isEqualTo(api.get("money").get("escrow").asString());
            assertThat(browser.find("#contrib-reserve").getText()).isEqualTo(api.get("money").get("contribReserve").asString());
            assertThat(browser.find("#held").getText()).isEqualTo(api.get("money").get("held").asString());
            assertThat(browser.find("#reserve-check").getText()).contains("相等");
            String row = "#risk-queue tr[data-order='" + held.get("order").asString() + "']";
            assertThat(browser.find(row + " .device").getText()).isEqualTo(held.get("device").asString());
            assertThat(browser.find(row + " .held").getText()).isEqualTo(held.get("held").asString());
            assertThat(browser.find(row + " .status").getText()).isEqualTo("待审核");
            assertThat(browser.find("#statements .finding").getText()).as("the demo's latest statement differs")
                    .isEqualTo("对账差异");
            Browser.keep(browser.screenshot("party-operator"), "party-operator.png");

            browser.click(row + " button.approve");
            browser.waitForText("#done", held.get("order").asString());
            assertThat(browser.find(row + " .status").getText()).isEqualTo("已通过");
            assertThat(browser.find(row + " .result").getText()).contains(held.get("held").asString());
            String openRow = "#risk-queue tr[data-order='" + open.get("order").asString() + "']";
            browser.click(openRow + " button.refuse");
            browser.waitForText("#done", open.get("order").asString());
            assertThat(browser.find(openRow + " .status").getText()).isEqualTo("已拒绝");

            JsonNode after = server.get("/operator/party").body();
            assertThat(after.get("waiting").asLong()).isEqualTo(2);
            assertThat(after.get("money").get("held").asString()).isEqualTo(browser.find("#held").getText());

            JsonNode pnl = server.get("/operator/party/pnl").body();
            for (String line : new String[] {"gmv", "fee", "dataService", "platformIncome", "rebate", "commission",
                "supplierProfit", "operatingCost", "net"}) {
                assertThat(browser.find("#pnl-table tr[data-line='" + line + "'] .num").getText()).as(line)
                        .isEqualTo(pnl.get("pnl").get(line).asString());
            }
            assertThat(browser.find("#waterfall div[data-part='fee']").getText()).contains(pnl.get("pnl").get("fee").asString());
            assertThat(browser.find("#burns").getText()).contains("折损");
            Browser.keep(browser.screenshot("party-operator-pnl"), "party-operator-pnl.png");

            browser.open("/console/operator/party?lang=en");
            assertThat(browser.find("#risk-queue h2").getText()).isEqualTo("Risk queue");
            assertThat(browser.find("#pnl h2").getText()).isEqualTo("Monthly P&L");
            assertThat(browser.find("#burns").getText()).contains("haircut");
            Browser.keep(browser.screenshot("party-operator-en"), "party-operator-en.png");
            browser.open("/console/operator/party?lang=zh");
        }
        try (Browser phone = new Browser(server.origin(), PHONE_WIDTH, 900)) {
            phone.open("/login");
            phone.signIn("operator", "operator-test-password");
            phone.waitForPath("/console/operator");
            phone.open("/console/operator/party");
            assertThat(phone.find("#risk-queue h2").getText()).isEqualTo("风控审核");
            Browser.keep(phone.screenshot("party-operator-phone"), "party-operator-phone.png");
        }
    }

    @Test
    @Order(2)
    void aCreditScoreSetOnTheConsoleIsTheEnginesAndLiftsTheWithholding_R7_4() throws Exception {
        try (Browser browser = new Browser(server.origin(), DESK_WIDTH, 1000)) {
            browser.open("/login");
            browser.signIn("operator", "operator-test-password");
            browser.waitForPath("/console/operator");
            browser.open("/console/operator/party");
            String sun = "#credit-scores tr[data-user='promoter-sun']";
            assertThat(browser.find(sun).getAttribute("class")).contains("below");
            browser.type("#score-form input[name='user']", "promoter-sun");
            browser.type("#score-form input[name='score']", "615");
            browser.click("#score-form button");
            browser.waitForText("#done", "promoter-sun");
            JsonNode promoter = null;
            for (JsonNode row : server.get("/operator/party").body().get("promoters")) {
                promoter = "promoter-sun".equals(row.get("user").asString()) ? row : promoter;
            }
            assertThat(promoter.get("creditScore").asInt()).isEqualTo(615);
            assertThat(promoter.get("belowMinimum").asBoolean()).isFalse();
            assertThat(browser.find(sun + " .num").getText()).isEqualTo("615");
            assertThat(browser.find(sun).getAttribute("class")).doesNotContain("below");
        }
    }

    @Test
    void badInputOnTheConsoleNamesTheFieldInChinese() throws Exception {
        try (Browser browser = new Browser(server.origin(), DESK_WIDTH, 1000)) {
            browser.open("/login");
            browser.signIn("operator", "operator-test-password");
            browser.waitForPath("/console/operator");
            browser.open("/console/operator/party");
            int statements = server.get("/operator/party").body().get("statements").size();
            browser.type("#escrow-balance", "12.345");
            browser.click("#escrow-submit");
            browser.waitForText("#bad-field", "对账单余额");
            assertThat(server.get("/operator/party").body().get("statements").size()).isEqualTo(statements);
        }
    }
}

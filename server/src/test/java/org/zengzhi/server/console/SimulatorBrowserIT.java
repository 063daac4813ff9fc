package org.zengzhi.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.zengzhi.server.ServerHarness;
import org.zengzhi.server.TestDatabases;

import tools.jackson.databind.JsonNode;

/**
 * The simulator in the operator's browser (issue 20 item 6), in real Chromium: the operator picks
 * scenarios/single-city.yaml, runs it, waits on the page's running state and reads the seed's month: the
 * supplier profit on the page is the 375,000.00 that SingleCityScenarioGoldenTest pins, and the API's figure; the
 * labels follow the console's language; the full report opens beside it. Screenshot:
 * docs/screenshots/simulator-browser.png.
 */
class SimulatorBrowserIT {
    private static final int DESK_WIDTH = 1280;
    private static final String SUPPLIER_PROFIT = "#sim-figures tr[data-figure='supplierProfit'][data-period='2026-02'] td.num";

    @TempDir
    static Path temp;
    static ServerHarness server;

    @BeforeAll
    static void start() throws Exception {
        server = new ServerHarness(TestDatabases.h2(temp));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theOperatorRunsSingleCityAndReadsTheSeedsPnl_issue20Item6() throws Exception {
        try (Browser browser = new Browser(server.origin(), DESK_WIDTH, 1000)) {
            browser.open("/login");
            browser.signIn("operator", "operator-test-password");
            browser.waitForPath("/console/operator");
            browser.click("#nav-simulator");
            browser.waitForPath("/console/operator/simulator");
            browser.click("#sim-scenario option[value='single-city.yaml']");
            browser.click("#sim-run");
            String id = read(browser, "#sim-recent tr[data-run]", e -> e.getAttribute("data-run"));
            assertThat(browser.find("#sim-recent tr[data-run='" + id + "']").getText()).contains("single-city.yaml");
            for (int i = 0; i < 300 && "RUNNING".equals(read(browser, "#sim-run-card", e -> e.getAttribute("data-state"))); i++) {
                assertThat(read(browser, "#sim-state", WebElement::getText)).isIn("运行中", "已完成");
                Thread.sleep(500);
                browser.open("/console/operator/simulator?id=" + id);
            }
            assertThat(read(browser, "#sim-run-card", e -> e.getAttribute("data-state"))).isEqualTo("DONE");
            JsonNode api = server.get("/operator/simulations/" + id).body();
            String onPage = browser.find(SUPPLIER_PROFIT).getText();
            assertThat(onPage).as("the figure SingleCityScenarioGoldenTest pins").isEqualTo("375,000.00")
                    .isEqualTo(figure(api, "supplierProfit", "2026-02"));
            assertThat(browser.find("#sim-figures tr[data-figure='gmv'][data-period='2026-02'] td.num").getText())
                    .isEqualTo("1,500,000.00");
            assertThat(browser.find("#sim-figures").getText()).contains("供应商利润（元）");
            assertThat(browser.find("#sim-run-card").getText()).contains("四方共赢");
            Path shot = browser.screenshot("simulator-browser");
            Browser.keep(shot, "simulator-browser.png");
            browser.open("/console/operator/simulator?id=" + id + "&lang=en");
            assertThat(browser.find("#sim-figures").getText()).contains("Supplier profit (CNY)");
            assertThat(browser.find(SUPPLIER_PROFIT).getText()).isEqualTo(onPage);
            // Issue 20 item 6: the whole report in the console's language, the same figures in both.
            browser.open("/console/operator/simulator/" + id + "/report");
            assertThat(browser.find("body").getText()).contains("375,000.00").contains("supplier profit")
                    .doesNotContain("供应商利润");
            browser.open("/console/operator/simulator/" + id + "/report?lang=zh");
            assertThat(browser.find("body").getText()).contains("375,000.00").contains("供应商利润")
                    .doesNotContain("supplier profit");
        }
    }

    private static String figure(JsonNode run, String name, String period) {
        for (JsonNode figure : run.get("figures")) {
            if (name.equals(figure.get("name").asString()) && period.equals(figure.get("period").asString())) {
                return figure.get("value").asString();
            }
        }
        throw new AssertionError("no figure " + name + " for " + period + " in " + run);
    }

    /**
     * Reads an element of the page that refreshes itself every 2 s while a run is going: a read that falls on a
     * reload finds the element stale, and is tried again on the new page.
     */
    private static String read(Browser browser, String css, java.util.function.Function<WebElement, String> what) {
        for (int attempt = 0; ; attempt++) {
            try {
                return what.apply(browser.find(css));
            } catch (StaleElementReferenceException e) {
                if (attempt == 20) {
                    throw e;
                }
            }
        }
    }
}

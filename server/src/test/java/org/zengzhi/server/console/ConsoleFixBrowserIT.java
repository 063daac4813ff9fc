package org.zengzhi.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.zengzhi.server.ServerHarness;

import tools.jackson.databind.JsonNode;

/**
 * Two console defects of issue 20 in a real browser against the real server on H2: the operator rejects a store
 * request with a reason (it leaves the open list, shows as rejected, and its requester sees it on the wallet), and
 * the consumer's orders and pay result name a store by its saved display name and a mall order as 商城.
 */
class ConsoleFixBrowserIT {
    private static final int PHONE_WIDTH = 412;
    private static final int DESK_WIDTH = 1280;
    private static final String OPERATOR_PASSWORD = "operator-test-password";

    @TempDir
    static Path temp;
    static ServerHarness server;

    @BeforeAll
    static void start() throws Exception {
        server = new ServerHarness("zengzhi.data-dir=" + temp.resolve("data"));
        assertThat(server.post("m", "{\"type\":\"merchant\",\"merchant\":\"shop\",\"owner\":\"lee\",\"region\":\"440106\"}")
                .status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void operatorRejectsAStoreRequestWithAReasonAndTheRequesterSeesIt() throws Exception {
        assertThat(server.send(null, "POST", "/auth/register", "{\"username\":\"carl\",\"password\":\"carl-secret\"}", null)
                .status()).isEqualTo(201);
        String carl = server.login("carl", "carl-secret");
        assertThat(server.send(carl, "POST", "/merchant-requests", "{\"merchant\":\"carl-bakery\",\"region\":\"440106\"}",
                "file-1").status()).isEqualTo(201);
        try (Browser browser = new Browser(server.origin(), DESK_WIDTH, 1000)) {
            browser.open("/login");
            browser.signIn("operator", OPERATOR_PASSWORD);
            browser.waitForPath("/console/operator");
            browser.open("/console/operator/merchants");
            browser.type("tr[data-request='carl-bakery'] .reject-reason", "营业执照不清晰");
            browser.screenshot("reject");
            browser.click("tr[data-request='carl-bakery'] button.reject");
            browser.waitForText("#rejected", "carl-bakery");
            assertThat(browser.driver.findElements(By.cssSelector("tr[data-request='carl-bakery']")))
                    .as("no longer open").isEmpty();
            assertThat(browser.find("tr[data-rejected='carl-bakery'] .status").getText()).isEqualTo("已驳回");
            assertThat(browser.find("tr[data-rejected='carl-bakery'] .reason").getText()).isEqualTo("营业执照不清晰");
            browser.screenshot("rejected");
            browser.open("/console/operator/merchants?lang=en");
            browser.waitForText("tr[data-rejected='carl-bakery'] .status", "Rejected");
            assertThat(browser.find("tr[data-rejected='carl-bakery']").getText()).as("the reject button's English label")
                    .doesNotContain("merchants.");
        }
        JsonNode rejected = server.get("/operator/merchant-requests?status=REJECTED").body();
        assertThat(rejected.toString()).as("the API sees the same decision").contains("carl-bakery");
        assertThat(server.get("/operator/merchant-requests").body().toString()).doesNotContain("carl-bakery");
        try (Browser browser = new Browser(server.origin(), PHONE_WIDTH, 900)) {
            browser.open("/login");
            browser.signIn("carl", "carl-secret");
            browser.waitForPath("/console/wallet");
            assertThat(browser.find("tr[data-store-request='carl-bakery'] .status").getText()).isEqualTo("已驳回");
            assertThat(browser.find("tr[data-store-request='carl-bakery'] .reason").getText()).isEqualTo("营业执照不清晰");
            browser.screenshot("requester-sees-rejection");
        }
    }

    @Test
    void ordersAndThePayResultShowTheStoresDisplayNameAndMallOrdersAsTheMall() throws Exception {
        String operator = server.login("operator", OPERATOR_PASSWORD);
        assertThat(server.send(operator, "PUT", "/merchants/shop/settings",
                "{\"displayName\":\"李记面馆\",\"address\":\"天河路1号\"}", "settings-1").status()).isEqualTo(200);
        assertThat(server.send(null, "POST", "/auth/register", "{\"username\":\"amy\",\"password\":\"amy-secret\"}", null)
                .status()).isEqualTo(201);
        assertThat(server.post("p-mall", "{\"type\":\"pay\",\"id\":\"o-mall\",\"user\":\"amy\",\"amount\":\"100.00\","
                + "\"channel\":\"mall\"}").status()).isEqualTo(200);
        try (Browser browser = new Browser(server.origin(), PHONE_WIDTH, 900)) {
            browser.open("/login");
            browser.signIn("amy", "amy-secret");
            browser.waitForPath("/console/wallet");
            browser.open("/pay/shop");
            browser.type("#amount", "20.00");
            browser.click("#pay-submit");
            browser.waitForText("#paid-status", "20.00");
            assertThat(browser.find("#paid-status").getText()).contains("李记面馆").doesNotContain("shop");
            browser.open("/console/orders");
            assertThat(browser.find("li[data-order='o-mall'] .store").getText()).isEqualTo("商城");
            assertThat(browser.find("#orders li.item:not([data-order='o-mall']) .store").getText()).isEqualTo("李记面馆");
            assertThat(browser.find("#orders").getText()).doesNotContain("null");
            browser.screenshot("orders");
            browser.open("/console/orders?lang=en");
            browser.waitForText("li[data-order='o-mall'] .store", "Mall");
        }
    }
}

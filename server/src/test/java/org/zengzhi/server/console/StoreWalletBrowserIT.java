package org.zengzhi.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.zengzhi.server.ServerHarness;
import org.zengzhi.server.TestDatabases;

import tools.jackson.databind.JsonNode;

/**
 * The store wallet on the merchant's console page (门店钱包, issue 19 item 2) in a real browser on H2: the store's
 * own account adds a payee account (收款账户), withdraws to it, sees the balance move and the withdrawal listed, and
 * gets a clear Chinese error for more than the balance; the page's figures are the API's. An operator opening the
 * store does not see the section. The screenshot is copied to docs/screenshots/store-wallet.png.
 */
class StoreWalletBrowserIT {
    private static final int DESK_WIDTH = 1280;

    @TempDir
    static Path temp;
    static ServerHarness server;

    /** lee owns "shop", whose account is "shopkeeper"; alice paid 1000.00 there at 20%: 800.00 settled cash. */
    @BeforeAll
    static void start() throws Exception {
        server = new ServerHarness(TestDatabases.h2(temp.resolve("data")));
        server.send(null, "POST", "/auth/register", "{\"username\":\"alice\",\"password\":\"alice-secret\"}", null);
        assertThat(server.post("m", "{\"type\":\"merchant\",\"merchant\":\"shop\",\"owner\":\"lee\","
                + "\"region\":\"440106\",\"commissionRate\":\"0.20\"}").status()).isEqualTo(200);
        assertThat(server.post("p", "{\"type\":\"pay\",\"id\":\"o1\",\"user\":\"alice\",\"merchant\":\"shop\","
                + "\"amount\":\"1000.00\",\"channel\":\"store\"}").status()).isEqualTo(200);
        assertThat(server.post("t", "{\"type\":\"tick\"}").status()).isEqualTo(200);
        assertThat(server.post("/operator/accounts", "acc-1", "{\"username\":\"shopkeeper\",\"password\":"
                + "\"keeper-secret-7\",\"role\":\"MERCHANT\",\"merchant\":\"shop\"}").status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void issue19Item2_theStoreAddsAPayeeWithdrawsAndIsRefusedMoreThanItsBalance() throws Exception {
        String keeper = server.login("shopkeeper", "keeper-secret-7");
        try (Browser browser = new Browser(server.origin(), DESK_WIDTH, 1000)) {
            browser.open("/login");
            browser.signIn("shopkeeper", "keeper-secret-7");
            browser.waitForPath("/console/merchant");
            assertThat(browser.find("#store-cash").getText()).isEqualTo("800.00");
            assertThat(browser.find("#store-withdrawing").getText()).isEqualTo("0.00");
            browser.find("#store-no-payee");
            WebElement today = browser.find("#store-statements tr[data-date]");
            assertThat(today.findElement(By.cssSelector(".settled")).getText()).isEqualTo("800.00");
            assertThat(today.findElement(By.cssSelector(".closing")).getText()).isEqualTo("800.00");

            browser.find("#store-payee-kind");
            browser.type("#store-payee-account", "6222020200111234");
            browser.type("#store-payee-name", "李老板");
            browser.click("#store-payee-submit");
            browser.find("#store-withdraw-form");
            String option = browser.find("#store-withdraw-payee option").getText();
            assertThat(option).as("the payee is shown masked").contains("6222 **** **** 1234").contains("李**")
                    .doesNotContain("6222020200111234");
            JsonNode payees = server.send(keeper, "GET", "/merchants/shop/payees", null, null).body();
            assertThat(payees.size()).isEqualTo(1);

            browser.type("#store-withdraw-amount", "50.00");
            browser.click("#store-withdraw-submit");
            browser.waitForText("#store-withdrawn", "50.00");
            JsonNode wallet = server.send(keeper, "GET", "/merchants/shop/wallet", null, null).body();
            assertThat(wallet.get("cash").asString()).isEqualTo("750.00");
            assertThat(browser.find("#store-cash").getText()).isEqualTo(wallet.get("cash").asString());
            assertThat(browser.find("#store-withdrawing").getText()).isEqualTo(wallet.get("withdrawing").asString())
                    .isEqualTo("50.00");
            assertThat(browser.find("#store-withdrawals tr .amount").getText()).isEqualTo("50.00");
            assertThat(browser.find("#store-statements tr[data-date] .withdrawn").getText()).isEqualTo("50.00");

            browser.type("#store-withdraw-amount", "900.00");
            browser.click("#store-withdraw-submit");
            String error = browser.find("#store-withdraw-error").getText();
            assertThat(error).as("a clear Chinese error").isEqualTo("门店余额不足：申请提现 900.00 元，可提现余额只有 750.00 元。");
            assertThat(browser.find("#store-cash").getText()).as("nothing moved").isEqualTo("750.00");
            assertThat(browser.driver.findElements(By.cssSelector("#store-withdrawals tr"))).hasSize(1);
            Path shot = browser.screenshot("store-wallet");
            Browser.keep(shot, "store-wallet.png");
        }
        try (Browser operator = new Browser(server.origin(), DESK_WIDTH, 1000)) {
            operator.open("/login");
            operator.signIn("operator", "operator-test-password");
            operator.waitForPath("/console/operator");
            operator.open("/console/merchant?merchant=shop");
            operator.find("#store-settings");
            assertThat(operator.driver.findElements(By.id("store-wallet"))).as("only the store acts for its cash").isEmpty();
        }
    }
}

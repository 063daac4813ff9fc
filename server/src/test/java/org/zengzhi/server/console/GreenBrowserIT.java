package org.zengzhi.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zengzhi.server.ServerHarness;
import org.zengzhi.server.green.GreenEconomy;

import tools.jackson.databind.JsonNode;

/**
 * The green-points journey in real Chromium (issue 20 item 9): a consumer pays a store with vouchers and sees the
 * dividend on a phone-sized window; the operator closes a promoter's month from the green dashboard. Every number
 * is compared with the API. Screenshots go to target/screenshots and are copied to docs/screenshots/green-*.png.
 */
class GreenBrowserIT {
    private static final int PHONE_WIDTH = 412;
    private static final int DESK_WIDTH = 1280;

    @TempDir
    static Path temp;
    static GreenEconomy economy;
    static ServerHarness server;

    @BeforeAll
    static void start() throws Exception {
        economy = new GreenEconomy(temp);
        server = economy.server;
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }


    @Test
    void aConsumerPaysWithVouchersAndSeesTheDividend_issue20Item1() throws Exception {
        String token = server.login("amy", "amy-secret");
        assertThat(server.send(token, "GET", "/me/green", null, null).body().get("vouchers").asString())
                .as("1.00 from the first dividend").isEqualTo("1.00");
        try (Browser browser = new Browser(server.origin(), PHONE_WIDTH, 900)) {
            browser.open("/login");
            browser.signIn("amy", "amy-secret");
            browser.waitForPath("/console/wallet");
            // The pay page shows the vouchers held; more than that is refused before anything is paid.
            browser.open("/pay/shop");
            assertThat(browser.driver.getPageSource()).contains("持有 1.00");
            browser.type("#amount", "10.00");
            browser.type("#voucher", "2.00");
            browser.click("#pay-submit");
            assertThat(browser.find("#pay-error").getText()).isNotBlank();
            assertThat(server.send(token, "GET", "/me/green", null, null).body().get("vouchers").asString())
                    .as("nothing paid").isEqualTo("1.00");
            browser.find("#voucher").clear();
            browser.type("#voucher", "0.50");
            Browser.keep(browser.screenshot("green-pay-phone"), "green-pay-phone.png");
            browser.click("#pay-submit");
            browser.waitForText("#paid-status", "10.00");
            assertThat(browser.find("#paid-voucher").getText()).contains("0.50").contains("9.50");
            JsonNode api = server.send(token, "GET", "/me/green", null, null).body();
            assertThat(api.get("vouchers").asString()).as("1.00 from the first dividend, 0.50 spent").isEqualTo("0.50");
            browser.open("/console/wallet");
            browser.click("#green-link");
            browser.waitForPath("/console/green");
            assertThat(browser.find("#green-vouchers").getText()).isEqualTo(api.get("vouchers").asString());
            assertThat(browser.find("#green-coins").getText()).isEqualTo(api.get("coins").asString());
            assertThat(browser.find("#green-points").getText()).isEqualTo(api.get("greenPoints").asString());
            JsonNode lot = api.get("lots").get(0);
            assertThat(browser.find("#green-lots .lot .periods").getText()).isEqualTo("1 / 40");
            assertThat(browser.find("#green-lots .lot .paid").getText()).isEqualTo(lot.get("vouchersPaid").asString());
            JsonNode pool = api.get("pools").get(0);
            assertThat(browser.find("#green-pools tr[data-pool='CONSUMER'] .payday").getText())
                    .as("the pay day in Beijing time").isEqualTo(pool.get("nextPayDay").asString());
            assertThat(browser.find("#green-pools tr[data-pool='CONSUMER']").getText()).contains("消费者积分池");
            // The dividend history: the first dividend, on its Beijing day, with what amy received.
            JsonNode dividend = api.get("dividends").get(0);
            assertThat(browser.find("#green-history .dividend").getText()).contains(dividend.get("day").asString())
                    .contains("消费者积分池");
            assertThat(browser.find("#green-history .dividend .received").getText())
                    .isEqualTo(dividend.get("vouchers").asString()).isEqualTo("1.00");
            Browser.keep(browser.screenshot("green-consumer-phone"), "green-consumer-phone.png");
            // 金币商城: more coins than held are refused and nothing changes; then 1.50 is spent once.
            String coins = api.get("coins").asString();
            browser.type("#coin-amount", new java.math.BigDecimal(coins).add(java.math.BigDecimal.ONE).toString());
            browser.click("#coin-pay");
            assertThat(browser.find("#coins-error").getText()).contains("INSUFFICIENT_COINS");
            assertThat(server.send(token, "GET", "/me/green", null, null).body().get("coins").asString()).isEqualTo(coins);
            browser.type("#coin-amount", "1.50");
            browser.click("#coin-pay");
            browser.waitForText("#coins-paid", "1.50");
            String left = server.send(token, "GET", "/me/green", null, null).body().get("coins").asString();
            assertThat(new java.math.BigDecimal(left)).isEqualByComparingTo(new java.math.BigDecimal(coins)
                    .subtract(new java.math.BigDecimal("1.50")));
            assertThat(browser.find("#green-coins").getText()).isEqualTo(left);
            Browser.keep(browser.screenshot("green-coins-phone"), "green-coins-phone.png");
            browser.open("/console/green?lang=en");
            assertThat(browser.find("#green-pools tr[data-pool='CONSUMER']").getText()).contains("Consumer pool");
            assertThat(browser.find("#green-history").getText()).contains("Dividend history");
        }
    }

    /**
     * Issue 20 item 1: the coin mall lists the catalogue's coin products (name, picture, coin price, stock, the
     * store's display name) with a buy button; buying 2 moves the coins and the stock once, as the API shows.
     */
    @Test
    void aConsumerBuysFromTheCoinMallList_issue20Item1() throws Exception {
        String shop = server.login("lee-shop", "lee-shop-secret");
        assertThat(server.send(shop, "PUT", "/merchants/shop/settings", "{\"displayName\":\"李记茶铺\","
                + "\"address\":\"杭州\"}", "shop-name").status()).isEqualTo(200);
        ServerHarness.Reply listed = server.post("/operator/products", "browser-fan", "{\"product\":\"coin-fan\","
                + "\"name\":\"团扇\",\"coinPrice\":\"0.05\",\"merchant\":\"shop\",\"stock\":4,"
                + "\"images\":[\"https://img.example/fan.png\"]}");
        assertThat(listed.status()).as(listed.body().toString()).isEqualTo(201);
        String token = server.login("amy", "amy-secret");
        java.math.BigDecimal before = new java.math.BigDecimal(server.send(token, "GET", "/me/green", null, null)
                .body().get("coins").asString());
        try (Browser browser = new Browser(server.origin(), PHONE_WIDTH, 900)) {
            browser.open("/login");
            browser.signIn("amy", "amy-secret");
            browser.waitForPath("/console/wallet");
            browser.open("/console/green");
            assertThat(browser.find("#coin-held-amount").getText()).isEqualTo(before.toPlainString());
            String row = "#coin-products li[data-product='coin-fan']";
            assertThat(browser.find(row + " .coin-product-name").getText()).isEqualTo("团扇");
            assertThat(browser.find(row + " .coin-product-store").getText()).as("the display name, not the id")
                    .isEqualTo("李记茶铺");
            assertThat(browser.find(row + " .coin-product-price").getText()).contains("0.05");
            assertThat(browser.find(row + " .coin-product-stock").getText()).contains("4");
            assertThat(browser.find(row + " img").getAttribute("src")).isEqualTo("https://img.example/fan.png");
            browser.find(row + " .coin-quantity").clear();
            browser.type(row + " .coin-quantity", "2");
            browser.click(row + " .coin-buy");
            browser.waitForText("#coins-paid", "0.10");
            String left = server.send(token, "GET", "/me/green", null, null).body().get("coins").asString();
            assertThat(new java.math.BigDecimal(left)).isEqualByComparingTo(before.subtract(new java.math.BigDecimal("0.10")));
            assertThat(server.get("/products/coin-fan").body().get("stock").asLong()).isEqualTo(2);
            assertThat(browser.find(row + " .coin-product-stock").getText()).contains("2");
            assertThat(browser.find("#coin-held-amount").getText()).isEqualTo(left);
            Browser.keep(browser.screenshot("green-coin-mall-phone"), "green-coin-mall-phone.png");
        }
    }

    @Test
    void aStoreSeesItsGreenSection_issue20Item2() throws Exception {
        String token = server.login("lee-shop", "lee-shop-secret");
        JsonNode api = server.send(token, "GET", "/merchants/shop/green", null, null).body();
        try (Browser browser = new Browser(server.origin(), PHONE_WIDTH, 900)) {
            browser.open("/login");
            browser.signIn("lee-shop", "lee-shop-secret");
            browser.waitForPath("/console/merchant");
            assertThat(browser.find("#store-green-vouchers").getText()).isEqualTo(api.get("vouchers").asString());
            assertThat(browser.find("#store-green-points").getText()).isEqualTo(api.get("greenPoints").asString())
                    .isEqualTo("300.00");
            assertThat(browser.find("#store-green").getText()).contains("绑定顾客");
            assertThat(browser.find("#store-green-history .dividend .received").getText())
                    .isEqualTo(api.get("dividends").get(0).get("vouchers").asString());
        }
    }

    @Test
    void theOperatorClosesAPromotersMonth_issue20Items3and6() throws Exception {
        String month = economy.appointedMonth.toString();
        try (Browser browser = new Browser(server.origin(), DESK_WIDTH, 1000)) {
            browser.open("/login");
            browser.signIn("operator", "operator-test-password");
            browser.waitForPath("/console/operator");
            browser.click("#green-link");
            browser.waitForPath("/console/operator/green");
            JsonNode api = server.get("/operator/green").body();
            assertThat(browser.find("#coverage").getText()).isEqualTo(api.get("coverage").asString());
            assertThat(browser.find("#vouchers-out").getText()).isEqualTo(api.get("vouchersOutstanding").asString());
            assertThat(browser.find("#promoter-board tr[data-user='pam'] .rank").getText())
                    .isEqualTo(api.get("promoters").get(0).get("rank").asString());
            assertThat(browser.find("#close-month").getText()).contains(month);
            assertThat(browser.driver.findElements(org.openqa.selenium.By.cssSelector("#green-history .dividend")))
                    .as("both pools' first dividends").hasSize(api.get("dividends").size()).hasSize(2);
            Browser.keep(browser.screenshot("green-operator-before"), "green-operator.png");
            browser.click("#close-month");
            browser.waitForText("#closed", month);
            assertThat(server.get("/operator/green").body().get("monthToClose").asString())
                    .isEqualTo(economy.appointedMonth.plusMonths(1).toString());
            assertThat(browser.find("#close-month").getText()).contains(economy.appointedMonth.plusMonths(1).toString());
        }
        String pam = server.login("pam", "pam-secret");
        JsonNode promoter = server.send(pam, "GET", "/me/promoter", null, null).body();
        try (Browser browser = new Browser(server.origin(), PHONE_WIDTH, 900)) {
            browser.open("/login");
            browser.signIn("pam", "pam-secret");
            browser.waitForPath("/console/wallet");
            browser.open("/console/green");
            assertThat(browser.find("#promoter-month").getText()).isEqualTo(promoter.get("month").asString())
                    .isEqualTo(economy.appointedMonth.plusMonths(1).toString());
            assertThat(browser.find("#promoter-rank").getText()).isEqualTo(promoter.get("rank").asString());
            assertThat(browser.find("#promoter-metric").getText()).isEqualTo(promoter.get("metric").asString());
            JsonNode closed = promoter.get("income").get(0);
            assertThat(browser.find("#promoter-income .income[data-month='" + economy.appointedMonth + "'] .total")
                    .getText()).isEqualTo(closed.get("total").asString());
            Browser.keep(browser.screenshot("green-promoter-phone"), "green-promoter-phone.png");
        }
    }
}

package org.zengzhi.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.zengzhi.server.ServerHarness;
import org.zengzhi.server.TestDatabases;
import org.zengzhi.server.payment.ProviderOutbox;

/**
 * The web console in a real browser against the real server on H2: a consumer pays through a store's pay
 * code, sees the points and sells some with the live preview; the operator reads the dashboard and injects
 * a subsidy through its confirmation step; a merchant sees its printable pay code.
 */
class ConsoleBrowserIT {
    private static final int PHONE_WIDTH = 412;
    private static final int DESK_WIDTH = 1280;

    @TempDir
    static Path temp;
    static ServerHarness server;

    @BeforeAll
    static void start() throws Exception {
        startOn(TestDatabases.h2(temp.resolve("data")));
    }

    /** Starts the server on {@code database} (H2 here, PostgreSQL in {@link PostgresConsoleBrowserIT}) with a store. */
    static void startOn(String... database) throws Exception {
        server = new ServerHarness(database);
        // A store owned by lee, and one earlier customer so the price has a history before the tests pay.
        assertThat(server.post("m", "{\"type\":\"merchant\",\"merchant\":\"shop\",\"owner\":\"lee\",\"region\":\"440106\"}")
                .status()).isEqualTo(200);
        server.post("p0", "{\"type\":\"pay\",\"id\":\"o0\",\"user\":\"early\",\"merchant\":\"shop\",\"amount\":\"500.00\","
                + "\"channel\":\"store\"}");
        server.post("t0", "{\"type\":\"tick\"}");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void consumerPaysThroughThePayCodeSeesPointsAndSells() throws Exception {
        assertThat(server.send(null, "POST", "/auth/register", "{\"username\":\"amy\",\"password\":\"amy-secret\"}", null)
                .status()).isEqualTo(201);
        try (Browser browser = new Browser(server.origin(), PHONE_WIDTH, 900)) {
            // Scanning the pay code opens /pay/shop; signing in comes first and leads back to it.
            browser.open("/pay/shop");
            browser.find("#username");
            assertThat(browser.driver.getTitle()).as("Chinese by default").contains("登录");
            browser.screenshot("login");
            browser.signIn("amy", "amy-secret");
            browser.waitForPath("/pay/shop");
            browser.type("#amount", "1000.00");
            browser.screenshot("pay");
            browser.click("#pay-submit");
            browser.waitForText("#paid-status", "1000.00");
            assertThat(browser.find("#paid-referrer").getText()).as("the first payment binds the owner").contains("lee");
            browser.screenshot("paid");

            server.post("t1", "{\"type\":\"tick\"}");
            browser.click("#to-wallet");
            String points = browser.find("#points").getText();
            assertThat(new BigDecimal(points)).isPositive();
            assertThat(browser.find("#disclaimer").getText()).contains("并非承诺");
            assertThat(browser.driver.findElements(By.cssSelector("#price-chart canvas"))).isNotEmpty();

            String amy = server.login("amy", "amy-secret");
            String expected = server.send(amy, "GET", "/me/sell-preview?points=10", null, null).body().get("payout").asString();
            browser.type("#sell-points", "10");
            browser.waitForText("#sell-preview", expected);
            browser.screenshot("wallet");
            String cashBefore = browser.find("#cash").getText();
            browser.click("#sell-submit");
            browser.find("#sold");
            assertThat(new BigDecimal(browser.find("#cash").getText()))
                    .isEqualByComparingTo(new BigDecimal(cashBefore).add(new BigDecimal(expected)));
            assertThat(new BigDecimal(browser.find("#points").getText()))
                    .isEqualByComparingTo(new BigDecimal(points).subtract(BigDecimal.TEN));

            browser.open("/console/wallet?lang=en");
            browser.waitForText("h1", "My wallet");
            assertThat(browser.find("#disclaimer").getText()).contains("not a promise");
            browser.screenshot("wallet-en");
        }
    }

    @Test
    void operatorSeesTheDashboardAndConfirmsASubsidy() throws Exception {
        String poolBefore = server.get("/economy").body().get("poolCash").asString();
        try (Browser browser = new Browser(server.origin(), DESK_WIDTH, 1000)) {
            browser.open("/console");
            browser.signIn("operator", operatorPassword());
            browser.waitForPath("/console/operator");
            browser.find("#price-chart canvas");
            browser.find("#invariants-ok");
            assertThat(browser.find("#pool-cash").getText()).isEqualTo(poolBefore);
            browser.screenshot("operator");

            browser.type("#subsidy-amount", "100.00");
            browser.type("#subsidy-reason", "launch week");
            browser.click("#subsidy-next");
            browser.find("#subsidy-review");
            assertThat(server.get("/economy").body().get("poolCash").asString()).as("nothing before confirming")
                    .isEqualTo(poolBefore);
            browser.screenshot("subsidy-confirm");
            browser.click("#subsidy-confirm");
            browser.find("#subsidized");
            String poolAfter = server.get("/economy").body().get("poolCash").asString();
            assertThat(new BigDecimal(poolAfter)).isEqualByComparingTo(new BigDecimal(poolBefore).add(new BigDecimal("100.00")));
            assertThat(browser.find("#pool-cash").getText()).isEqualTo(poolAfter);
            browser.find("#price-chart canvas");
            browser.screenshot("operator-after-subsidy");
        }
    }

    @Test
    void consumerRequestsAWithdrawalAndTheOperatorApprovesIt() throws Exception {
        assertThat(server.send(null, "POST", "/auth/register", "{\"username\":\"wendy\",\"password\":\"wendy-secret\"}",
                null).status()).isEqualTo(201);
        assertThat(server.post("fund-wendy", "{\"type\":\"bonus\",\"user\":\"wendy\",\"amount\":\"1500.00\","
                + "\"reason\":\"test funds\"}").status()).isEqualTo(200);
        try (Browser browser = new Browser(server.origin(), PHONE_WIDTH, 900)) {
            browser.open("/login");
            browser.signIn("wendy", "wendy-secret");
            browser.waitForPath("/console/wallet");
            // The form's key is a hidden field, never visible, so it is read without waiting for visibility.
            String formKey = browser.driver.findElement(By.cssSelector("#withdraw-form input[name=key]"))
                    .getAttribute("value");
            browser.type("#withdraw-amount", "1200.00");
            browser.click("#withdraw-submit");
            browser.waitForText("#withdrawn", "1200.00");
            assertThat(browser.find("#my-withdrawals tr[data-withdrawal]").getAttribute("data-state"))
                    .as("the wallet lists it, waiting for review").isEqualTo("REQUESTED");
            assertThat(browser.find("#my-withdrawals tr[data-withdrawal]").getAttribute("data-withdrawal"))
                    .as("the server names it as it names the API's (wd-<uuid>), never after the form's key")
                    .matches("wd-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                    .isNotEqualTo("wd-" + formKey);
            assertThat(new BigDecimal(browser.find("#cash").getText())).as("the amount is frozen at once")
                    .isEqualByComparingTo("300.00");
            browser.screenshot("withdraw");
        }
        // 1200.00 is above the plan's review threshold (1000.00): it waits in the operator's queue.
        try (Browser browser = new Browser(server.origin(), DESK_WIDTH, 1000)) {
            browser.open("/login");
            browser.signIn("operator", operatorPassword());
            browser.waitForPath("/console/operator");
            browser.find("#review-queue");
            browser.screenshot("review-queue");
            browser.click("#review-queue tr[data-withdrawal] button.approve");
            browser.find("#reviewed");
            assertThat(server.get("/operator/withdrawals?state=APPROVED").body().toString()).contains("wendy")
                    .contains("1200.00");
            // The approved payout goes to the sandbox provider; the operator answers for its bank.
            server.bean(ProviderOutbox.class).drain();
            browser.open("/console/operator");
            String withdrawal = browser.find("#payout-list tr[data-payout]").getAttribute("data-payout");
            browser.screenshot("payouts");
            browser.click("#payout-list tr[data-payout-actions='" + withdrawal + "'] button.approve");
            browser.find("#payout-done");
            assertThat(server.get("/withdrawals/" + withdrawal).body().get("state").asString()).isEqualTo("PAID");
            assertThat(browser.driver.findElements(By.cssSelector("#payout-list tr[data-payout='" + withdrawal + "']")))
                    .as("no longer waiting").isEmpty();
        }
        String wendy = server.login("wendy", "wendy-secret");
        ServerHarness.Reply mine = server.send(wendy, "GET", "/me/withdrawals", null, null);
        assertThat(mine.body().get(0).get("state").asString()).as(mine.body().toString()).isEqualTo("PAID");
        assertThat(mine.body().get(0).get("amount").asString()).isEqualTo("1200.00");
        try (Browser browser = new Browser(server.origin(), PHONE_WIDTH, 900)) {
            browser.open("/login");
            browser.signIn("wendy", "wendy-secret");
            browser.waitForPath("/console/wallet");
            assertThat(browser.find("#my-withdrawals tr[data-withdrawal]").getAttribute("data-state")).isEqualTo("PAID");
            assertThat(browser.find("#my-withdrawals").getText()).contains("已到账");
            browser.screenshot("wallet-withdrawals");
        }
    }

    @Test
    void anInvalidPlanShowsItsFieldErrorsAndAValidOneGoesInForce() throws Exception {
        try (Browser browser = new Browser(server.origin(), DESK_WIDTH, 1000)) {
            browser.open("/login");
            browser.signIn("operator", operatorPassword());
            browser.waitForPath("/console/operator");
            browser.click("#plan-link");
            browser.waitForPath("/console/operator/plan");
            assertThat(browser.find("#plan-yaml").getAttribute("value")).contains("local-life");
            String hash = server.get("/operator/check").body().get("stateHash").asString();
            browser.driver.findElement(By.id("plan-yaml")).clear();
            browser.type("#plan-yaml", "pool:\n  mintRatio: 170%\n  bogus: 1\n");
            browser.click("#plan-submit");
            browser.find("#plan-errors");
            assertThat(browser.driver.findElements(By.cssSelector(".plan-error"))).extracting(e -> e.getAttribute("data-field"))
                    .contains("pool.mintRatio", "pool.bogus");
            assertThat(browser.find("#plan-yaml").getAttribute("value")).as("the text stays for correction").contains("170%");
            assertThat(server.get("/operator/check").body().get("stateHash").asString()).as("nothing changed").isEqualTo(hash);
            browser.screenshot("plan-errors");
            browser.driver.findElement(By.id("plan-yaml")).clear();
            browser.type("#plan-yaml", "name: steadier\npool: {exitMultiple: 2}\n");
            browser.click("#plan-submit");
            browser.find("#plan-changes");
            assertThat(browser.driver.findElements(By.cssSelector(".plan-change"))).as("issue 19 item 8: the diff first")
                    .extracting(e -> e.getAttribute("data-field")).contains("name", "pool.exitMultipleNumerator");
            assertThat(server.get("/operator/check").body().get("stateHash").asString()).as("not yet confirmed")
                    .isEqualTo(hash);
            browser.screenshot("plan-changes");
            browser.click("#plan-confirm");
            browser.waitForText("#plan-changed", "steadier");
            assertThat(server.get("/economy").body().get("plan").asString()).isEqualTo("steadier");
        } finally {
            // The server is shared by this class's tests: put the preset back so their order does not matter.
            String original = server.get("/operator/plan").body().get("yaml").asString();
            String preset = new String(ConsoleBrowserIT.class.getResourceAsStream("/plans/local-life.yaml").readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            if (!original.equals(preset)) {
                tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
                String operator = server.login("operator", operatorPassword());
                String version = server.send(operator, "PUT", "/operator/plan", json.writeValueAsString(
                        java.util.Map.of("yaml", preset)), "restore-plan").body().get("planInForce").asString();
                assertThat(server.send(operator, "PUT", "/operator/plan", json.writeValueAsString(java.util.Map.of(
                        "yaml", preset, "confirm", true, "expectedPlan", version)), "restore-plan").status())
                        .isEqualTo(200);
            }
        }
    }

    @Test
    void operatorApprovesAMerchantAndAppointsAnAgentOnTheRegionPicker() throws Exception {
        server.send(null, "POST", "/auth/register", "{\"username\":\"carl\",\"password\":\"carl-secret\"}", null);
        String carl = server.login("carl", "carl-secret");
        assertThat(server.send(carl, "POST", "/merchant-requests",
                "{\"merchant\":\"carl-noodles\",\"region\":\"440106\"}", "file-1")
                .status()).isEqualTo(201);
        try (Browser browser = new Browser(server.origin(), DESK_WIDTH, 1000)) {
            browser.open("/login");
            browser.signIn("operator", operatorPassword());
            browser.waitForPath("/console/operator");
            browser.click("#merchants-link");
            browser.waitForPath("/console/operator/merchants");
            // The negotiated terms differ from the request: 12.5% instead of the plan default, recruited by lee.
            browser.type("tr[data-request='carl-noodles'] .term-rate", "12.5");
            browser.type("tr[data-request='carl-noodles'] .term-recruiter", "lee");
            browser.click("tr[data-request='carl-noodles'] button.approve");
            browser.waitForText("#approved", "carl-noodles");
            browser.open("/console/operator/merchant-list");
            assertThat(browser.find("tr[data-merchant='carl-noodles'] .rate").getText()).isEqualTo("12.5%");
            assertThat(browser.find("tr[data-merchant='carl-noodles']").getText()).contains("lee");
            browser.open("/console/operator/merchants");
            new org.openqa.selenium.support.ui.Select(browser.find("#province")).selectByValue("440000");
            browser.find("#city");
            new org.openqa.selenium.support.ui.Select(browser.find("#city")).selectByValue("440100");
            browser.find("#agent-region option[value='440106']");
            new org.openqa.selenium.support.ui.Select(browser.find("#agent-region")).selectByValue("440106");
            browser.type("#agent-user", "zoe");
            browser.screenshot("agents");
            browser.click("#agent-submit");
            browser.waitForText("#appointed", "440106");
            browser.open("/console/operator/merchants?province=440000&city=440100");
            new org.openqa.selenium.support.ui.Select(browser.find("#agent-region")).selectByValue("440106");
            browser.type("#agent-user", "someone-else");
            browser.click("#agent-submit");
            browser.waitForText("#merchants-error", "REGION_TAKEN");
            assertThat(browser.find("#merchants-error").getText()).as("issue 20 item 7: the rejection in Chinese")
                    .contains("该地区已有代理");
        }
        String keeper = server.login("carl", "carl-secret");
        assertThat(server.send(keeper, "GET", "/merchants/carl-noodles/pay-code", null, null).status())
                .as("carl's login is now the store's").isEqualTo(200);
    }

    @Test
    void merchantSeesItsPayCode() throws Exception {
        assertThat(server.post("/operator/accounts", (String) null, "{\"username\":\"lee-shop\",\"password\":\"lee-secret\","
                + "\"role\":\"MERCHANT\",\"merchant\":\"shop\"}").status()).isEqualTo(201);
        try (Browser browser = new Browser(server.origin(), DESK_WIDTH, 900)) {
            browser.open("/login");
            browser.signIn("lee-shop", "lee-secret");
            browser.waitForPath("/console/merchant");
            browser.find("#pay-code-image");
            Object width = browser.driver.executeScript(
                    "var img = document.getElementById('pay-code-image'); return img.complete ? img.naturalWidth : 0;");
            assertThat(((Number) width).intValue()).as("the QR image loaded").isGreaterThan(0);
            assertThat(browser.find("#pay-code").getText()).contains(server.origin() + "/pay/shop");
            browser.screenshot("merchant-pay-code");
        }
    }

    @Test
    void formsNeedTheirCsrfTokenAndTheApiStillTakesBearerTokens() throws Exception {
        HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.origin() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=operator&password=" + operatorPassword())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as("a login post without the form's CSRF token").isEqualTo(403);
        assertThat(server.get("/economy").status()).isEqualTo(200);
        assertThat(server.send(null, "GET", "/economy", null, null).status()).isEqualTo(401);
    }

    private static String operatorPassword() {
        return "operator-test-password";
    }
}

package org.zengzhi.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.zengzhi.server.ServerHarness;

import tools.jackson.databind.JsonNode;

/**
 * The operator's merchant list, reports queue and participant search in a real browser against the real server
 * on H2 (issue 5; ): each action on a page is checked by its effect through the API.
 */
class OperatorPagesBrowserIT {
    private static final int DESK_WIDTH = 1280;
    private static final String OPERATOR_PASSWORD = "operator-test-password";

    @TempDir
    static Path temp;
    static ServerHarness server;

    @BeforeAll
    static void start() throws Exception {
        server = new ServerHarness("zengzhi.data-dir=" + temp.resolve("data"));
        // noodles: owned by nora, recruited by rick, at 15% in 天河区; tea: owned by tom at the plan's default rate.
        assertThat(server.post("m-noodles", "{\"type\":\"merchant\",\"merchant\":\"noodles\",\"owner\":\"nora\","
                + "\"recruiter\":\"rick\",\"region\":\"440106\",\"commissionRate\":\"0.15\"}").status()).isEqualTo(200);
        assertThat(server.post("m-tea", "{\"type\":\"merchant\",\"merchant\":\"tea\",\"owner\":\"tom\",\"region\":\"110101\"}")
                .status()).isEqualTo(200);
        // amy joins under nora's invite and pays twice at noodles; the first order settles.
        assertThat(server.send(null, "POST", "/auth/register", "{\"username\":\"amy\",\"password\":\"amy-secret\","
                + "\"invite\":\"nora\"}", null).status()).isEqualTo(201);
        assertThat(server.post("p1", "{\"type\":\"pay\",\"id\":\"o1\",\"user\":\"amy\",\"merchant\":\"noodles\","
                + "\"amount\":\"1000.00\",\"channel\":\"store\"}").status()).isEqualTo(200);
        server.post("t1", "{\"type\":\"tick\"}");
        assertThat(server.post("p2", "{\"type\":\"pay\",\"id\":\"o2\",\"user\":\"amy\",\"merchant\":\"noodles\","
                + "\"amount\":\"250.50\",\"channel\":\"store\"}").status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Browser operator(String profile) {
        Browser browser = new Browser(server.origin(), DESK_WIDTH, 1000);
        browser.open("/login");
        browser.signIn("operator", OPERATOR_PASSWORD);
        browser.waitForPath("/console/operator");
        return browser;
    }

    private static String register(String user) throws Exception {
        assertThat(server.send(null, "POST", "/auth/register", "{\"username\":\"" + user + "\",\"password\":\"" + user
                + "-secret\"}", null).status()).isEqualTo(201);
        return server.login(user, user + "-secret");
    }

    /** A store payment through the API as the payer, completed at the sandbox: the payment's final status and code. */
    private static JsonNode pay(String token, String user, String merchant, String order) throws Exception {
        ServerHarness.Reply created = server.send(token, "POST", "/payments", "{\"order\":\"" + order + "\",\"user\":\"" + user
                + "\",\"merchant\":\"" + merchant + "\",\"channel\":\"store\",\"amount\":\"20.00\"}", "create-" + order);
        assertThat(created.status()).as("the payment is created: %s", created.body()).isEqualTo(201);
        String payUrl = created.body().get("payUrl").asString();
        assertThat(server.post(payUrl.substring(payUrl.indexOf("/api/v1") + "/api/v1".length()),
                Map.of("Idempotency-Key", "complete-" + order), "").status()).isEqualTo(200);
        return server.get("/payments/" + created.body().get("payment").asString()).body();
    }

    /** A store payment the server refuses before any intent exists (issue 19): the problem it answers. */
    private static JsonNode refusedPayment(String token, String user, String merchant, String order) throws Exception {
        ServerHarness.Reply refused = server.send(token, "POST", "/payments", "{\"order\":\"" + order + "\",\"user\":\""
                + user + "\",\"merchant\":\"" + merchant + "\",\"channel\":\"store\",\"amount\":\"20.00\"}",
                "create-" + order);
        assertThat(refused.status()).as("refused before the customer pays: %s", refused.body()).isEqualTo(422);
        assertThat(refused.body().get("field").asString()).isEqualTo("merchant");
        return refused.body();
    }

    /** suspend a store from the merchant list (its payments fail), then reinstate it (they go through). */
    @Test
    void operatorSuspendsAMerchantWhosePaymentsAreRefusedAndReinstatesIt() throws Exception {
        String sam = register("sam");
        BigDecimal gmv = BigDecimal.ZERO;
        int orders = 0;
        for (JsonNode order : server.get("/merchants/noodles/orders").body()) {
            if (!"REFUNDED".equals(order.get("status").asString())) {
                gmv = gmv.add(new BigDecimal(order.get("amount").asString()));
                orders++;
            }
        }
        try (Browser browser = operator("suspend-profile")) {
            browser.click("#nav-merchant-list");
            browser.waitForPath("/console/operator/merchant-list");
            WebElement noodles = browser.find("tr[data-merchant='noodles']");
            String row = noodles.getText();
            assertThat(row).contains("nora", "rick", "440106", "广东省 广州市 天河区", "15%");
            assertThat(noodles.findElement(By.cssSelector(".orders")).getText()).isEqualTo(String.valueOf(orders));
            assertThat(new BigDecimal(noodles.findElement(By.cssSelector(".gmv")).getText())).isEqualByComparingTo(gmv);
            assertThat(noodles.findElements(By.cssSelector(".active"))).isNotEmpty();
            WebElement tea = browser.find("tr[data-merchant='tea']");
            assertThat(tea.findElement(By.cssSelector(".rate")).getText()).as("the plan's default").isEqualTo("20%");
            assertThat(tea.getText()).contains("北京市");
            browser.screenshot("operator-merchant-list");

            browser.type("tr[data-merchant='noodles'] input.reason", "customers report off-platform payments");
            browser.click("tr[data-merchant='noodles'] button.suspend");
            browser.waitForText("#suspended", "noodles");
            browser.find("tr[data-merchant='noodles'] .suspended");
            browser.screenshot("operator-merchant-suspended");

            JsonNode refused = refusedPayment(sam, "sam", "noodles", "sam-1");
            assertThat(refused.get("code").asString()).isEqualTo("MERCHANT_SUSPENDED");

            browser.type("tr[data-merchant='noodles'] input.reason", "checked: payments stay on the platform");
            browser.click("tr[data-merchant='noodles'] button.reinstate");
            browser.waitForText("#reinstated", "noodles");
            browser.find("tr[data-merchant='noodles'] .active");
            assertThat(pay(sam, "sam", "noodles", "sam-2").get("status").asString()).isEqualTo("PAID");

            browser.open("/console/operator/merchant-list?lang=en");
            browser.waitForText("h1", "Merchant list");
            browser.open("/console/operator/merchant-list?lang=zh");
            browser.waitForText("h1", "商家列表");
        }
    }

    /** a consumer reports through the API; the operator upholds on the reports page; the API shows the effect. */
    @Test
    void operatorAdjudicatesReportsFiledThroughTheApi() throws Exception {
        String rita = register("rita");
        String steering = server.send(rita, "POST", "/reports", "{\"kind\":\"OFF_PLATFORM\",\"subject\":\"tea\","
                + "\"details\":\"The cashier asked me to pay by bank transfer instead.\"}", "file-1")
                        .body().get("report").asString();
        String other = server.send(rita, "POST", "/reports", "{\"kind\":\"SHADOW_ACCOUNT\",\"subject\":\"shadow-1\","
                + "\"details\":\"An account collects rewards for people it never invited.\"}", "file-2")
                        .body().get("report").asString();
        String cashBefore = cash(rita);
        try (Browser browser = operator("reports-profile")) {
            browser.click("#nav-reports");
            browser.waitForPath("/console/operator/reports");
            String card = "section[data-report='" + steering + "'] ";
            assertThat(browser.find(card + ".subject").getText()).isEqualTo("tea");
            assertThat(browser.find(card + "input.merchant").getAttribute("value")).as("the subject is a store").isEqualTo("tea");
            assertThat(new Select(browser.find(card + "select.outcome")).getFirstSelectedOption().getAttribute("value"))
                    .isEqualTo("SUSPEND");
            browser.screenshot("operator-reports");
            browser.type(card + "input.reason", "two receipts show bank transfers");
            browser.click(card + "button.decide-submit");
            browser.waitForText("#decided", steering);

            String otherCard = "section[data-report='" + other + "'] ";
            new Select(browser.find(otherCard + "select.outcome")).selectByValue("REWARD");
            browser.type(otherCard + "input.amount", "30.00");
            browser.type(otherCard + "input.reason", "the shadow account was confirmed");
            browser.click(otherCard + "button.decide-submit");
            browser.waitForText("#decided", other);
            browser.find("#reports-empty");

            browser.click("#reports-upheld");
            browser.find("section[data-report='" + steering + "'] .outcome");
            assertThat(browser.find("section[data-report='" + steering + "'] .outcome").getText()).isEqualTo("SUSPEND");
            assertThat(browser.find("section[data-report='" + other + "'] .outcome").getText()).isEqualTo("REWARD");
            browser.screenshot("operator-reports-upheld");
        }
        List<String> upheld = new ArrayList<>();
        server.get("/operator/reports?status=UPHELD").body().forEach(report -> upheld.add(report.get("id").asString()
                + ":" + report.get("outcome").asString()));
        assertThat(upheld).contains(steering + ":SUSPEND", other + ":REWARD");
        JsonNode refused = refusedPayment(rita, "rita", "tea", "rita-1");
        assertThat(refused.get("code").asString()).as("the upheld report suspended tea").isEqualTo("MERCHANT_SUSPENDED");
        assertThat(new BigDecimal(cash(rita))).as("the reporter was paid the reward")
                .isEqualByComparingTo(new BigDecimal(cashBefore).add(new BigDecimal("30.00")));
        assertThat(server.post("/operator/reports/" + steering + "/decision", "again", "{\"outcome\":\"DISMISS\","
                + "\"reason\":\"second thoughts\"}").status()).as("a decided report stays decided").isEqualTo(409);
    }

    /** the operator finds a participant by a prefix and reads the same balances and postings as the API. */
    @Test
    void operatorSearchesAParticipantAndSeesTheApisLedgerPostings() throws Exception {
        String amy = server.login("amy", "amy-secret");
        JsonNode postings = server.send(amy, "GET", "/me/postings?page=0&size=50", null, null).body().get("postings");
        assertThat(postings.size()).as("amy has a ledger history").isGreaterThan(2);
        List<String> expected = new ArrayList<>();
        postings.forEach(posting -> expected.add(posting.get("command").asString() + " " + posting.get("account").asString()
                + " " + posting.get("asset").asString() + " " + posting.get("amount").asString()));
        Map<String, String> balances = new LinkedHashMap<>();
        server.get("/users/amy/wallet").body().get("balances").forEach(balance ->
                balances.put(balance.get("account").asString(), balance.get("amount").asString()));
        try (Browser browser = operator("participants-profile")) {
            browser.click("#nav-participants");
            browser.waitForPath("/console/operator/participants");
            browser.type("#participant-q", "am");
            browser.click("#participant-submit");
            browser.find("#participant-matches tr[data-user='amy']");
            assertThat(browser.find("#participant-matches tr[data-user='amy']").getText()).contains("CONSUMER", "nora");
            browser.screenshot("operator-participant-search");
            browser.click("#participant-matches tr[data-user='amy'] a.open");
            browser.waitForPath("/console/operator/participants/amy");
            assertThat(browser.find("#participant-referrer").getText()).isEqualTo("nora");
            assertThat(browser.find("#participant-role").getText()).isEqualTo("CONSUMER");
            Map<String, String> shownBalances = new LinkedHashMap<>();
            for (WebElement row : browser.driver.findElements(By.cssSelector("#participant-balances tr[data-account]"))) {
                shownBalances.put(row.getAttribute("data-account"), row.findElement(By.cssSelector(".amount")).getText());
            }
            assertThat(shownBalances).isEqualTo(balances);
            List<String> shown = new ArrayList<>();
            for (WebElement row : browser.driver.findElements(By.cssSelector("#postings tr.posting"))) {
                shown.add(row.findElement(By.cssSelector(".command")).getText() + " "
                        + row.findElement(By.cssSelector(".account")).getAttribute("data-account") + " "
                        + row.findElement(By.cssSelector(".asset")).getText() + " "
                        + row.findElement(By.cssSelector(".amount")).getText());
            }
            assertThat(shown).as("the page's postings are the API's, in the same order").isEqualTo(expected);
            // Issue 20 item 7 (f, a): plain labels instead of account codes; times in Beijing time to the minute.
            for (WebElement row : browser.driver.findElements(By.cssSelector("#participant-balances tr[data-account]"))) {
                assertThat(row.findElement(By.cssSelector("td")).getText()).as(row.getAttribute("data-account"))
                        .isNotEqualTo(row.getAttribute("data-account")).doesNotContain("_");
            }
            for (WebElement row : browser.driver.findElements(By.cssSelector("#postings tr.posting"))) {
                assertThat(row.findElement(By.cssSelector(".account")).getText()).doesNotContain("USER_");
                assertThat(row.findElement(By.cssSelector(".at")).getText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
            }
            browser.screenshot("operator-participant");

            browser.click("#participant-referrer");
            browser.waitForPath("/console/operator/participants/nora");
            assertThat(browser.find("#participant-no-referrer").isDisplayed()).isTrue();
            browser.open("/console/operator/participants?q=nobody-at-all");
            browser.find("#participant-none");
            browser.open("/console/operator/participants?q=a%25");
            browser.find("#participant-none");
        }
    }

    private static String cash(String token) throws Exception {
        for (JsonNode balance : server.send(token, "GET", "/me/wallet", null, null).body().get("balances")) {
            if ("USER_CASH".equals(balance.get("account").asString())) {
                return balance.get("amount").asString();
            }
        }
        return "0.00";
    }
}

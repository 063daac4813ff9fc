package org.zengzhi.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.zengzhi.server.ServerHarness;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import tools.jackson.databind.JsonNode;

/**
 * The console's role pages in a real browser against the real server on H2 (issue 5), every figure compared with
 * the API's: the operator's dashboard marks a forced exit on the price curve and shows rewards paid by kind
 * and exits per day; a consumer reads their orders and their invite QR code, which a friend follows to join
 * under them; a merchant reads its settlements, bound customers and its owner's cross-store and recruitment
 * rewards, changes its store settings, which its pay page then shows, and cannot open another store
 * (R-8.4).
 *
 * <p>The plan is local life with an exit multiple of 0.2, so a consumer exits after a few orders: "early" spends
 * 100.00 and holds 11.2 points; amy's 1000.00 then lifts the price to 1.9643, where early's points are worth
 * 22.00 ≥ 0.2 × 100.00.
 */
class RolePagesBrowserIT {
    private static final int PHONE_WIDTH = 412;
    private static final int DESK_WIDTH = 1280;
    private static final String OPERATOR_PASSWORD = "operator-test-password";

    @TempDir
    static Path temp;
    static ServerHarness server;

    @BeforeAll
    static void start() throws Exception {
        String preset = new String(RolePagesBrowserIT.class.getResourceAsStream("/plans/local-life.yaml").readAllBytes(),
                StandardCharsets.UTF_8);
        String quickExit = preset.replace("name: local-life", "name: quick-exit")
                .replaceFirst("exitMultiple: 1\\.2", "exitMultiple: 0.2");
        assertThat(quickExit).contains("exitMultiple: 0.2");
        Path plan = temp.resolve("quick-exit.yaml");
        Files.writeString(plan, quickExit, StandardCharsets.UTF_8);
        server = new ServerHarness("zengzhi.data-dir=" + temp.resolve("data"), "zengzhi.plan=" + plan);

        // rita invited lee; lee owns "shop" and recruited kim's "cafe"; zoe is the district's agent.
        command("r1", "{\"type\":\"register\",\"user\":\"rita\"}");
        command("r2", "{\"type\":\"register\",\"user\":\"lee\",\"referrer\":\"rita\"}");
        command("m1", "{\"type\":\"merchant\",\"merchant\":\"shop\",\"owner\":\"lee\",\"region\":\"440106\"}");
        command("m2", "{\"type\":\"merchant\",\"merchant\":\"cafe\",\"owner\":\"kim\",\"recruiter\":\"lee\",\"region\":\"440106\"}");
        command("a1", "{\"type\":\"agent\",\"user\":\"zoe\",\"region\":\"440106\"}");
        assertThat(server.send(null, "POST", "/auth/register", "{\"username\":\"amy\",\"password\":\"amy-secret\"}", null)
                .status()).isEqualTo(201);
        assertThat(server.post("/operator/accounts", (String) null, "{\"username\":\"lee-shop\",\"password\":\"lee-secret\","
                + "\"role\":\"MERCHANT\",\"merchant\":\"shop\"}").status()).isEqualTo(201);

        pay("o-early", "early", "shop", "100.00");
        command("t1", "{\"type\":\"tick\"}");
        // amy's first payment at shop binds her to lee; her order at cafe earns lee a cross-store direct reward and
        // the recruitment reward; settling them forces early out.
        pay("o-amy-1", "amy", "shop", "1000.00");
        pay("o-amy-2", "amy", "cafe", "500.00");
        command("t2", "{\"type\":\"tick\"}");
        pay("o-amy-3", "amy", "shop", "200.00");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static void command(String key, String json) throws Exception {
        ServerHarness.Reply reply = server.post(key, json);
        assertThat(reply.status()).as(json + " → " + reply.body()).isEqualTo(200);
    }

    private static void pay(String order, String user, String merchant, String amount) throws Exception {
        command("pay-" + order, "{\"type\":\"pay\",\"id\":\"" + order + "\",\"user\":\"" + user + "\",\"merchant\":\""
                + merchant + "\",\"amount\":\"" + amount + "\",\"channel\":\"store\"}");
    }

    @Test
    void theDashboardMarksExitsAndShowsRewardsByKindAndExitsPerDay() throws Exception {
        JsonNode exits = server.get("/operator/exits").body();
        assertThat(exits.get("exits").asLong()).as("early was forced out").isEqualTo(1);
        JsonNode rewards = server.get("/operator/rewards").body();
        try (Browser browser = new Browser(server.origin(), DESK_WIDTH, 1000)) {
            browser.open("/login");
            browser.signIn("operator", OPERATOR_PASSWORD);
            browser.waitForPath("/console/operator");
            browser.find("#price-chart canvas");
            Object exitMarks = browser.driver.executeScript("var chart = echarts.getInstanceByDom(document.getElementById("
                    + "'price-chart')); return chart.getOption().series[0].markLine.data.filter(function (d) {"
                    + " return d.label && String(d.label.formatter).indexOf('出局') === 0; }).length;");
            assertThat(((Number) exitMarks).intValue()).as("the exit is marked on the price curve").isEqualTo(1);

            JsonNode today = exits.get("days").get(0);
            WebElement row = browser.find("#exits-days tr[data-day='" + today.get("day").asString() + "']");
            assertThat(row.findElement(By.cssSelector(".count")).getText()).isEqualTo("1");
            assertThat(row.findElement(By.cssSelector(".points")).getText()).isEqualTo(today.get("points").asString())
                    .isEqualTo("11.200000");
            String payout = today.get("payout").asString();
            assertThat(row.findElement(By.cssSelector(".payout")).getText()).isEqualTo(payout);
            assertThat(server.get("/users/early/wallet").body().get("paidOut").asString()).as("what early was paid")
                    .isEqualTo(payout);

            for (JsonNode kind : rewards.get("kinds")) {
                WebElement line = browser.find("#rewards-by-kind tr[data-kind='" + kind.get("kind").asString() + "']");
                assertThat(line.findElement(By.cssSelector(".paid")).getText()).as(kind.toString())
                        .isEqualTo(kind.get("paid").asString());
                assertThat(line.findElement(By.cssSelector(".pending")).getText()).isEqualTo(kind.get("pending").asString());
                assertThat(line.findElement(By.cssSelector(".count")).getText()).isEqualTo(kind.get("rewards").asString());
            }
            // 0.3% of 100.00, 1000.00 and 500.00 settled, of 200.00 pending; recruitment 0.5% of cafe's 500.00.
            assertThat(paid(rewards, "DIRECT")).isEqualByComparingTo("4.80");
            assertThat(kind(rewards, "DIRECT").get("pending").asString()).isEqualTo("0.60");
            assertThat(paid(rewards, "RECRUITMENT")).isEqualByComparingTo("2.50");
            assertThat(paid(rewards, "INDIRECT")).isEqualByComparingTo("3.20");
            assertThat(paid(rewards, "AGENT")).isPositive();
            assertThat(new BigDecimal(cash("lee"))).as("lee got the direct and the recruitment rewards, nothing else")
                    .isEqualByComparingTo(paid(rewards, "DIRECT").add(paid(rewards, "RECRUITMENT")));
            assertThat(browser.find("#rewards-paid").getText()).isEqualTo(rewards.get("paid").asString());
            assertThat(browser.find("#rewards-by-kind tr[data-kind='RECRUITMENT'] td").getText()).isEqualTo("招商奖励");
            browser.screenshot("role-dashboard");

            browser.open("/console/merchant?merchant=cafe");
            browser.waitForText("#owner-rewards", "kim");
            assertThat(browser.find("#recruitment-paid").getText()).as("cafe's owner recruited nobody").isEqualTo("0.00");
        }
    }

    @Test
    void aConsumerSeesTheirOrdersAndTheirInviteQrCodeWhichAFriendJoinsThrough() throws Exception {
        String amy = server.login("amy", "amy-secret");
        JsonNode orders = server.send(amy, "GET", "/me/orders", null, null).body();
        assertThat(orders).hasSize(3);
        String invitePath = server.send(amy, "GET", "/me/invite", null, null).body().get("path").asString();
        String inviteUrl;
        try (Browser browser = new Browser(server.origin(), PHONE_WIDTH, 900)) {
            browser.open("/login");
            browser.signIn("amy", "amy-secret");
            browser.waitForPath("/console/wallet");
            browser.click("#orders-link");
            browser.waitForPath("/console/orders");
            for (JsonNode order : orders) {
                WebElement item = browser.find("#orders li[data-order='" + order.get("order").asString() + "']");
                assertThat(item.findElement(By.cssSelector(".amount")).getText()).isEqualTo(order.get("amount").asString());
                assertThat(item.getAttribute("data-status")).isEqualTo(order.get("status").asString());
                if (order.get("status").asString().equals("SETTLED")) {
                    assertThat(item.findElement(By.cssSelector(".points")).getText())
                            .isEqualTo("+" + order.get("points").asString() + " 积分");
                    assertThat(item.findElement(By.cssSelector(".settlement")).getText()).startsWith("结算 ");
                } else {
                    assertThat(order.get("points").isNull()).as("no points before settlement").isTrue();
                    assertThat(item.findElement(By.cssSelector(".settlement")).getText()).startsWith("预计结算 ");
                }
            }
            assertThat(browser.find("#orders li[data-order='o-amy-1'] .points").getText()).isEqualTo("+78.400000 积分");
            assertThat(browser.find("#orders li[data-order='o-amy-3'] .status").getText()).isEqualTo("待结算");
            browser.screenshot("role-orders");
            browser.open("/console/orders?lang=en");
            browser.waitForText("h1", "My orders");
            assertThat(browser.find("#orders li[data-order='o-amy-1'] .points").getText()).isEqualTo("+78.400000 points");
            browser.open("/console/orders?lang=zh");
            browser.waitForText("h1", "我的订单");

            browser.open("/console/wallet");
            browser.click("#invite-link");
            browser.waitForPath("/console/invite");
            inviteUrl = browser.find("#invite-link").getText();
            assertThat(inviteUrl).isEqualTo(server.origin() + invitePath);
            browser.find("#invite-image");
            Object width = browser.driver.executeScript(
                    "var img = document.getElementById('invite-image'); return img.complete ? img.naturalWidth : 0;");
            assertThat(((Number) width).intValue()).as("the QR image loaded").isGreaterThan(0);
            byte[] png = getWithSession(browser, "/console/invite.png").body();
            assertThat(decodeQr(png)).as("the QR code carries the invite link").isEqualTo(inviteUrl);
            browser.screenshot("role-invite");
        }
        // A friend scans it: the join page, then signing in; amy is the friend's referrer.
        try (Browser browser = new Browser(server.origin(), PHONE_WIDTH, 900)) {
            browser.open("/join?invite=nobody");
            browser.type("#join-username", "ben");
            browser.type("#join-password", "ben-secret");
            browser.click("#join-submit");
            browser.waitForText("#join-error", "没有用户 nobody");
            browser.driver.get(inviteUrl);
            browser.waitForText("#invited-by", "amy");
            browser.type("#join-username", "ben");
            browser.type("#join-password", "ben-secret");
            browser.screenshot("role-join");
            browser.click("#join-submit");
            browser.find("#joined");
            browser.signIn("ben", "ben-secret");
            browser.waitForPath("/console/wallet");
            browser.waitForText("#balances", "你的推荐人：amy");
        }
        assertThat(server.send(null, "POST", "/auth/register", "{\"username\":\"ben\",\"password\":\"ben-secret-2\"}", null)
                .status()).as("the join page created ben's account").isEqualTo(409);
    }

    @Test
    void aMerchantSeesSettlementsCustomersAndRewardsAndChangesItsStoreSettings() throws Exception {
        String keeper = server.login("lee-shop", "lee-secret");
        JsonNode settlements = server.send(keeper, "GET", "/merchants/shop/settlements", null, null).body();
        JsonNode customers = server.send(keeper, "GET", "/merchants/shop/customers", null, null).body();
        JsonNode rewards = server.send(keeper, "GET", "/merchants/shop/rewards", null, null).body();
        assertThat(settlements.get("total").get("amount").asString()).isEqualTo("1100.00");
        assertThat(settlements.get("total").get("commission").asString()).as("20% of 1100.00").isEqualTo("220.00");
        assertThat(settlements.get("total").get("received").asString()).isEqualTo(merchantCash(keeper)).isEqualTo("880.00");
        assertThat(rewards.get("crossStore").get("paid").asString()).as("0.3% of amy's 500.00 at cafe").isEqualTo("1.50");
        assertThat(rewards.get("recruitment").get("paid").asString()).as("0.5% of cafe's 500.00").isEqualTo("2.50");
        assertThat(rewards.get("thisStore").get("paid").asString()).isEqualTo("3.30");
        assertThat(rewards.get("thisStore").get("pending").asString()).isEqualTo("0.60");
        try (Browser browser = new Browser(server.origin(), DESK_WIDTH, 1000)) {
            browser.open("/login");
            browser.signIn("lee-shop", "lee-secret");
            browser.waitForPath("/console/merchant");
            JsonNode day = settlements.get("days").get(0);
            WebElement row = browser.find("#settlement-days tr[data-day='" + day.get("day").asString() + "']");
            assertThat(row.findElement(By.cssSelector(".orders")).getText()).isEqualTo(day.get("orders").asString());
            assertThat(row.findElement(By.cssSelector(".amount")).getText()).isEqualTo(day.get("amount").asString());
            assertThat(row.findElement(By.cssSelector(".commission")).getText()).isEqualTo(day.get("commission").asString());
            assertThat(row.findElement(By.cssSelector(".received")).getText()).isEqualTo(day.get("received").asString());
            assertThat(browser.find("#settlements-total .received").getText())
                    .isEqualTo(settlements.get("total").get("received").asString());

            assertThat(browser.driver.findElements(By.cssSelector("#customer-list tr[data-customer]")))
                    .extracting(e -> e.getAttribute("data-customer"))
                    .containsExactlyElementsOf(users(customers)).contains("amy", "early");

            assertThat(browser.find("#cross-store-paid").getText()).isEqualTo(rewards.get("crossStore").get("paid").asString());
            assertThat(browser.find("#recruitment-paid").getText()).isEqualTo(rewards.get("recruitment").get("paid").asString());
            assertThat(browser.find("#this-store-paid").getText()).isEqualTo(rewards.get("thisStore").get("paid").asString());
            WebElement recruitment = browser.find("#reward-list tr[data-kind='RECRUITMENT']");
            assertThat(recruitment.getAttribute("data-store")).isEqualTo("cafe");
            assertThat(recruitment.findElement(By.cssSelector(".amount")).getText()).isEqualTo("2.50");
            assertThat(browser.find("#reward-list tr[data-kind='DIRECT'][data-cross-store='true'] .amount").getText())
                    .isEqualTo("1.50");

            browser.type("#settings-name", "李记小馆");
            browser.type("#settings-address", "广州市天河区体育西路 1 号");
            browser.click("#settings-submit");
            browser.find("#settings-saved");
            browser.waitForText("#store-name", "李记小馆");
            JsonNode settings = server.send(keeper, "GET", "/merchants/shop/settings", null, null).body();
            assertThat(settings.get("displayName").asString()).isEqualTo("李记小馆");
            assertThat(settings.get("address").asString()).isEqualTo("广州市天河区体育西路 1 号");
            assertThat(settings.get("updatedBy").asString()).isEqualTo("lee-shop");
            browser.screenshot("role-merchant");

            browser.click("#pay-page-link");
            browser.waitForPath("/pay/shop");
            browser.waitForText("h1", "李记小馆");
            assertThat(browser.find("#store-address").getText()).contains("广州市天河区体育西路 1 号");
            browser.screenshot("role-pay-named");

            assertThat(getWithSession(browser, "/console/merchant?merchant=cafe").statusCode())
                    .as("a merchant opens only its own store").isEqualTo(403);
        }
        assertThat(server.send(keeper, "PUT", "/merchants/cafe/settings", "{\"displayName\":\"mine now\"}", "settings-1").status())
                .isEqualTo(403);
        assertThat(server.send(keeper, "GET", "/merchants/cafe/rewards", null, null).status()).isEqualTo(403);
        assertThat(server.send(keeper, "PUT", "/merchants/shop/settings", "{\"displayName\":\"" + "长".repeat(61) + "\"}",
                "settings-2").body().get("field").asString()).isEqualTo("displayName");
        JsonNode cafe = server.get("/merchants/cafe/rewards").body();
        assertThat(cafe.get("owner").asString()).as("an operator reads any store").isEqualTo("kim");
    }

    private static List<String> users(JsonNode customers) {
        List<String> users = new ArrayList<>();
        customers.forEach(customer -> users.add(customer.get("user").asString()));
        return users;
    }

    private static JsonNode kind(JsonNode rewards, String kind) {
        for (JsonNode line : rewards.get("kinds")) {
            if (line.get("kind").asString().equals(kind)) {
                return line;
            }
        }
        throw new AssertionError("no kind " + kind + " in " + rewards);
    }

    private static BigDecimal paid(JsonNode rewards, String kind) {
        return new BigDecimal(kind(rewards, kind).get("paid").asString());
    }

    private static String cash(String user) throws Exception {
        for (JsonNode balance : server.get("/users/" + user + "/wallet").body().get("balances")) {
            if (balance.get("account").asString().equals("USER_CASH")) {
                return balance.get("amount").asString();
            }
        }
        return "0.00";
    }

    /** The store's settled cash: the MERCHANT_CASH postings of the API's /postings, added up exactly. */
    private static String merchantCash(String token) throws Exception {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode posting : server.send(token, "GET", "/merchants/shop/postings", null, null).body()) {
            if (posting.get("account").asString().equals("MERCHANT_CASH")) {
                sum = sum.add(new BigDecimal(posting.get("amount").asString()));
            }
        }
        return sum.setScale(2).toPlainString();
    }

    /** A GET on the browser's session (its cookie), to read what the browser cannot: a status, an image's bytes. */
    private static HttpResponse<byte[]> getWithSession(Browser browser, String path) throws Exception {
        String session = browser.driver.manage().getCookieNamed("JSESSIONID").getValue();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.origin() + path))
                .header("Cookie", "JSESSIONID=" + session).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String decodeQr(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(),
                image.getHeight(), pixels)))).getText();
    }
}
